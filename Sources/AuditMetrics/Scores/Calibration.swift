import AuditData

/// Calibration by group: bins of the score, and per bin the observed positive rate against the
/// mean score (the reliability diagram of `sklearn.calibration.calibration_curve`, with counts
/// and intervals).
///
/// The bins are fixed once from **all** analysed scores, so every group is read on the same
/// bins: k edges-delimited bins e₀ < … < e_k with
/// - `.equalWidth`: e_j = min + j·(max − min)/k (sklearn `strategy='uniform'`, on the score's
///   range instead of [0, 1]);
/// - `.quantile`: e_j = the type-7 quantile at j/k (sklearn `strategy='quantile'`,
///   `np.percentile`); repeated edges give empty bins, reported as undefined.
/// A score s goes to bin #{interior edges e₁…e_{k−1} ≤ s} (`np.searchsorted(edges[1:-1], s,
/// side='right')`, as sklearn), so bins are [e_j, e_{j+1}) and the last is closed.
public enum Calibration {
    /// How the bin edges are placed.
    public enum Binning: String, Sendable {
        case equalWidth = "equal_width"
        case quantile
    }

    /// The k + 1 edges for ascending `sortedScores` (empty input gives no edges).
    public static func edges(sortedScores s: [Double], bins k: Int, binning: Binning) -> [Double] {
        guard let lo = s.first, let hi = s.last, k >= 1 else { return [] }
        switch binning {
        case .equalWidth:
            return (0...k).map { j in j == k ? hi : lo + Double(j) * (hi - lo) / Double(k) }
        case .quantile:
            return (0...k).map { j in Quantile.type7(s, Double(j) / Double(k)) }
        }
    }

    /// The bin of score `x` for `edges` (k + 1 edges): the number of interior edges ≤ x.
    static func bin(of x: Double, edges: [Double]) -> Int {
        // Binary search for the count of interior edges (indices 1..<k) that are ≤ x.
        var lo = 1, hi = edges.count - 1
        while lo < hi { let mid = (lo + hi) / 2; if edges[mid] <= x { lo = mid + 1 } else { hi = mid } }
        return lo - 1
    }

    /// The calibration table of ascending scores with labels on the given edges.
    public static func table(sortedScores s: [Double], labels: [UInt8], edges: [Double], level: Double = 0.95) -> [CalibrationBin] {
        let k = edges.count - 1
        guard k >= 1 else { return [] }
        var n = [Int](repeating: 0, count: k), positives = n
        var sums = [Double](repeating: 0, count: k)
        for (x, l) in zip(s, labels) {
            let b = bin(of: x, edges: edges)
            n[b] += 1
            positives[b] += Int(l)
            sums[b] += x
        }
        return (0..<k).map { b in
            let empty = "empty bin: no row of the group scores in [\(edges[b]), \(edges[b + 1]))"
            let interval = n[b] > 0 ? MetricInterval(ProportionInterval.wilson(successes: Double(positives[b]), trials: Double(n[b]), level: level), .wilson) : nil
            return CalibrationBin(lower: edges[b], upper: edges[b + 1], n: n[b], positives: positives[b],
                                  observedRate: .ratio(Double(positives[b]), Double(n[b]), reason: empty),
                                  observedRateInterval: interval, meanScore: .ratio(sums[b], Double(n[b]), reason: empty))
        }
    }
}
