import AuditData
import AuditMetrics

extension GridGroupDisparity {
    /// The disparities of every group of `attribute` for one score column and
    /// its selection (both `rows` long, row-aligned with `attribute.codes`), in
    /// the order of `attribute.groups`. Formulas: ``GridGroupDisparity``.
    ///
    /// - Parameter reference: index of the reference group in `attribute.groups`.
    static func compute(attribute: GroupColumn, reference: Int, minGroupSize: Int,
                        scores: UnsafeBufferPointer<Double>, selected: ArraySlice<Bool>) -> [GridGroupDisparity] {
        let k = attribute.groups.count
        var counts = [Int](repeating: 0, count: k)
        var chosen = [Int](repeating: 0, count: k)
        var sums = [Double](repeating: 0, count: k)
        var i = selected.startIndex
        for (row, code) in attribute.codes.enumerated() {
            let g = Int(code)
            counts[g] += 1
            if selected[i] { chosen[g] += 1 }
            sums[g] += scores[row]
            i += 1
        }
        let rates: [MetricValue] = (0..<k).map { g in
            .ratio(Double(chosen[g]), Double(counts[g]), reason: "empty group: n = 0")
        }
        let means: [MetricValue] = (0..<k).map { g in
            .ratio(sums[g], Double(counts[g]), reason: "empty group: n = 0")
        }
        // As the audit's impact ratio: the `unknown` group (missing values) is never the most
        // favoured group.
        let eligible = (0..<k).filter { counts[$0] >= minGroupSize && UInt32($0) != attribute.unknownCode }
        let best = eligible.compactMap { rates[$0].value }.max()
        return (0..<k).map { g in
            let impact: MetricValue
            if counts[g] < minGroupSize {
                impact = .undefined(reason: "group of \(counts[g]) rows, fewer than min_group_size = \(minGroupSize)")
            } else if let best, let rate = rates[g].value {
                impact = .ratio(rate, best, reason: "no group of at least \(minGroupSize) rows is selected: max rate = 0")
            } else {
                impact = .undefined(reason: "no group of at least \(minGroupSize) rows")
            }
            return GridGroupDisparity(
                attribute: attribute.attribute, group: attribute.groups[g], count: counts[g], selected: chosen[g],
                selectionRate: rates[g], impactRatio: impact,
                rateDifference: difference(rates[g], rates[reference]),
                meanScore: means[g], meanScoreGap: difference(means[g], means[reference]))
        }
    }

    /// `a − b`, undefined (with the first reason) when either is.
    static func difference(_ a: MetricValue, _ b: MetricValue) -> MetricValue {
        guard let x = a.value else { return .undefined(reason: a.reason ?? "undefined") }
        guard let y = b.value else { return .undefined(reason: "reference: " + (b.reason ?? "undefined")) }
        return .defined(x - y)
    }
}
