import LinearAlgebra

/// A design compressed into its distinct rows (patterns) with their counts: the sufficient
/// statistics of every fit the model audit makes on it (logistic IRLS, least squares with
/// HC1/HC3 errors, Cramér's V, correlation ratios).
///
/// A points grid's criteria take few distinct values: a 1M-applicant design collapses into
/// thousands of patterns. Every one of those fits is a sum over rows of a term that depends only
/// on the row's values (design row `x`, outcome `y`, observation weight `w`) and on the fitted
/// parameters, so it equals the same sum over patterns, each term multiplied by the pattern's
/// frequency `f = count · w` (an applicant of weight `w` counts as `w` applicants: frequency
/// weights). Hence the fits on the compressed table are exact, not approximations; only the
/// order of floating-point summation changes (results agree to about 1e-15 relative).
///
/// One hashing pass over the rows (open addressing on the bit patterns of `x`, `y` and `w`,
/// so `0.1` and `0.1 + 1e-17` stay apart: no rounding into a pattern). Patterns are numbered in
/// the order of their first row, so the result does not depend on threads or on the hash.
/// The group codes each analysis needs are counted afterwards per pattern (``cells(groups:)``),
/// one pass per attribute, without hashing.
public struct DesignPatterns: Sendable {
    /// The distinct rows of the design, `P × k`, in the order of their first appearance.
    public let design: Matrix
    /// Each pattern's outcome (0 when the compression was made without one).
    public let outcome: [Double]
    /// Each pattern's observation weight (1 when the compression was made without weights).
    public let weight: [Double]
    /// Rows per pattern.
    public let counts: [Int]
    /// The pattern of each row, `0..<P`.
    public let patternOfRow: [Int32]

    /// Rows compressed, `n`.
    public var rows: Int { patternOfRow.count }
    /// Patterns, `P`.
    public var patterns: Int { counts.count }

    /// The default largest share of distinct patterns worth compressing: beyond `n/4` patterns
    /// (a continuous criterion, say) the hashing saves little and the fits run on the rows.
    public static let defaultLimitShare = 0.25

