/// A waiting list: applicants in priority order, with their groups.
///
/// Rows with group code −1 are excluded; the others are put in ascending order of `rank`
/// (1 = first served) and take positions 1…n in that order, so gaps left by excluded rows
/// close up. Ranks must be ≥ 1 and distinct among analysed rows.
public struct RankedApplicants: Sendable {
    public let groupLabels: [String]
    /// Group code of the applicant at position i + 1.
    let order: [Int32]
    /// Applicants per group code.
    public let groupSizes: [Int]
    /// Rows excluded (group −1).
    public let excluded: Int

    /// - Throws: ``WaitingListInputError`` naming the first invalid row.
    public init(groups: [Int32], groupLabels: [String], rank: [Int]) throws {
        guard rank.count == groups.count else { throw WaitingListInputError.lengthMismatch(argument: "rank", expected: groups.count, found: rank.count) }
        let groupCount = groupLabels.count
        var pairs: [(rank: Int, row: Int)] = []
        pairs.reserveCapacity(groups.count)
        var excluded = 0
        for r in 0..<groups.count {
            let g = groups[r]
            guard g >= -1, Int(g) < groupCount else { throw WaitingListInputError.groupCodeOutOfRange(row: r, code: g, groupCount: groupCount) }
            if g < 0 { excluded += 1; continue }
            guard rank[r] >= 1 else { throw WaitingListInputError.invalidRank(row: r, rank: rank[r]) }
            pairs.append((rank[r], r))
        }
        pairs.sort { $0.rank < $1.rank || ($0.rank == $1.rank && $0.row < $1.row) }
        for i in pairs.indices.dropFirst() where pairs[i].rank == pairs[i - 1].rank {
            throw WaitingListInputError.duplicateRank(row: pairs[i].row, rank: pairs[i].rank, firstRow: pairs[i - 1].row)
        }
        var sizes = [Int](repeating: 0, count: groupCount)
        let order = pairs.map { groups[$0.row] }
        for g in order { sizes[Int(g)] += 1 }
        self.groupLabels = groupLabels
        self.order = order
        self.groupSizes = sizes
        self.excluded = excluded
    }

    /// Analysed applicants.
    public var count: Int { order.count }
}
