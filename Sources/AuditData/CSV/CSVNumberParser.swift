/// Decimal number parsing straight from bytes, correctly rounded.
///
/// Accepted syntax (nothing else, in particular no surrounding spaces):
///
///     [+-] digits [sep digits] [(e|E) [+-] digits]     or     [+-] sep digits [exponent]
///
/// where `sep` is `.` (or `,` with `decimalComma`; `.` is then rejected) and
/// at least one mantissa digit is present ("5.", ".5" are accepted as by
/// `Double(String)`). Rejected: `inf`, `nan`, hexadecimal (`0x1p3`), thousands
/// separators (`1,000` / `1 000` / `1.000,5`), leading or trailing spaces, and
/// values that overflow to infinity (`1e400`). Underflow gives ±0 like
/// `strtod`.
///
/// Rounding is exact: with at most 15 significant digits and a power of ten
/// whose magnitude is at most 22, both the digits and the power are exact
/// doubles and one IEEE multiplication or division rounds correctly
/// (Clinger's fast path, W. D. Clinger, "How to read floating point numbers
/// accurately", PLDI 1990). Every other number goes through the standard
/// library's correctly rounded `Double(String)`. Typical CSV values (scores,
/// ages, amounts) all take the fast path.
enum CSVNumberParser {
    /// 10^0 ... 10^22, all exactly representable as `Double`.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]
    private static let exactIntegerPowersOfTen: [UInt64] = [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
        1_000_000_000, 10_000_000_000, 100_000_000_000, 1_000_000_000_000,
        10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
    ]

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> Double? {
        let n = bytes.count
        guard n > 0, let p = bytes.baseAddress else { return nil }
        let separator = decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
        let zero = UInt8(ascii: "0")

        var i = 0
        var negative = false
        if p[0] == UInt8(ascii: "-") { negative = true; i = 1 }
        else if p[0] == UInt8(ascii: "+") { i = 1 }

        var mantissa: UInt64 = 0
        var significantDigits = 0     // digits accumulated into `mantissa`
        var dropped = false           // nonzero... any digit beyond 19 significant ones
        var exponent = 0              // value = mantissa * 10^exponent
        var sawDigit = false

        while i < n {
            let d = p[i] &- zero
            if d > 9 { break }
            sawDigit = true
            if significantDigits < 19 {
                if mantissa != 0 || d != 0 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    significantDigits += 1
                }
            } else {
                exponent += 1
                dropped = true
            }
            i += 1
        }
        if i < n && p[i] == separator {
            i += 1
            while i < n {
                let d = p[i] &- zero
                if d > 9 { break }
                sawDigit = true
                if significantDigits < 19 {
                    if mantissa != 0 || d != 0 {
                        mantissa = mantissa &* 10 &+ UInt64(d)
                        significantDigits += 1
                    }
                    exponent -= 1
                } else {
                    dropped = true
                }
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i < n && (p[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < n && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) {
                exponentNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            var value = 0
            var exponentDigits = 0
            while i < n {
                let d = p[i] &- zero
                if d > 9 { break }
                if value < 1_000_000 { value = value * 10 + Int(d) }
                exponentDigits += 1
                i += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentNegative ? -value : value
        }
        guard i == n else { return nil }

        if mantissa == 0 && !dropped { return negative ? -0.0 : 0.0 }

        if !dropped && significantDigits <= 15 {
            var value = Double(mantissa)  // exact: mantissa < 10^15 < 2^53
            if exponent == 0 {
                return negative ? -value : value
            } else if exponent > 0 && exponent <= 22 {
                value *= exactPowersOfTen[exponent]
                return negative ? -value : value
            } else if exponent < 0 && exponent >= -22 {
                value /= exactPowersOfTen[-exponent]
                return negative ? -value : value
            } else if exponent > 22 && exponent <= 22 + 15 - significantDigits {
                // Shift the excess power into the (still exact) integer mantissa.
                let shifted = mantissa * exactIntegerPowersOfTen[exponent - 22]
                value = Double(shifted) * 1e22
                return negative ? -value : value
            }
        }
        return slowPath(bytes, decimalComma: decimalComma)
    }

    /// The standard library's correctly rounded conversion; `bytes` has
    /// already been checked against the grammar above.
    private static func slowPath(_ bytes: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> Double? {
        var text = String(decoding: bytes, as: UTF8.self)
        if decimalComma {
            text = String(decoding: bytes.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
        }
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
