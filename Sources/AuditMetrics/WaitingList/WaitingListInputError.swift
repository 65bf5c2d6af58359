/// Invalid input to the waiting-list functions; every case names the argument and, where there
/// is one, the 0-based row index.
public enum WaitingListInputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two per-row arrays differ in length.
    case lengthMismatch(argument: String, expected: Int, found: Int)
    /// A group code outside `-1..<groupCount`.
    case groupCodeOutOfRange(row: Int, code: Int32, groupCount: Int)
    /// Two analysed applicants share a rank.
    case duplicateRank(row: Int, rank: Int, firstRow: Int)
    /// A rank below 1.
    case invalidRank(row: Int, rank: Int)
    /// A waiting time that is negative or not finite.
    case invalidTime(row: Int, value: Double)
    /// An event flag other than 0 or 1.
    case invalidEvent(row: Int, value: UInt8)
    /// A parameter outside its domain.
    case invalidParameter(name: String, expected: String)

    public var description: String {
        switch self {
        case let .lengthMismatch(argument, expected, found):
            return "\(argument): expected \(expected) values (one per applicant), found \(found)"
        case let .groupCodeOutOfRange(row, code, groupCount):
            return "groups, row \(row): expected a code in 0..<\(groupCount) or -1 (excluded), found \(code)"
        case let .duplicateRank(row, rank, firstRow):
            return "rank, row \(row): expected distinct ranks, found \(rank) again (first at row \(firstRow))"
        case let .invalidRank(row, rank):
            return "rank, row \(row): expected a position ≥ 1, found \(rank)"
        case let .invalidTime(row, value):
            return "waiting time, row \(row): expected a finite duration ≥ 0, found \(value)"
        case let .invalidEvent(row, value):
            return "event, row \(row): expected 1 (allocated) or 0 (still waiting, censored), found \(value)"
        case let .invalidParameter(name, expected):
            return "\(name): expected \(expected)"
        }
    }
}
