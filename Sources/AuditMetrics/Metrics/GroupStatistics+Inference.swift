import AuditData

extension GroupStatistics {
    /// Cells (indices TN 0, FP 1, FN 2, TP 3) of the numerator and denominator of a metric
    /// that is a proportion within the group; `nil` for counts, `share`, `ppr` and `score_mean`.
    static func proportionCells(_ metric: GroupMetric) -> (numerator: [Int], denominator: [Int])? {
        switch metric {
        case .baseRate: return ([fn, tp], [tn, fp, fn, tp])
        case .selectionRate: return ([fp, tp], [tn, fp, fn, tp])
        case .tpr: return ([tp], [tp, fn])
        case .fnr: return ([fn], [tp, fn])
        case .tnr: return ([tn], [tn, fp])
        case .fpr: return ([fp], [tn, fp])
        case .ppv: return ([tp], [tp, fp])
        case .fdr: return ([fp], [tp, fp])
        case .npv: return ([tn], [tn, fn])
        case .falseOmissionRate: return ([fn], [tn, fn])
        case .accuracy: return ([tn, tp], [tn, fp, fn, tp])
        default: return nil
        }
    }

    /// The effective binomial counts behind a proportion metric: `trials` is Kish's effective
    /// sample size of the denominator, n_eff = (Σw)² / Σw² (the row count when unweighted),
    /// and `successes` = p̂ · n_eff. `ppr` and `share` are proportions of the population's
    /// positive decisions and of its rows. `nil` when the metric is not a proportion or its
    /// denominator is empty.
    public func effectiveCounts(_ metric: GroupMetric, population: GroupStatistics) -> (successes: Double, trials: Double)? {
        let numeratorWeight: Double, denominatorWeight: Double, denominatorSquares: Double
        switch metric {
        case .ppr:
            numeratorWeight = tp + fp
            denominatorWeight = population.tp + population.fp
            denominatorSquares = population.weightSquares[Self.tp] + population.weightSquares[Self.fp]
        case .share:
            numeratorWeight = totalWeight
            denominatorWeight = population.totalWeight
            denominatorSquares = population.weightSquares.sum()
        default:
            guard let cells = Self.proportionCells(metric) else { return nil }
            numeratorWeight = cells.numerator.reduce(0) { $0 + weights[$1] }
            denominatorWeight = cells.denominator.reduce(0) { $0 + weights[$1] }
            denominatorSquares = cells.denominator.reduce(0) { $0 + weightSquares[$1] }
        }
        guard denominatorWeight > 0, denominatorSquares > 0 else { return nil }
        let trials = denominatorWeight * denominatorWeight / denominatorSquares
        return (numeratorWeight / denominatorWeight * trials, trials)
    }

    /// The interval of a proportion metric at `level`, by `method`.
    public func interval(_ metric: GroupMetric, population: GroupStatistics, method: InferenceSpec.IntervalMethod, level: Double) -> MetricInterval? {
        if metric == .scoreMean { return scoreMeanInterval(level: level) }
        guard let (x, n) = effectiveCounts(metric, population: population) else { return nil }
        switch method {
        case .wilson: return MetricInterval(ProportionInterval.wilson(successes: x, trials: n, level: level), .wilson)
        case .exact: return MetricInterval(ProportionInterval.clopperPearson(successes: x, trials: n, level: level), .clopperPearson)
        }
    }

    /// Why a metric with a defined value has no analytic interval, when it should have one:
    /// the score mean of a weighted audit, or of fewer than two scored rows. `nil` otherwise.
    func intervalUnavailable(_ metric: GroupMetric) -> String? {
        guard metric == .scoreMean else { return nil }
        if scoredRows < 2 { return "no interval: fewer than 2 scored rows" }
        if scoreWeight != Double(scoredRows) {
            return "no interval: the audit is weighted, and the score mean's interval is computed for unweighted rows only"
        }
        return nil
    }

    /// Normal interval of the mean score, mean ± z·s/√n with the sample standard deviation
    /// (n − 1 denominator). Unweighted audits only: with weights the effective size of the
    /// scored rows is not kept, and the bootstrap does not support weights yet.
    func scoreMeanInterval(level: Double) -> MetricInterval? {
        let n = Double(scoredRows)
        guard scoredRows >= 2, scoreWeight == n else { return nil }
        let mean = scoreSum / n
        let variance = max(0, (scoreSquareSum - n * mean * mean) / (n - 1))
        let half = Normal.quantile(0.5 + level / 2) * (variance / n).squareRoot()
        return MetricInterval(low: mean - half, high: mean + half, method: .normal)
    }

    /// Statistics of the rows of `self` that are not in `part` (the rest of the population).
    public static func - (whole: GroupStatistics, part: GroupStatistics) -> GroupStatistics {
        GroupStatistics(
            rows: whole.rows &- part.rows, weights: whole.weights - part.weights, weightSquares: whole.weightSquares - part.weightSquares,
            scoredRows: whole.scoredRows - part.scoredRows, scoreWeight: whole.scoreWeight - part.scoreWeight,
            scoreSum: whole.scoreSum - part.scoreSum, scoreSquareSum: whole.scoreSquareSum - part.scoreSquareSum
        )
    }
}
