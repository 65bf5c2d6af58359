/// Empirical quantiles.
public enum Quantile {
    /// Hyndman & Fan type 7 (numpy's and R's default): with `h = (n−1)·p`,
    /// `Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])` on sorted data. `sorted` must be non-empty.
    public static func type7(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let lower = Int(h.rounded(.down))
        let upper = Swift.min(lower + 1, sorted.count - 1)
        return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}
