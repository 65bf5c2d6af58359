/// Number formatting and Markdown escaping for explanations.
enum ExplanationFormat {
    /// A number for a reader: whole numbers with thousands separators
    /// (`1,204` in English, `1 204` with a no-break space in French), others
    /// with up to `decimals` decimals, trailing zeros dropped (decimal comma in French).
    static func number(_ x: Double, _ language: ExplanationLanguage, decimals: Int = 3) -> String {
        guard x.isFinite else { return String(x) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (abs(x) * scale).rounded()
        let negative = x < 0 && rounded > 0
        let whole = (rounded / scale).rounded(.down)
        if whole > 1e15 { return String(x) }
        let fraction = max(0, Int(rounded - whole * scale))
        var digits = String(Int(whole))
        let separator: Character = language == .fr ? "\u{00A0}" : ","
        var grouped = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(separator) }
            grouped.append(ch)
        }
        digits = grouped
        if fraction > 0 {
            var text = String(fraction)
            text = String(repeating: "0", count: decimals - text.count) + text
            while text.hasSuffix("0") { text.removeLast() }
            digits += (language == .fr ? "," : ".") + text
        }
        return (negative ? "−" : "") + digits
    }

    /// A whole count.
    static func count(_ n: Int, _ language: ExplanationLanguage) -> String {
        number(Double(n), language)
    }

    /// A value from the data (an id, a category, a column name) as a Markdown
    /// code span (`MarkdownEscape.code`, pipes escaped so it can sit in a table cell).
    static func code(_ text: String) -> String { MarkdownEscape.code(text, inTable: true) }

    /// Text from the data or the grid file for Markdown prose and table cells
    /// (`MarkdownEscape.text`).
    static func markdown(_ text: String) -> String { MarkdownEscape.text(text) }
}
