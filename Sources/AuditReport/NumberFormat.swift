/// Deterministic number text for CSV and Markdown.
package enum NumberFormat {
    /// Shortest text that reads back as the same Double (Swift's `description`), with
    /// whole numbers below 2^53 written without a decimal point (`3696`, not `3696.0`).
    package static func exact(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 9_007_199_254_740_992 { return String(Int64(x)) }
        return x.description
    }

    /// A rate as a percentage with `digits` decimals (`44.85 %`), for people.
    package static func percent(_ x: Double, digits: Int = 1) -> String {
        fixed(x * 100, digits: digits) + " %"
    }

    /// `x` rounded half away from zero to `digits` decimals, without Foundation's locale.
    package static func fixed(_ x: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int64(scaled / scale)
        let fraction = Int64(scaled - Double(whole) * scale)
        let sign = x < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        var fractionText = String(fraction)
        while fractionText.count < digits { fractionText = "0" + fractionText }
        return "\(sign)\(whole).\(fractionText)"
    }
}
