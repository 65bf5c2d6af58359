import AuditData

extension Quantile {
    /// The median of ascending values, numpy's `np.median` (type 7 at p = 0.5).
    static func type7Median(_ sorted: [Double]) -> Double {
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2])
    }
}
