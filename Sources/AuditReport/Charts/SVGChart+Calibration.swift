extension SVGChart {
    /// A reliability diagram: per group, the observed rate against the mean predicted
    /// probability of each bin, as markers (colour *and* shape per group, see
    /// ``ChartPalette``) joined by lines, with vertical whiskers over each interval, on a
    /// square 0...1 × 0...1 plot with the dashed diagonal of perfect calibration and a
    /// legend under it. Points are drawn in order of `predicted`; a line breaks at a missing
    /// point, whose word is printed upright at its x, just above the axis.
    public static func calibration(_ chart: CalibrationChart) -> String {
        var svg = SVGWriter(id: chart.id)
        let points = chart.series.flatMap(\.points)
        let ys = points.flatMap { [$0.observed, $0.lower, $0.upper].compactMap { $0 } }
        let frame = ChartSquareFrame(xs: points.map(\.predicted), ys: ys)
        let numbers = chart.text.numbers
        frame.draw(&svg, format: chart.format, text: chart.text, xTitle: chart.xTitle, yTitle: chart.yTitle,
                   diagonalLabel: chart.diagonalLabel)
        let count = Double(chart.series.count)
        for (s, series) in chart.series.enumerated() {
            let colour = ChartPalette.colour(s), shape = ChartPalette.shape(s)
            let ordered = series.points.enumerated().filter { $0.element.predicted.isFinite }
                .sorted { ($0.element.predicted, $0.offset) < ($1.element.predicted, $1.offset) }.map(\.element)
            // Lines through runs of consecutive defined points.
            var run: [(Double, Double)] = []
            func flush(_ svg: inout SVGWriter) {
                if run.count > 1 {
                    let list = run.map { "\(ChartNumber.coordinate($0.0)),\(ChartNumber.coordinate($0.1))" }.joined(separator: " ")
                    svg.raw("<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" class=\"vg-line\"/>")
                }
                run = []
            }
            for point in ordered {
                if let observed = point.observed, let py = frame.y.position(observed), let px = frame.x.position(point.predicted) {
                    run.append((px, py))
                } else {
                    flush(&svg)
                }
            }
            flush(&svg)
            for point in ordered {
                guard let px = frame.x.position(point.predicted) else { continue }
                guard let observed = point.observed, let py = frame.y.position(observed) else {
                    let dx = (Double(s) - (count - 1) / 2) * 12
                    svg.missing(chart.text.word(for: point.missing), x: px + dx + 4, y: ChartSquareFrame.bottom - 6, rotate: -90)
                    continue
                }
                let f = { chart.format.text($0, numbers: numbers) }
                svg.openMark("\(series.label): \(f(point.predicted)) → \(f(observed))")
                if let lo = point.lower, let hi = point.upper, let y1 = frame.y.position(lo), let y2 = frame.y.position(hi) {
                    svg.line(px, y1, px, y2, stroke: colour, width: 1.5, cls: "vg-interval")
                    svg.line(px - 4, y1, px + 4, y1, stroke: colour, width: 1.5)
                    svg.line(px - 4, y2, px + 4, y2, stroke: colour, width: 1.5)
                }
                svg.raw(shape.element(x: px, y: py, r: 5, fill: colour))
                svg.close()
            }
            svg.legendEntry(series.label, x: ChartSquareFrame.left, y: ChartSquareFrame.legendY(s + 1),
                            colour: colour, shape: shape, maxCharacters: ChartSquareFrame.legendCharacters)
        }
        return svg.document(height: ChartSquareFrame.height(entries: chart.series.count + 1), title: chart.title, description: chart.description)
    }
}
