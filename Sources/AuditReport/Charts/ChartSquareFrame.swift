/// The layout shared by the calibration and Lorenz charts: a square plot of two
/// proportions (0...1 by default) on the left, the legend on the right.
struct ChartSquareFrame {
    static let left = 64.0, top = 20.0, size = 360.0
    static let legendX = 452.0, legendCharacters = 26
    static var right: Double { left + size }
    static var bottom: Double { top + size }
    static var height: Double { bottom + 46 }

    let x: ChartScale
    let y: ChartScale

    /// Scales over `0...1` widened to include `xs` and `ys` (finite values only).
    init(xs: [Double], ys: [Double]) {
        let fx = xs.filter(\.isFinite), fy = ys.filter(\.isFinite)
        x = ChartScale(kind: .linear, lower: min(0, fx.min() ?? 0), upper: max(1, fx.max() ?? 1),
                       start: Self.left, end: Self.right)
        y = ChartScale(kind: .linear, lower: min(0, fy.min() ?? 0), upper: max(1, fy.max() ?? 1),
                       start: Self.bottom, end: Self.top)
    }

    /// Axes, grid, and the diagonal `y = x` (dashed) labelled `diagonalLabel` near its top.
    func draw(_ svg: inout SVGWriter, format: ChartNumberFormat, text: ChartText, xTitle: String, yTitle: String,
              diagonalLabel: String) {
        svg.horizontalAxis(x, top: Self.top, bottom: Self.bottom, format: format, text: text, title: xTitle)
        svg.verticalAxis(y, left: Self.left, right: Self.right, format: format, text: text, title: yTitle, titleX: 16)
        let lo = max(x.lower, y.lower), hi = min(x.upper, y.upper)
        if lo < hi {
            svg.line(x.clampedPosition(lo), y.clampedPosition(lo), x.clampedPosition(hi), y.clampedPosition(hi),
                     stroke: ChartPalette.muted, width: 1.5, dash: "6 4", cls: "vg-diagonal")
            let at = lo + 0.92 * (hi - lo)
            let px = x.clampedPosition(at), py = y.clampedPosition(at)
            let angle = -atan2Degrees(dy: y.clampedPosition(lo) - y.clampedPosition(hi), dx: x.clampedPosition(hi) - x.clampedPosition(lo))
            svg.text(diagonalLabel, x: px, y: py - 6, anchor: "end", size: 11, fill: ChartPalette.muted, rotate: angle)
        }
    }

    /// The angle of a segment in degrees, from its rise and run (45° on a square frame).
    private func atan2Degrees(dy: Double, dx: Double) -> Double {
        guard dx > 0 else { return 90 }
        // Both axes span the same pixels when the domains are equal: the common case is 45°.
        if abs(dy - dx) < 1e-9 { return 45 }
        return ChartAngle.degrees(rise: dy, run: dx)
    }
}
