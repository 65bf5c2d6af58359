/// Invalid input to the stratified analyses (`Stratified/`); every case names the argument and,
/// where there is one, the 0-based row index.
public enum StratifiedInputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two per-row arrays differ in length.
    case lengthMismatch(argument: String, expected: Int, found: Int)
    /// A group, stratum or segment code outside `-1..<count`.
    case codeOutOfRange(argument: String, row: Int, code: Int32, count: Int)
    /// A binary outcome other than 0 or 1.
    case invalidOutcome(argument: String, row: Int, value: UInt8)
    /// A weight that is negative or not finite.
    case invalidWeight(row: Int, value: Double)
    /// A count that is negative or not finite.
    case invalidCount(name: String, value: Double)
    /// A parameter outside its domain.
    case invalidParameter(name: String, expected: String)

    public var description: String {
        switch self {
        case let .lengthMismatch(argument, expected, found):
            return "\(argument): expected \(expected) values (one per applicant), found \(found)"
        case let .codeOutOfRange(argument, row, code, count):
            return "\(argument), row \(row): expected a code in 0..<\(count) or -1 (left out), found \(code)"
        case let .invalidOutcome(argument, row, value):
            return "\(argument), row \(row): expected 1 (selected) or 0 (not selected), found \(value)"
        case let .invalidWeight(row, value):
            return "weights, row \(row): expected a finite weight ≥ 0, found \(value)"
        case let .invalidCount(name, value):
            return "\(name): expected a finite count ≥ 0, found \(value)"
        case let .invalidParameter(name, expected):
            return "\(name): expected \(expected)"
        }
    }
}