    /// Compresses `design` (with the outcome and observation weights, when given, as part of
    /// each pattern); nil when there are more than `limit` patterns (the default: a quarter of
    /// the rows), in which case the caller fits on the rows.
    ///
    /// - Parameter rows: when given, the design's rows are `design[rows[i], ·]` for
    ///   `i = 0..<rows.count` (a design already held as distinct rows and the row of each
    ///   applicant, e.g. a points grid's criteria points per pattern of its features): the result
    ///   is the one of the rows written out, without writing them out.
    /// - Throws: ``DriversError`` for mismatched sizes, non-finite values or a row index outside
    ///   the design.
    public static func compress(design x: Matrix, rows index: [Int32]? = nil, outcome: [Double]? = nil, weights: [Double]? = nil,
                                limit: Int? = nil) throws -> DesignPatterns? {
        let units = x.rows, n = index?.count ?? x.rows, k = x.columns
        try DriversInput.requireFinite(x, "design matrix")
        if let index, let bad = index.first(where: { $0 < 0 || Int($0) >= units }) {
            throw DriversError.invalidArgument("rows: expected indices in 0..<\(units), got \(bad)")
        }
        if let outcome {
            try DriversInput.requireCount(outcome.count, n, "outcome (one value per design row)")
            try DriversInput.requireFinite(outcome, "outcome")
        }
        if let weights {
            try DriversInput.requireCount(weights.count, n, "weights (one value per design row)")
            try DriversInput.requireFinite(weights, "weights")
            if let row = weights.firstIndex(where: { $0 < 0 }) {
                throw DriversError.invalidArgument("weights: expected values ≥ 0, got \(weights[row]) at row \(row)")
            }
        }
        let cap = limit ?? Int(Double(n) * defaultLimitShare)
        let width = k + 2                                   // x, then y, then w: the key
        var keys: [UInt64] = []                             // row-major, `width` per pattern
        var hashes: [UInt64] = []
        var counts: [Int] = []
        var patternOfRow = [Int32](repeating: 0, count: n)
        var mask = 1023
        var table = [Int32](repeating: -1, count: mask + 1)
        var row = [UInt64](repeating: 0, count: width)
        let overflow: Bool = x.storage.withUnsafeBufferPointer { source in
            for i in 0..<n {
                let r = index.map { Int($0[i]) } ?? i
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                for j in 0..<k {
                    let bits = (source[r + j * units] + 0).bitPattern  // + 0 folds −0 into +0
                    row[j] = bits
                    h = (h ^ bits) &* 0x0000_0100_0000_01b3
                    h ^= h >> 29
                }
                row[k] = ((outcome?[i] ?? 0) + 0).bitPattern
                row[k + 1] = ((weights?[i] ?? 1) + 0).bitPattern
                h = (h ^ row[k]) &* 0x0000_0100_0000_01b3
                h = (h ^ row[k + 1]) &* 0x0000_0100_0000_01b3
                h ^= h >> 31
                var slot = Int(truncatingIfNeeded: h) & mask
                var found: Int32 = -1
                while table[slot] >= 0 {
                    let p = Int(table[slot])
                    if hashes[p] == h {
                        var same = true
                        for j in 0..<width where keys[p * width + j] != row[j] { same = false; break }
                        if same { found = table[slot]; break }
                    }
                    slot = (slot + 1) & mask
                }
                if found < 0 {
                    if counts.count >= cap { return true }
                    found = Int32(counts.count)
                    table[slot] = found
                    keys.append(contentsOf: row)
                    hashes.append(h)
                    counts.append(0)
                    if counts.count * 2 > mask {
                        mask = mask * 2 + 1
                        table = [Int32](repeating: -1, count: mask + 1)
                        for (p, hash) in hashes.enumerated() {
                            var s = Int(truncatingIfNeeded: hash) & mask
                            while table[s] >= 0 { s = (s + 1) & mask }
                            table[s] = Int32(p)
                        }
                    }
                }
                counts[Int(found)] += 1
                patternOfRow[i] = found
            }
            return false
        }
        if overflow { return nil }
        let p = counts.count
        var storage = [Double](repeating: 0, count: p * k)
        for q in 0..<p {
            for j in 0..<k { storage[q + j * p] = Double(bitPattern: keys[q * width + j]) }
        }
        return DesignPatterns(design: try Matrix(rows: p, columns: k, columnMajor: storage),
                              outcome: (0..<p).map { Double(bitPattern: keys[$0 * width + k]) },
                              weight: (0..<p).map { Double(bitPattern: keys[$0 * width + k + 1]) },
                              counts: counts, patternOfRow: patternOfRow)
    }

    /// One cell per (pattern, group) that holds rows: rows with a negative group code are left
    /// out. Ordered by pattern, then group (deterministic); `frequency = count · weight`.
    ///
    /// - Throws: ``DriversError`` when `groups` does not have one code per row or a code is
    ///   outside −1…999,999.
    public func cells(groups: [Int32]) throws -> [PatternCell] {
        try DriversInput.requireCount(groups.count, rows, "group codes (one per row)")
        let levels = try DriversInput.levelCount(groups, "group codes")
        guard levels > 0 else { return [] }
        var result: [PatternCell] = []
        if patterns * levels <= 1 << 22 {
            var table = [Int32](repeating: 0, count: patterns * levels)
            for (p, g) in zip(patternOfRow, groups) where g >= 0 { table[Int(p) * levels + Int(g)] += 1 }
            for (index, count) in table.enumerated() where count > 0 {
                result.append(cell(pattern: index / levels, group: index % levels, count: Int(count)))
            }
        } else {
            var keys: [Int] = []
            keys.reserveCapacity(rows)
            for (p, g) in zip(patternOfRow, groups) where g >= 0 { keys.append(Int(p) * levels + Int(g)) }
            keys.sort()
            var start = 0
            while start < keys.count {
                var end = start
                while end + 1 < keys.count && keys[end + 1] == keys[start] { end += 1 }
                result.append(cell(pattern: keys[start] / levels, group: keys[start] % levels, count: end - start + 1))
                start = end + 1
            }
        }
        return result
    }

    private func cell(pattern: Int, group: Int, count: Int) -> PatternCell {
        PatternCell(pattern: pattern, group: Int32(group), count: count, frequency: Double(count) * weight[pattern])
    }
}
