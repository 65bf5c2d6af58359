extension SVGChart {
    /// Ratios per group as horizontal bars, with a dashed threshold line (0.8 for the
    /// four-fifths rule) labelled by the caller. Bars below the threshold are vermillion
    /// *and* hatched; others blue. Linear scale: bars from 0. Logarithmic scale: bars from
    /// parity (1), and a ratio ≤ 0 is pinned to the axis start with an arrow, its value
    /// printed. Whiskers over the interval when both bounds can be placed.
    ///
    /// The threshold's position is `scale.position(threshold)` (``ChartScaleKind``).
    public static func impactRatios(_ chart: RatioChart, layout: ChartLayout = .wide) -> String {
        var svg = SVGWriter(id: chart.id, layout: layout)
        let left = ChartLabel.margin(for: chart.rows.map(\.label), maxCharacters: layout.labelCharacters), right = svg.width - 72
        let top = 34.0, rowHeight = 28.0
        let bottom = top + rowHeight * Double(max(1, chart.rows.count))
        let numbers = chart.text.numbers
        let scale = ratioScale(chart, start: left, end: right)

        svg.hatchPattern()
        svg.horizontalAxis(scale, top: top, bottom: bottom, format: chart.format, text: chart.text, title: chart.axisTitle)
        let origin = chart.scale == .linear ? scale.clampedPosition(0) : scale.clampedPosition(1)
        if chart.scale == .logarithmic {
            svg.line(origin, top, origin, bottom, stroke: ChartPalette.muted, width: 1, cls: "vg-parity")
        }
        for (i, row) in chart.rows.enumerated() {
            let y = top + rowHeight * (Double(i) + 0.5)
            svg.rowLabel(row.label, x: left, y: y)
            guard let ratio = row.ratio, ratio.isFinite else {
                svg.missing(chart.text.word(for: row.missing), x: left + 6, y: y + 4)
                continue
            }
            // Never rounded onto the threshold from below (NumberStyle.ratio): 0.7988 is 0.799, not 0.80.
            var value = chart.format.text(ratio, numbers: numbers)
            if case .decimal(let digits) = chart.format { value = numbers.ratio(ratio, against: chart.threshold, digits) }
            let below = ratio < chart.threshold
            svg.openMark("\(row.label): \(value)")
            let x = scale.position(ratio)
            let end = x ?? scale.start
            let barLeft = min(origin, end), barWidth = abs(end - origin)
            svg.rect(barLeft, y - 8, barWidth, 16, fill: below ? ChartPalette.colour(1) : ChartPalette.colour(0),
                     stroke: ChartPalette.ink, cls: "vg-bar")
            if below { svg.rect(barLeft, y - 8, barWidth, 16, fill: svg.hatchFill) }
            if x == nil {
                // Off a logarithmic scale (ratio ≤ 0): an arrow at the axis start.
                let c = ChartNumber.coordinate
                svg.raw("<polygon points=\"\(c(end - 2)),\(c(y)) \(c(end + 6)),\(c(y - 7)) \(c(end + 6)),\(c(y + 7))\" fill=\"\(ChartPalette.ink)\" class=\"vg-offscale\"/>")
            }
            var labelX = max(origin, end)
            if let lo = row.lower, let hi = row.upper, let x1 = scale.position(lo), let x2 = scale.position(hi) {
                svg.line(x1, y, x2, y, width: 1.5, cls: "vg-interval")
                svg.line(x1, y - 5, x1, y + 5, width: 1.5)
                svg.line(x2, y - 5, x2, y + 5, width: 1.5)
                labelX = max(labelX, x1, x2)
            }
            svg.text(value, x: labelX + 6, y: y + 4, bold: below, halo: true, cls: "vg-value")
            svg.close()
        }
        if let x = scale.position(chart.threshold) {
            svg.line(x, top - 8, x, bottom, stroke: ChartPalette.ink, width: 2, dash: "6 3", cls: "vg-threshold")
            let anchor = x > (left + right) / 2 ? "end" : "start"
            svg.text(chart.thresholdLabel, x: anchor == "end" ? x - 4 : x + 4, y: top - 12, anchor: anchor, halo: true, cls: "vg-threshold-label")
        }
        return svg.document(height: bottom + 46, title: chart.title, description: chart.description)
    }

    /// The ratio axis (see ``RatioChart/domain``).
    static func ratioScale(_ chart: RatioChart, start: Double, end: Double) -> ChartScale {
        var data: [Double] = []
        for row in chart.rows { data += [row.ratio, row.lower, row.upper].compactMap { $0 }.filter(\.isFinite) }
        let threshold = chart.threshold.isFinite ? chart.threshold : 0.8
        switch chart.scale {
        case .linear:
            if let given = chart.domain {
                return ChartScale(kind: .linear, lower: min(given.lowerBound, data.min() ?? given.lowerBound),
                                  upper: max(given.upperBound, data.max() ?? given.upperBound), start: start, end: end)
            }
            let (_, hi) = ChartScale.niceDomain(0, max(1, threshold, data.max() ?? 1))
            return ChartScale(kind: .linear, lower: min(0, data.min() ?? 0), upper: hi, start: start, end: end)
        case .logarithmic:
            let positive = data.filter { $0 > 0 }
            if let given = chart.domain, given.lowerBound > 0 {
                return ChartScale(kind: .logarithmic, lower: min(given.lowerBound, positive.min() ?? given.lowerBound),
                                  upper: max(given.upperBound, positive.max() ?? given.upperBound), start: start, end: end)
            }
            let t = threshold > 0 ? threshold : 0.8
            let lo = min(t, 1 / t, positive.min() ?? t) / 1.1
            let hi = max(t, 1 / t, positive.max() ?? 1) * 1.1
            return ChartScale(kind: .logarithmic, lower: lo, upper: hi, start: start, end: end)
        }
    }
}
