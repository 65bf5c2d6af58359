/// Bad input to a driver analysis (score-gap decomposition, Oaxaca–Blinder, proxy detection).
///
/// Undefined *results* (an empty group, a zero gap, a separated logistic fit) are not errors:
/// they are ``MetricValue/undefined(reason:)`` values. This error says the input itself is
/// malformed, and names what was expected, with the row and column where one applies.
public enum DriversError: Error, Sendable, Equatable {
    /// Two inputs that must describe the same rows or columns have different sizes.
    case dimensionMismatch(what: String, expected: Int, got: Int)
    /// A NaN or infinite value at zero-based `row` (and `column`, for a matrix) of `what`.
    case nonFiniteValue(what: String, row: Int, column: Int?)
    /// A group or category code below −1 (−1 means "excluded"; codes are 0, 1, 2, …) or above
    /// 999,999 (codes are dense dictionary codes).
    case invalidCode(what: String, row: Int, code: Int32)
    /// An outcome that should be 0 or 1 is not.
    case notBinary(what: String, row: Int, value: Double)
    /// An argument outside its domain (a confidence level outside (0, 1), a negative reference code, …).
    case invalidArgument(String)
}

extension DriversError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .dimensionMismatch(let what, let expected, let got):
            return "\(what): expected \(expected), got \(got)"
        case .nonFiniteValue(let what, let row, let column):
            let place = column.map { "row \(row + 1), column \($0 + 1)" } ?? "row \(row + 1)"
            return "\(what): a finite number was expected at \(place)"
        case .invalidCode(let what, let row, let code):
            return "\(what): row \(row + 1) has code \(code); expected a code from 0 to 999999, or −1 for an excluded row"
        case .notBinary(let what, let row, let value):
            return "\(what): row \(row + 1) is \(value); expected 0 or 1"
        case .invalidArgument(let message):
            return message
        }
    }
}
