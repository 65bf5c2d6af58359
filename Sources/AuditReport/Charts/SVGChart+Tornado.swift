extension SVGChart {
    /// A tornado diagram: per criterion (largest swing `|high − low|` first, ties and
    /// missing rows in input order), two bars from the baseline — the disparity with the
    /// weight lowered (blue, plain) and raised (vermillion, hatched) — each with its value
    /// printed at its end, a solid baseline line with its label, and a legend. The axis
    /// spans the data and the baseline, with 15 % room each side, widened to ticks. A
    /// missing side prints its word after the plot.
    public static func tornado(_ chart: TornadoChart, layout: ChartLayout = .wide) -> String {
        var svg = SVGWriter(id: chart.id, layout: layout)
        let rows = chart.orderedRows
        let left = ChartLabel.margin(for: rows.map(\.label), maxCharacters: layout.labelCharacters), right = svg.width - 80
        let top = 52.0, rowHeight = 34.0
        let bottom = top + rowHeight * Double(max(1, rows.count))
        let numbers = chart.text.numbers
        let baseline = chart.baseline.isFinite ? chart.baseline : nil
        var data = rows.flatMap { [$0.low, $0.high].compactMap { $0 } }.filter(\.isFinite)
        if let baseline { data.append(baseline) }
        var lo = data.min() ?? 0, hi = data.max() ?? 1
        if let given = chart.domain, given.lowerBound.isFinite, given.upperBound.isFinite {
            lo = min(lo, given.lowerBound)
            hi = max(hi, given.upperBound)
        } else {
            let room = hi > lo ? 0.15 * (hi - lo) : max(abs(hi), 1) * 0.15
            (lo, hi) = ChartScale.niceDomain(lo - room, hi + room)
        }
        let scale = ChartScale(kind: .linear, lower: lo, upper: hi, start: left, end: right)

        svg.hatchPattern()
        if layout == .wide {
            svg.legendEntry(chart.lowLabel, x: left, y: 16, colour: ChartPalette.colour(0), shape: nil)
            let highX = left + 18 + ChartLabel.characterWidth * Double(ChartLabel.fit(chart.lowLabel, maxCharacters: 28).count) + 28
            svg.legendEntry(chart.highLabel, x: highX, y: 16, colour: ChartPalette.colour(1), shape: nil, hatched: true)
        } else {
            // Narrow: the two legend entries one under the other, from the left edge.
            let characters = Int((svg.width - 26) / ChartLabel.characterWidth)
            svg.legendEntry(chart.lowLabel, x: 8, y: 16, colour: ChartPalette.colour(0), shape: nil, maxCharacters: characters)
            svg.legendEntry(chart.highLabel, x: 8, y: 34, colour: ChartPalette.colour(1), shape: nil, hatched: true, maxCharacters: characters)
        }
        svg.horizontalAxis(scale, top: top, bottom: bottom, format: chart.format, text: chart.text, title: chart.axisTitle)
        let origin = baseline.flatMap { scale.position($0) }
        for (i, row) in rows.enumerated() {
            let y = top + rowHeight * (Double(i) + 0.5)
            svg.rowLabel(row.label, x: left, y: y)
            var missingSides = 0
            for (side, value) in [(0, row.low), (1, row.high)] {
                guard let origin, let value, let end = scale.position(value) else {
                    missingSides += 1
                    continue
                }
                let barY = side == 0 ? y - 11 : y + 1
                let printed = chart.format.text(value, numbers: numbers)
                svg.openMark("\(row.label) · \(side == 0 ? chart.lowLabel : chart.highLabel): \(printed)")
                svg.rect(min(origin, end), barY, abs(end - origin), 10, fill: ChartPalette.colour(side),
                         stroke: ChartPalette.ink, cls: "vg-bar")
                if side == 1 { svg.rect(min(origin, end), barY, abs(end - origin), 10, fill: svg.hatchFill) }
                let rightward = end >= origin
                svg.text(printed, x: rightward ? end + 4 : end - 4, y: barY + 9, anchor: rightward ? "start" : "end",
                         size: 10, halo: true, cls: "vg-value")
                svg.close()
            }
            if missingSides > 0 {
                svg.missing(chart.text.word(for: row.missing), x: right + 8, y: y + 4)
            }
        }
        if let origin, let baseline {
            svg.line(origin, top - 8, origin, bottom, width: 2, cls: "vg-baseline")
            let label = "\(chart.baselineLabel) (\(chart.format.text(baseline, numbers: numbers)))"
            let anchor = origin > (left + right) / 2 ? "end" : "start"
            svg.text(label, x: anchor == "end" ? origin - 4 : origin + 4, y: top - 12, anchor: anchor, halo: true, cls: "vg-baseline-label")
        }
        return svg.document(height: bottom + 46, title: chart.title, description: chart.description)
    }
}
