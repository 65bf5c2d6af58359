/// Validated per-applicant scores, grouped, sorted once.
///
/// Rows with group code −1 are excluded from every computation; rows with a NaN score are
/// excluded and counted in ``missingScores``. The remaining rows are sorted once by score
/// (ties by row index, so the order is deterministic) and every metric reuses that order.
/// The sort is a stable radix sort (``StableRadixSort``): linear, and the same order as a
/// comparison sort by (score, row).
public struct ScoreSample: Sendable {
    /// The group names, indexed by code.
    public let groupLabels: [String]
    /// The analysed rows (a valid group and a score), by ascending score (ties by row index):
    /// the shared order itself when the grouping leaves no row out (no copy).
    let rows: [Int32]
    /// Per input row, as given (shared with the caller, not copied): the scores, the labels
    /// when given, the group codes. The sample reads them through `rows` (issue 21: a grouping
    /// of 10 million applicants holds no sorted copy of 13 bytes a row).
    let scores: [Double]
    let labels: [UInt8]?
    let groups: [Int32]
    /// Rows with a valid group but no score (NaN).
    public let missingScores: Int
    /// Rows excluded because their group code is −1.
    public let excluded: Int

    /// - Parameters:
    ///   - groups: group code per applicant, in `0..<groupLabels.count`, or −1 (missing/excluded).
    ///   - groupLabels: the group names, indexed by code.
    ///   - scores: one score per applicant; NaN is a missing score.
    ///   - labels: optional 0/1 ground truth per applicant.
    /// - Throws: ``ScoreInputError`` naming the argument and row of the first invalid value.
    /// The rows with a score (not NaN), by ascending score (ties by row index): what
    /// ``init(groups:groupLabels:scores:labels:order:)`` takes to skip its own sort when
    /// several groupings of the same scores are analysed.
    public static func ascendingOrder(scores: [Double]) -> [Int32] {
        StableRadixSort.ascending((0..<Int32(clamping: scores.count)).filter { !scores[Int($0)].isNaN }) { scores[$0] }
    }

    ///   - order: ``ascendingOrder(scores:)`` of `scores`, when the caller has it (the rows
    ///     analysed are taken from it in its order: the same as sorting them).
    public init(groups: [Int32], groupLabels: [String], scores: [Double], labels: [UInt8]? = nil, order ascending: [Int32]? = nil) throws {
        guard scores.count == groups.count else { throw ScoreInputError.lengthMismatch(argument: "scores", expected: groups.count, found: scores.count) }
        guard groups.count <= StableRadixSort.maximumCount else {
            throw ScoreInputError.invalidParameter(name: "groups", expected: "at most \(StableRadixSort.maximumCount) rows")
        }
        if let labels, labels.count != groups.count { throw ScoreInputError.lengthMismatch(argument: "labels", expected: groups.count, found: labels.count) }
        let groupCount = groupLabels.count
        // The rows to sort, when no shared order is given.
        var rows: [Int32] = []
        if ascending == nil { rows.reserveCapacity(groups.count) }
        var missing = 0, excluded = 0
        for r in 0..<groups.count {
            let g = groups[r]
            guard g >= -1, Int(g) < groupCount else { throw ScoreInputError.groupCodeOutOfRange(row: r, code: g, groupCount: groupCount) }
            if let labels, labels[r] > 1 { throw ScoreInputError.invalidLabel(row: r, value: labels[r]) }
            let s = scores[r]
            if s.isInfinite { throw ScoreInputError.infiniteScore(row: r) }
            if g < 0 { excluded += 1; continue }
            if s.isNaN { missing += 1; continue }
            if ascending == nil { rows.append(Int32(r)) }
        }
        // Ascending score, ties by row index: a stable radix sort over rows in index order, or
        // the shared order (as it is when no row is left out).
        if let ascending {
            self.rows = try Self.included(ascending, groups: groups, scores: scores, count: groups.count - excluded - missing)
        } else {
            self.rows = StableRadixSort.ascending(rows) { scores[$0] }
        }
        self.groupLabels = groupLabels
        self.scores = scores
        self.labels = labels
        self.groups = groups
        self.missingScores = missing
        self.excluded = excluded
    }

    /// The rows of a shared `order` to analyse: those in a group (code ≥ 0), in their order —
    /// `order` itself when it holds no other (no copy), else written into an array of exactly
    /// `count` rows (`filter` grows its result by doubling: up to twice the bytes, 67 MB
    /// instead of 40 at 10 million rows, at the model audit's peak; issue 21).
    /// - Throws: `lengthMismatch` for `order` when it holds a row out of range or without a
    ///   score, or not `count` rows in a group: a check of its rows and their number (an
    ///   order of the right rows in another order is not detected; `ascendingOrder(scores:)`
    ///   gives the right one).
    static func included(_ order: [Int32], groups: [Int32], scores: [Double], count: Int) throws(ScoreInputError) -> [Int32] {
        var found = 0, inGroups = 0
        for r in order {
            guard r >= 0, Int(r) < groups.count, !scores[Int(r)].isNaN else { throw .lengthMismatch(argument: "order", expected: count, found: order.count) }
            if groups[Int(r)] >= 0 { inGroups += 1 }
        }
        guard inGroups == count else { throw .lengthMismatch(argument: "order", expected: count, found: inGroups) }
        guard inGroups < order.count else { return order }
        return [Int32](unsafeUninitializedCapacity: count) { out, initialized in
            for r in order where groups[Int(r)] >= 0 {
                out[found] = r
                found += 1
            }
            initialized = found
        }
    }

    /// Analysed rows (valid group and a score).
    public var count: Int { rows.count }

    /// Whether labels were given.
    public var hasLabels: Bool { labels != nil }

    /// The scores of the analysed rows, ascending (written out on each call: read it once).
    var sortedScores: [Double] { rows.map { scores[Int($0)] } }
    /// The labels of the analysed rows in the same order, when labels were given (written out on each call).
    var sortedLabels: [UInt8]? { labels.map { l in rows.map { l[Int($0)] } } }
    /// The group code of each analysed row, in ascending score order (written out on each call).
    var sortedGroups: [Int32] { rows.map { groups[Int($0)] } }

    /// Analysed rows per group code.
    public var groupSizes: [Int] {
        var sizes = [Int](repeating: 0, count: groupLabels.count)
        for r in rows { sizes[Int(groups[Int(r)])] += 1 }
        return sizes
    }

    /// Every group's ascending scores and, with labels, their labels (empty without), in code
    /// order — in two passes over the rows whatever the number of groups (the sizes, then the
    /// lists, each sized once). The whole sample is `sortedScores` and `sortedLabels`.
    func rowsByGroup() -> [(scores: [Double], labels: [UInt8])] {
        let labelled = labels != nil
        var split: [(scores: [Double], labels: [UInt8])] = groupSizes.map { size in
            var s: [Double] = [], l: [UInt8] = []
            s.reserveCapacity(size)
            if labelled { l.reserveCapacity(size) }
            return (s, l)
        }
        for r in rows {
            let row = Int(r)
            let g = Int(groups[row])
            split[g].scores.append(scores[row])
            if let labels { split[g].labels.append(labels[row]) }
        }
        return split
    }
}
