import AuditMetrics

/// Deterministic number text without a locale: the machine form of CSV and JSON, and the
/// rounding every number for people is built on (``NumberStyle``).
package enum NumberFormat {
    /// Shortest text that reads back as the same Double (Swift's `description`), with
    /// whole numbers below 2^53 written without a decimal point (`3696`, not `3696.0`).
    package static func exact(_ x: Double) -> String { ExactNumberText.shortest(x) }

    /// `x` rounded half away from zero to `digits` decimals, with a point, without grouping
    /// (`-4.50`): SVG coordinates, and the digits of ``NumberStyle``.
    package static func fixed(_ x: Double, digits: Int) -> String {
        guard let r = rounded(x, digits: digits) else { return x.description }
        let sign = r.negative ? "-" : ""
        return r.fraction.isEmpty ? sign + r.whole : sign + r.whole + "." + r.fraction
    }

    /// `|x|` rounded half away from zero to `digits` decimals (0 to 9), as its whole digits and
    /// its `digits` fraction digits; `negative` when `x` is below zero and does not round to
    /// zero. `nil` when `x` is not finite or too large for exact digits (|x| × 10^digits
    /// beyond 2^53): the caller writes Swift's shortest form.
    package static func rounded(_ x: Double, digits: Int) -> (negative: Bool, whole: String, fraction: String)? {
        let digits = max(0, min(digits, 9))
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled.isFinite, scaled < 9_007_199_254_740_992 else { return nil }
        let whole = Int64(scaled / scale)
        let fraction = Int64(scaled - Double(whole) * scale)
        var fractionText = digits > 0 ? String(fraction) : ""
        while fractionText.count < digits { fractionText = "0" + fractionText }
        return (x < 0 && scaled != 0, String(whole), fractionText)
    }
}
