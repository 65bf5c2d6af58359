/// A natural number of any size, for exact comparisons of products of counts
/// (``KaplanMeier/exactSurvivalIsAtMostHalf(_:)``). Only what that needs: multiplication
/// by a machine word and comparison.
struct ExactNatural: Comparable {
    /// Base-2⁶⁴ digits, least significant first, no leading zero digit (0 is `[]`).
    private(set) var digits: [UInt64]

    init(_ value: UInt64) { digits = value == 0 ? [] : [value] }

    /// self × factor.
    mutating func multiply(by factor: UInt64) {
        guard factor != 0 else { digits = []; return }
        var carry: UInt64 = 0
        for i in digits.indices {
            let (high, low) = digits[i].multipliedFullWidth(by: factor)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            digits[i] = sum
            carry = high &+ (overflow ? 1 : 0)
        }
        if carry != 0 { digits.append(carry) }
    }

    static func < (a: ExactNatural, b: ExactNatural) -> Bool {
        if a.digits.count != b.digits.count { return a.digits.count < b.digits.count }
        for i in a.digits.indices.reversed() where a.digits[i] != b.digits[i] { return a.digits[i] < b.digits[i] }
        return false
    }
}
