extension SVGChart {
    /// A score's distribution per group: a box from p25 to p75 with a thick median line,
    /// whiskers from p10 to p90 with end caps, the median printed after the whisker. Each
    /// group keeps its Okabe–Ito colour and its direct label; boxes are pale (30 %
    /// opacity) so the median line keeps its contrast. Quantiles that are not finite or not
    /// in order print the row's missing word.
    public static func distributions(_ chart: DistributionChart, layout: ChartLayout = .wide) -> String {
        var svg = SVGWriter(id: chart.id, layout: layout)
        let left = ChartLabel.margin(for: chart.rows.map(\.label), maxCharacters: layout.labelCharacters), right = svg.width - 72
        let top = 20.0, rowHeight = 30.0
        let bottom = top + rowHeight * Double(max(1, chart.rows.count))
        let numbers = chart.text.numbers
        let drawable = chart.rows.compactMap { $0.quantiles }.filter(\.isDrawable)
        var lo = drawable.map(\.p10).min() ?? 0, hi = drawable.map(\.p90).max() ?? 1
        if let given = chart.domain, given.lowerBound.isFinite, given.upperBound.isFinite {
            lo = min(lo, given.lowerBound)
            hi = max(hi, given.upperBound)
        } else {
            (lo, hi) = ChartScale.niceDomain(lo, hi)
        }
        let scale = ChartScale(kind: .linear, lower: lo, upper: hi, start: left, end: right)

        svg.horizontalAxis(scale, top: top, bottom: bottom, format: chart.format, text: chart.text, title: chart.axisTitle)
        for (i, row) in chart.rows.enumerated() {
            let y = top + rowHeight * (Double(i) + 0.5)
            svg.rowLabel(row.label, x: left, y: y)
            guard let q = row.quantiles, q.isDrawable else {
                svg.missing(chart.text.word(for: row.missing), x: left + 6, y: y + 4)
                continue
            }
            let colour = ChartPalette.colour(i)
            let x10 = scale.clampedPosition(q.p10), x25 = scale.clampedPosition(q.p25), x50 = scale.clampedPosition(q.median)
            let x75 = scale.clampedPosition(q.p75), x90 = scale.clampedPosition(q.p90)
            let f = { chart.format.text($0, numbers: numbers) }
            svg.openMark("\(row.label): \(f(q.p10)) · \(f(q.p25)) · \(f(q.median)) · \(f(q.p75)) · \(f(q.p90))")
            svg.line(x10, y, x25, y, width: 1.5)
            svg.line(x75, y, x90, y, width: 1.5)
            svg.line(x10, y - 5, x10, y + 5, width: 1.5)
            svg.line(x90, y - 5, x90, y + 5, width: 1.5)
            let c = ChartNumber.coordinate
            svg.raw("<rect x=\"\(c(x25))\" y=\"\(c(y - 9))\" width=\"\(c(x75 - x25))\" height=\"18\" fill=\"\(colour)\" fill-opacity=\"0.3\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"1\" class=\"vg-box\"/>")
            svg.line(x50, y - 9, x50, y + 9, width: 3, cls: "vg-median")
            svg.text(f(q.median), x: x90 + 8, y: y + 4, halo: true, cls: "vg-value")
            svg.close()
        }
        return svg.document(height: bottom + 46, title: chart.title, description: chart.description)
    }
}
