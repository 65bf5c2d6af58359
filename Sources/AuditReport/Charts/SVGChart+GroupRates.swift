extension SVGChart {
    /// Rates per group: a dot at each rate (a diamond for the reference group), a
    /// whisker over its interval with end caps, the rate printed beside it, and a dashed
    /// vertical line at the reference rate. Linear axis over ``RateChart/domain``, widened
    /// to include every finite rate and bound. A missing rate prints its word.
    public static func groupRates(_ chart: RateChart, layout: ChartLayout = .wide) -> String {
        var svg = SVGWriter(id: chart.id, layout: layout)
        let left = ChartLabel.margin(for: chart.rows.map(\.label), maxCharacters: layout.labelCharacters), right = svg.width - 72
        let top = 34.0, rowHeight = 28.0
        let bottom = top + rowHeight * Double(max(1, chart.rows.count))
        var values = [chart.domain.lowerBound, chart.domain.upperBound].filter(\.isFinite)
        for row in chart.rows { values += [row.rate, row.lower, row.upper].compactMap { $0 }.filter(\.isFinite) }
        if let r = chart.referenceRate, r.isFinite { values.append(r) }
        let scale = ChartScale(kind: .linear, lower: values.min() ?? 0, upper: values.max() ?? 1, start: left, end: right)
        let numbers = chart.text.numbers

        svg.horizontalAxis(scale, top: top, bottom: bottom, format: chart.format, text: chart.text, title: chart.axisTitle)
        if let reference = chart.referenceRate, let x = scale.position(reference) {
            svg.line(x, top - 8, x, bottom, stroke: ChartPalette.ink, width: 1.5, dash: "5 3", cls: "vg-reference")
            let label = chart.referenceLabel.isEmpty ? chart.format.text(reference, numbers: numbers)
                : "\(chart.referenceLabel) (\(chart.format.text(reference, numbers: numbers)))"
            let anchor = x > (left + right) / 2 ? "end" : "start"
            svg.text(label, x: anchor == "end" ? x - 4 : x + 4, y: top - 12, anchor: anchor, halo: true, cls: "vg-reference-label")
        }
        for (i, row) in chart.rows.enumerated() {
            let y = top + rowHeight * (Double(i) + 0.5)
            svg.rowLabel(row.label, x: left, y: y)
            guard let rate = row.rate, let x = scale.position(rate) else {
                svg.missing(chart.text.word(for: row.missing), x: left + 6, y: y + 4)
                continue
            }
            let value = chart.format.text(rate, numbers: numbers)
            svg.openMark("\(row.label): \(value)")
            var end = x
            if let lo = row.lower, let hi = row.upper, let x1 = scale.position(lo), let x2 = scale.position(hi) {
                svg.line(x1, y, x2, y, width: 1.5, cls: "vg-interval")
                svg.line(x1, y - 6, x1, y + 6, width: 1.5)
                svg.line(x2, y - 6, x2, y + 6, width: 1.5)
                end = max(end, x1, x2)
            }
            let shape: MarkerShape = row.isReference ? .diamond : .circle
            svg.raw(shape.element(x: x, y: y, r: 6, fill: row.isReference ? ChartPalette.colour(4) : ChartPalette.colour(0)))
            svg.text(value, x: end + 8, y: y + 4, halo: true, cls: "vg-value")
            svg.close()
        }
        return svg.document(height: bottom + 46, title: chart.title, description: chart.description)
    }
}
