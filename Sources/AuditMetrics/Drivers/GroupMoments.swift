/// Per-group count, mean and sum of squared deviations of one variable, by two passes
/// (means first, then `Σ (x − mean)²`, which does not cancel as `Σx² − n·mean²` would).
///
/// Rows with a negative group code are skipped. `codes` must already be validated (< `groups`).
struct GroupMoments: Sendable, Equatable {
    /// Rows per group.
    var counts: [Int]
    /// `Σ x / n` per group (0 for an empty group; callers check `counts`).
    var means: [Double]
    /// `Σ (x − mean)²` per group.
    var squaredDeviations: [Double]

    init(values: [Double], codes: [Int32], groups: Int) {
        var counts = [Int](repeating: 0, count: groups)
        var sums = [Double](repeating: 0, count: groups)
        for (x, code) in zip(values, codes) where code >= 0 {
            counts[Int(code)] += 1
            sums[Int(code)] += x
        }
        var means = [Double](repeating: 0, count: groups)
        for g in 0..<groups where counts[g] > 0 { means[g] = sums[g] / Double(counts[g]) }
        var deviations = [Double](repeating: 0, count: groups)
        for (x, code) in zip(values, codes) where code >= 0 {
            let d = x - means[Int(code)]
            deviations[Int(code)] += d * d
        }
        self.counts = counts
        self.means = means
        self.squaredDeviations = deviations
    }

    /// Sample variance `Σ(x − mean)²/(n − 1)` of group `g`, nil when it has fewer than 2 rows.
    func sampleVariance(_ g: Int) -> Double? {
        counts[g] >= 2 ? squaredDeviations[g] / Double(counts[g] - 1) : nil
    }
}
