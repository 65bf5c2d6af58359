/// The 2×2 agreement table of two binary raters over the same applicants: the grid's
/// selection (first rater) against the actual decision (second rater). Counts are `Double`
/// so that they may be sums of weights.
///
///                        decided   not decided
///     grid selects        both      gridOnly
///     grid does not    decisionOnly  neither
public struct AgreementTable: Sendable, Equatable, Hashable {
    /// Selected by the grid and by the decision.
    public let both: Double
    /// Selected by the grid, not by the decision (an override out).
    public let gridOnly: Double
    /// Selected by the decision, not by the grid (an override in).
    public let decisionOnly: Double
    /// Selected by neither.
    public let neither: Double

    /// - Throws: ``StratifiedInputError/invalidCount(name:value:)`` for a negative or
    ///   non-finite count.
    public init(both: Double, gridOnly: Double, decisionOnly: Double, neither: Double) throws {
        for (name, x) in [("both", both), ("gridOnly", gridOnly), ("decisionOnly", decisionOnly), ("neither", neither)] {
            guard x.isFinite, x >= 0 else { throw StratifiedInputError.invalidCount(name: name, value: x) }
        }
        self.init(unchecked: both, gridOnly, decisionOnly, neither)
    }

    init(unchecked both: Double, _ gridOnly: Double, _ decisionOnly: Double, _ neither: Double) {
        self.both = both
        self.gridOnly = gridOnly
        self.decisionOnly = decisionOnly
        self.neither = neither
    }

    /// n = both + gridOnly + decisionOnly + neither.
    public var total: Double { both + gridOnly + decisionOnly + neither }

    /// One table per segment code in `0..<segmentCount`, in one pass; rows with segment −1
    /// are left out. With `segments` nil, one table over all rows.
    ///
    /// - Parameters:
    ///   - gridSelected: per-row selection by the grid.
    ///   - decided: per-row actual decision, 1 selected, 0 not.
    ///   - weights: optional per-row weights, finite and ≥ 0.
    /// - Throws: ``StratifiedInputError`` naming the first invalid row or argument.
    public static func tabulate(gridSelected: [Bool], decided: [UInt8], segments: [Int32]? = nil, segmentCount: Int = 1,
                                weights: [Double]? = nil) throws -> [AgreementTable] {
        let n = gridSelected.count
        guard decided.count == n else { throw StratifiedInputError.lengthMismatch(argument: "decided", expected: n, found: decided.count) }
        if let segments, segments.count != n { throw StratifiedInputError.lengthMismatch(argument: "segments", expected: n, found: segments.count) }
        if let weights, weights.count != n { throw StratifiedInputError.lengthMismatch(argument: "weights", expected: n, found: weights.count) }
        guard segmentCount >= 1, segmentCount <= 1 << 24 else {
            throw StratifiedInputError.invalidParameter(name: "segmentCount", expected: "between 1 and 2^24 segments")
        }
        // Per segment: [neither, decisionOnly, gridOnly, both] at 4·segment + 2·grid + decision.
        var cells = [Double](repeating: 0, count: 4 * segmentCount)
        for i in 0..<n {
            let y = decided[i]
            guard y <= 1 else { throw StratifiedInputError.invalidOutcome(argument: "decided", row: i, value: y) }
            let w = weights?[i] ?? 1
            guard w.isFinite, w >= 0 else { throw StratifiedInputError.invalidWeight(row: i, value: w) }
            var s = 0
            if let segments {
                let code = segments[i]
                guard code >= -1, Int(code) < segmentCount else {
                    throw StratifiedInputError.codeOutOfRange(argument: "segments", row: i, code: code, count: segmentCount)
                }
                if code < 0 { continue }
                s = Int(code)
            }
            cells[4 * s + (gridSelected[i] ? 2 : 0) + Int(y)] += w
        }
        return (0..<segmentCount).map { s in
            AgreementTable(unchecked: cells[4 * s + 3], cells[4 * s + 2], cells[4 * s + 1], cells[4 * s])
        }
    }
}
