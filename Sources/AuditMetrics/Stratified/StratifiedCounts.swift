/// Selected and not-selected counts of every group in every stratum of one protected
/// attribute, from one pass over the rows: the groups × strata × 2 array from which each
/// group's ``StratifiedTables`` against the reference are read.
///
/// Cell (g, s) holds, over the rows with group code g and stratum code s, the number (or the
/// weight sum) of rows with outcome 1 (`selected`) and 0 (`notSelected`), and the number of
/// rows (`rows`, unweighted, for disclosure control). Rows whose group or stratum code is −1
/// are left out and counted in ``leftOut``.
public struct StratifiedCounts: Sendable, Equatable {
    public let groupCount: Int
    public let strataCount: Int
    /// Weight sums (row counts when unweighted) of selected rows, index `g * strataCount + s`.
    public let selected: [Double]
    /// Weight sums (row counts when unweighted) of rows not selected, same index.
    public let notSelected: [Double]
    /// Rows per cell, same index, whatever the weights.
    public let rows: [Int]
    /// Rows with group or stratum code −1.
    public let leftOut: Int

    /// One pass over the rows.
    ///
    /// - Parameters:
    ///   - groups: per-row group code in `-1..<groupCount` (−1: left out).
    ///   - strata: per-row stratum code in `-1..<strataCount` (−1: left out).
    ///   - selected: per-row outcome, 1 selected, 0 not.
    ///   - weights: optional per-row weights, finite and ≥ 0.
    /// - Throws: ``StratifiedInputError`` naming the first invalid row or argument.
    public static func tabulate(groups: [Int32], strata: [Int32], selected: [UInt8], weights: [Double]? = nil,
                                groupCount: Int, strataCount: Int) throws -> StratifiedCounts {
        let n = groups.count
        guard groupCount >= 1 else { throw StratifiedInputError.invalidParameter(name: "groupCount", expected: "at least 1 group") }
        guard strataCount >= 1 else { throw StratifiedInputError.invalidParameter(name: "strataCount", expected: "at least 1 stratum") }
        guard strata.count == n else { throw StratifiedInputError.lengthMismatch(argument: "strata", expected: n, found: strata.count) }
        guard selected.count == n else { throw StratifiedInputError.lengthMismatch(argument: "selected", expected: n, found: selected.count) }
        if let weights, weights.count != n { throw StratifiedInputError.lengthMismatch(argument: "weights", expected: n, found: weights.count) }
        let (cellsCount, overflow) = groupCount.multipliedReportingOverflow(by: strataCount)
        guard !overflow, cellsCount <= 1 << 28 else {
            throw StratifiedInputError.invalidParameter(name: "groupCount × strataCount", expected: "at most 2^28 cells")
        }
        // Interleaved [not selected, selected] per cell: one write per row.
        var sums = [Double](repeating: 0, count: 2 * cellsCount)
        var rows = [Int](repeating: 0, count: cellsCount)
        var leftOut = 0
        let g32 = Int32(clamping: groupCount), s32 = Int32(clamping: strataCount)
        try groups.withUnsafeBufferPointer { gp in
            try strata.withUnsafeBufferPointer { sp in
                try selected.withUnsafeBufferPointer { yp in
                    try sums.withUnsafeMutableBufferPointer { cp in
                        try rows.withUnsafeMutableBufferPointer { rp in
                            for i in 0..<n {
                                let g = gp[i], s = sp[i], y = yp[i]
                                guard g >= -1, g < g32 else { throw StratifiedInputError.codeOutOfRange(argument: "groups", row: i, code: g, count: groupCount) }
                                guard s >= -1, s < s32 else { throw StratifiedInputError.codeOutOfRange(argument: "strata", row: i, code: s, count: strataCount) }
                                guard y <= 1 else { throw StratifiedInputError.invalidOutcome(argument: "selected", row: i, value: y) }
                                if let weights {
                                    let w = weights[i]
                                    guard w.isFinite, w >= 0 else { throw StratifiedInputError.invalidWeight(row: i, value: w) }
                                    if g < 0 || s < 0 { leftOut += 1; continue }
                                    cp[2 * (Int(g) * strataCount + Int(s)) + Int(y)] += w
                                } else {
                                    if g < 0 || s < 0 { leftOut += 1; continue }
                                    cp[2 * (Int(g) * strataCount + Int(s)) + Int(y)] += 1
                                }
                                rp[Int(g) * strataCount + Int(s)] += 1
                            }
                        }
                    }
                }
            }
        }
        return StratifiedCounts(groupCount: groupCount, strataCount: strataCount,
                                selected: (0..<cellsCount).map { sums[2 * $0 + 1] },
                                notSelected: (0..<cellsCount).map { sums[2 * $0] },
                                rows: rows, leftOut: leftOut)
    }

    /// Group `group`'s K tables against `reference` (a = selected in the group, b = not,
    /// c = selected in the reference, d = not), one per stratum. Codes must be in
    /// `0..<groupCount`; `nil` otherwise.
    public func tables(group: Int, reference: Int) -> StratifiedTables? {
        guard (0..<groupCount).contains(group), (0..<groupCount).contains(reference) else { return nil }
        return StratifiedTables((0..<strataCount).map { s in
            let x = group * strataCount + s, r = reference * strataCount + s
            return TwoByTwoTable(unchecked: selected[x], notSelected[x], selected[r], notSelected[r])
        })
    }

    /// Every group's tables against `reference`, indexed by group code; `nil` at the reference
    /// itself (and everywhere when `reference` is not a group code).
    public func tables(against reference: Int) -> [StratifiedTables?] {
        (0..<groupCount).map { g in g == reference ? nil : tables(group: g, reference: reference) }
    }
}
