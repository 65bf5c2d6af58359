/// Deterministic number text for SVG: coordinates and printed values, without a locale.
enum ChartNumber {
    /// `x` with `digits` decimals (0 to 3) in the language's style (``NumberStyle/fixed(_:_:)``).
    /// Magnitudes of 1e15 and more use Swift's shortest round-trip form (`1e+20`).
    static func fixed(_ x: Double, digits: Int, numbers: NumberStyle = Catalogue.english.numbers) -> String {
        guard x.isFinite else { return x.description }
        guard abs(x) < 1e15 else { return numbers.shortest(x) }
        return numbers.fixed(x, max(0, min(digits, 3)))
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
