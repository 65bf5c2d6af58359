/// The layout shared by the calibration and Lorenz charts: a square plot of two
/// proportions (0...1 by default), centred, with the legend under it — one entry a line,
/// the diagonal's first, so long labels and notes fit.
///
/// The page's square (``ChartLayout/wide``) starts 150 units from the left and is 360 units
/// wide; a phone's (``ChartLayout/phone``, a 360-unit `viewBox`) starts at 60, room for the
/// axis' 12-unit tick labels and title, and is 280 wide, its legend lines cut to 40 characters.
struct ChartSquareFrame {
    static let left = 150.0, top = 20.0, size = 360.0
    static let legendCharacters = 60
    static var right: Double { left + size }
    static var bottom: Double { top + size }
    /// Baseline of legend entry `k` (0 is the diagonal's).
    static func legendY(_ k: Int) -> Double { bottom + 64 + 20 * Double(k) }
    /// The document height for `entries` legend lines.
    static func height(entries: Int) -> Double { legendY(entries - 1) + 14 }

    /// This frame's square: its left edge, top and side, and its legend lines' characters.
    let left: Double, top: Double, size: Double, legendCharacters: Int
    var right: Double { left + size }
    var bottom: Double { top + size }
    /// Baseline of legend entry `k` (0 is the diagonal's).
    func legendY(_ k: Int) -> Double { bottom + 64 + 20 * Double(k) }
    /// The document height for `entries` legend lines.
    func height(entries: Int) -> Double { legendY(entries - 1) + 14 }

    let x: ChartScale
    let y: ChartScale

    /// Scales over `0...1` widened to include `xs` and `ys` (finite values only).
    init(xs: [Double], ys: [Double], layout: ChartLayout = .wide) {
        let phone = layout.width < ChartLayout.wide.width
        left = phone ? 60 : Self.left
        top = Self.top
        size = phone ? 280 : Self.size
        legendCharacters = phone ? 40 : Self.legendCharacters
        let fx = xs.filter(\.isFinite), fy = ys.filter(\.isFinite)
        x = ChartScale(kind: .linear, lower: min(0, fx.min() ?? 0), upper: max(1, fx.max() ?? 1),
                       start: left, end: left + size)
        y = ChartScale(kind: .linear, lower: min(0, fy.min() ?? 0), upper: max(1, fy.max() ?? 1),
                       start: top + size, end: top)
    }

    /// Axes, grid, the diagonal `y = x` (dashed) and its legend entry, `diagonalLabel`
    /// beside a dashed sample.
    func draw(_ svg: inout SVGWriter, format: ChartNumberFormat, text: ChartText, xTitle: String, yTitle: String,
              diagonalLabel: String) {
        svg.horizontalAxis(x, top: top, bottom: bottom, format: format, text: text, title: xTitle)
        svg.verticalAxis(y, left: left, right: right, format: format, text: text, title: yTitle,
                         titleX: left - 48)
        let lo = max(x.lower, y.lower), hi = min(x.upper, y.upper)
        if lo < hi {
            svg.line(x.clampedPosition(lo), y.clampedPosition(lo), x.clampedPosition(hi), y.clampedPosition(hi),
                     stroke: ChartPalette.muted, width: 1.5, dash: "6 4", cls: "vg-diagonal")
        }
        let legendY = legendY(0)
        svg.line(left - 2, legendY - 4, left + 14, legendY - 4, stroke: ChartPalette.muted, width: 1.5, dash: "6 4")
        svg.text(ChartLabel.fit(diagonalLabel, maxCharacters: legendCharacters), x: left + 18, y: legendY,
                 cls: "vg-legend-diagonal")
    }
}
