/// The room a chart is drawn in: the `viewBox` width, the characters a row label keeps, and
/// the smallest text size.
///
/// ``wide`` is the page's (640 units, drawn at up to 48rem, and in print). ``phone`` is drawn
/// at the width of a 390 px phone's column (366 CSS px): a `viewBox` 360 units wide, row
/// labels cut to 14 characters (the full label stays in the tooltip and the data table), and
/// no text under 12 units, so that no text is drawn under 12 CSS px and the chart fits the
/// screen without scrolling (issue 17: no text under 12 px, no sideways scrolling).
public struct ChartLayout: Sendable, Equatable {
    public let width: Double
    public let labelCharacters: Int
    public let minimumTextSize: Double
    /// Appended to the chart's element ids, so both drawings of a chart can be on one page.
    public let idSuffix: String

    public static let wide = ChartLayout(width: 640, labelCharacters: 30, minimumTextSize: 0, idSuffix: "")
    public static let phone = ChartLayout(width: 360, labelCharacters: 14, minimumTextSize: 12, idSuffix: "-phone")
}
