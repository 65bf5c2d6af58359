/// Kendall's τ between two total orders of the same items (Kendall 1938): with `D` the pairs
/// the orders put the other way round (discordant) among the `n(n−1)/2` pairs,
///
///     τ = 1 − 4·D / (n(n−1))
///
/// (no ties: both orders are total, so τ_a = τ_b). `D` is the number of inversions of the
/// second order's positions listed in the first order, counted by merge sort in O(n log n)
/// (Knight 1966).
public enum KendallTau {
    /// τ between the orders `first` and `second` (each a permutation of `0..<n`, best first);
    /// `nil` for fewer than two items.
    public static func tau(first: [Int], second: [Int]) -> Double? {
        let n = first.count
        guard n >= 2, second.count == n else { return nil }
        var position = [Int](repeating: 0, count: n)
        for (p, item) in second.enumerated() { position[item] = p }
        var sequence = first.map { position[$0] }
        var buffer = [Int](repeating: 0, count: n)
        let discordant = inversions(&sequence, &buffer, 0, n)
        return 1 - 4 * Double(discordant) / (Double(n) * Double(n - 1))
    }

    /// Inversions of `a[lo..<hi]`, which it sorts.
    static func inversions(_ a: inout [Int], _ buffer: inout [Int], _ lo: Int, _ hi: Int) -> Int {
        guard hi - lo > 1 else { return 0 }
        let mid = (lo + hi) / 2
        var count = inversions(&a, &buffer, lo, mid) + inversions(&a, &buffer, mid, hi)
        var i = lo, j = mid, k = lo
        while i < mid && j < hi {
            if a[i] <= a[j] { buffer[k] = a[i]; i += 1 } else { buffer[k] = a[j]; j += 1; count += mid - i }
            k += 1
        }
        while i < mid { buffer[k] = a[i]; i += 1; k += 1 }
        while j < hi { buffer[k] = a[j]; j += 1; k += 1 }
        for x in lo..<hi { a[x] = buffer[x] }
        return count
    }

    /// Rows best first: score descending, then the tie-break order (`tieRank`, 0 = first).
    public static func order(scores: [Double], tieRank: [Int32]) -> [Int] {
        (0..<scores.count).sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && tieRank[$0] < tieRank[$1]) }
    }
}
