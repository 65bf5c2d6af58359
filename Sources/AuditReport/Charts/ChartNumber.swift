/// Deterministic number text for SVG: coordinates and printed values, without a locale.
enum ChartNumber {
    /// `x` rounded half away from zero to `digits` decimals (0 to 3; module `NumberFormat.fixed`),
    /// with `separator` as the decimal mark. Magnitudes of 1e15 and more (beyond what a
    /// fixed 64-bit rendering holds) use Swift's shortest round-trip form (`1e+20`).
    static func fixed(_ x: Double, digits: Int, separator: String = ".") -> String {
        guard x.isFinite else { return x.description }
        let text = abs(x) < 1e15 ? NumberFormat.fixed(x, digits: max(0, min(digits, 3))) : x.description
        return separator == "." ? text : text.replacingOccurrences(of: ".", with: separator)
    }

    /// An SVG coordinate or length: 2 decimals, trailing zeros and a bare point dropped
    /// (`120.50` → `120.5`, `80.00` → `80`). Non-finite input (which layout never
    /// produces from finite data) is written `0` so the document stays valid.
    static func coordinate(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        var text = NumberFormat.fixed(x, digits: 2)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
