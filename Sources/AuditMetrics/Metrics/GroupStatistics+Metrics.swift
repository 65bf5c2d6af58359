extension GroupStatistics {
    /// Weighted cell sums: TP, FP, TN, FN (row counts when unweighted).
    public var tp: Double { weights[Self.tp] }
    public var fp: Double { weights[Self.fp] }
    public var tn: Double { weights[Self.tn] }
    public var fn: Double { weights[Self.fn] }

    /// A metric of this group as a pure function of its statistics.
    ///
    /// - Parameters:
    ///   - population: statistics of all rows, for `share` (weight over total weight) and
    ///     `ppr` (predicted positives over all predicted positives, Aequitas).
    /// - Returns: the value, or *undefined* with the reason when its denominator is zero.
    public func metric(_ metric: GroupMetric, population: GroupStatistics) -> MetricValue {
        let n = totalWeight
        if count == 0, metric != .count, metric != .share, metric != .tp, metric != .fp, metric != .tn, metric != .fn {
            return .undefined(reason: "empty group: no rows")
        }
        switch metric {
        case .count: return .defined(Double(count))
        case .share: return .ratio(n, population.totalWeight, reason: "total weight is 0")
        case .baseRate: return .ratio(tp + fn, n, reason: "group weight is 0")
        case .selectionRate: return .ratio(tp + fp, n, reason: "group weight is 0")
        case .ppr: return .ratio(tp + fp, population.tp + population.fp, reason: "no positive decisions in the population (K = 0)")
        case .tpr: return .ratio(tp, tp + fn, reason: "no label-positive rows: TP+FN = 0")
        case .fnr: return .ratio(fn, tp + fn, reason: "no label-positive rows: TP+FN = 0")
        case .tnr: return .ratio(tn, tn + fp, reason: "no label-negative rows: TN+FP = 0")
        case .fpr: return .ratio(fp, tn + fp, reason: "no label-negative rows: TN+FP = 0")
        case .ppv: return .ratio(tp, tp + fp, reason: "no positive decisions: TP+FP = 0")
        case .fdr: return .ratio(fp, tp + fp, reason: "no positive decisions: TP+FP = 0")
        case .npv: return .ratio(tn, tn + fn, reason: "no negative decisions: TN+FN = 0")
        case .falseOmissionRate: return .ratio(fn, tn + fn, reason: "no negative decisions: TN+FN = 0")
        case .accuracy: return .ratio(tp + tn, n, reason: "group weight is 0")
        case .tp: return .defined(tp)
        case .fp: return .defined(fp)
        case .tn: return .defined(tn)
        case .fn: return .defined(fn)
        case .scoreMean: return .ratio(scoreSum, scoreWeight, reason: "no row of the group has a score")
        }
    }

    /// Rows (unweighted) in the denominator of `metric`: the people a rate is about.
    /// For counts and `share` it is the group's row count; for `ppr`, the group's positive decisions.
    public func denominatorRows(_ metric: GroupMetric) -> Int {
        switch metric {
        case .count, .share, .baseRate, .selectionRate, .accuracy, .tp, .fp, .tn, .fn: return count
        case .ppr: return rows[Self.tp] + rows[Self.fp]
        case .tpr, .fnr: return rows[Self.tp] + rows[Self.fn]
        case .tnr, .fpr: return rows[Self.tn] + rows[Self.fp]
        case .ppv, .fdr: return rows[Self.tp] + rows[Self.fp]
        case .npv, .falseOmissionRate: return rows[Self.tn] + rows[Self.fn]
        case .scoreMean: return scoredRows
        }
    }

    /// Rate of the outcome that is good for the person: the selection rate when the decision
    /// is favourable, `1 − selection_rate` when it is unfavourable. The four-fifths rule
    /// compares these.
    public func favourableRate(decisionIsFavourable: Bool) -> MetricValue {
        let numerator = decisionIsFavourable ? tp + fp : tn + fn
        if count == 0 { return .undefined(reason: "empty group: no rows") }
        return .ratio(numerator, totalWeight, reason: "group weight is 0")
    }
}
