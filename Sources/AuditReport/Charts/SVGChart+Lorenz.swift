extension SVGChart {
    /// Lorenz curves on a square 0...1 × 0...1 plot with the dashed line of equality:
    /// one polyline per group from (0, 0), in the group's colour, with its marker shape
    /// at up to 11 of its points (every ⌈n/10⌉-th and the last), and a legend entry
    /// under the plot holding the label and the note (e.g. the Gini). A group with no drawable point
    /// shows its missing word in the legend. `layout`: the page's drawing, or a phone's
    /// (``ChartLayout/phone``: a 360-unit square frame, no text under 12 units).
    public static func lorenz(_ chart: LorenzChart, layout: ChartLayout = .wide) -> String {
        var svg = SVGWriter(id: chart.id, layout: layout)
        let all = chart.series.flatMap(\.points)
        let frame = ChartSquareFrame(xs: all.map(\.population), ys: all.map(\.share), layout: layout)
        frame.draw(&svg, format: chart.format, text: chart.text, xTitle: chart.xTitle, yTitle: chart.yTitle,
                   diagonalLabel: chart.equalityLabel)
        for (s, series) in chart.series.enumerated() {
            let colour = ChartPalette.colour(s), shape = ChartPalette.shape(s)
            let legendY = frame.legendY(s + 1)
            var label = series.label
            if let note = series.note, !note.isEmpty { label += " · " + note }
            var points = series.points.filter { $0.population.isFinite && $0.share.isFinite }
            guard !points.isEmpty else {
                let shown = ChartLabel.fit(series.label, maxCharacters: min(40, frame.legendCharacters))
                svg.legendEntry(shown, x: frame.left, y: legendY, colour: colour, shape: shape, maxCharacters: min(40, frame.legendCharacters))
                svg.missing(chart.text.word(for: series.missing),
                            x: frame.left + 26 + ChartLabel.characterWidth * Double(shown.count), y: legendY)
                continue
            }
            if points[0].population != 0 || points[0].share != 0 {
                points.insert(LorenzChart.Point(population: 0, share: 0), at: 0)
            }
            let xy = points.map { (frame.x.clampedPosition($0.population), frame.y.clampedPosition($0.share)) }
            let list = xy.map { "\(ChartNumber.coordinate($0.0)),\(ChartNumber.coordinate($0.1))" }.joined(separator: " ")
            svg.openMark(label)
            svg.raw("<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" class=\"vg-line\"/>")
            let every = max(1, (xy.count + 9) / 10)
            for (k, p) in xy.enumerated() where k % every == 0 || k == xy.count - 1 {
                svg.raw(shape.element(x: p.0, y: p.1, r: 4, fill: colour, attributes: "class=\"vg-point\""))
            }
            svg.close()
            svg.legendEntry(label, x: frame.left, y: legendY, colour: colour, shape: shape,
                            maxCharacters: frame.legendCharacters)
        }
        return svg.document(height: frame.height(entries: chart.series.count + 1), title: chart.title, description: chart.description)
    }
}
