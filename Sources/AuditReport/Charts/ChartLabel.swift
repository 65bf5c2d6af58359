/// Fitting caller labels into a chart without font metrics.
enum ChartLabel {
    /// Average advance of a 12 px sans-serif character, in px (≈ 0.55 em).
    static let characterWidth = 6.6

    /// `label` cut to `maxCharacters` characters (grapheme clusters), ending in "…" when
    /// cut. The full label stays in the mark's tooltip and in the page's data table.
    static func fit(_ label: String, maxCharacters: Int) -> String {
        let limit = max(2, maxCharacters)
        guard label.count > limit else { return label }
        return String(label.prefix(limit - 1)) + "…"
    }

    /// The left margin for row labels: 12 px plus the longest (fitted) label, between
    /// 80 and 220 px.
    static func margin(for labels: [String], maxCharacters: Int = 30) -> Double {
        let longest = labels.map { fit($0, maxCharacters: maxCharacters).count }.max() ?? 0
        return min(220, max(80, 12 + characterWidth * Double(longest)))
    }
}
