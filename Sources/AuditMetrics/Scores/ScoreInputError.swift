/// Invalid input to the score-fairness functions. Every case names the argument and, where
/// there is one, the 0-based row index of the offending value.
public enum ScoreInputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two per-row arrays differ in length.
    case lengthMismatch(argument: String, expected: Int, found: Int)
    /// A group code outside `-1..<groupCount`.
    case groupCodeOutOfRange(row: Int, code: Int32, groupCount: Int)
    /// A score that is infinite (NaN is read as a missing score, not an error).
    case infiniteScore(row: Int)
    /// A label other than 0 or 1.
    case invalidLabel(row: Int, value: UInt8)
    /// A parameter outside its domain (a level not in (0, 1), a bin count below 1, …).
    case invalidParameter(name: String, expected: String)

    public var description: String {
        switch self {
        case let .lengthMismatch(argument, expected, found):
            return "\(argument): expected \(expected) values (one per applicant), found \(found)"
        case let .groupCodeOutOfRange(row, code, groupCount):
            return "groups, row \(row): expected a code in 0..<\(groupCount) or -1 (excluded), found \(code)"
        case let .infiniteScore(row):
            return "scores, row \(row): expected a finite score or NaN (missing), found an infinite value"
        case let .invalidLabel(row, value):
            return "labels, row \(row): expected 0 or 1, found \(value)"
        case let .invalidParameter(name, expected):
            return "\(name): expected \(expected)"
        }
    }
}
