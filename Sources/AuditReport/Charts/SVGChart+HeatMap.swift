extension SVGChart {
    /// Rates per intersection as a grid of cells coloured on the cividis scale
    /// (``ChartSequentialScale``), each with its value printed in black or white —
    /// whichever contrasts more (WCAG 2.2 contrast ratio) — so the value never depends on
    /// reading the colour. A missing cell is pale grey, hatched, with its word. A legend
    /// of five swatches (domain at 0, ¼, ½, ¾, 1) and the missing swatch follows.
    ///
    /// On a phone (``ChartLayout/phone``): cells at least 44 units wide, the legend from the
    /// left edge with the missing swatch on a line of its own.
    public static func heatMap(_ chart: HeatMapChart, layout: ChartLayout = .wide) -> String {
        let columns = chart.columnLabels.count, rows = chart.rowLabels.count
        let wide = layout == .wide
        let left = ChartLabel.margin(for: chart.rowLabels + [chart.rowTitle], maxCharacters: layout.labelCharacters)
        let cellWidth = max(wide ? 56 : 44, min(110, (layout.width - left - 10) / Double(max(1, columns))))
        var svg = SVGWriter(id: chart.id, width: max(layout.width, left + cellWidth * Double(columns) + 10), layout: layout)
        let top = 46.0, cellHeight = 32.0
        let bottom = top + cellHeight * Double(rows)
        let numbers = chart.text.numbers
        let domain = chart.domain.lowerBound.isFinite && chart.domain.upperBound.isFinite ? chart.domain : 0...1

        svg.hatchPattern(colour: ChartPalette.grid)
        svg.text(ChartLabel.fit(chart.rowTitle, maxCharacters: layout.labelCharacters), x: left - 8, y: top - 8, anchor: "end", bold: true)
        svg.text(ChartLabel.fit(chart.columnTitle, maxCharacters: Int((svg.width - left) / ChartLabel.characterWidth)),
                 x: left, y: 14, bold: true)
        let columnCharacters = Int((cellWidth - 6) / ChartLabel.characterWidth)
        for (c, label) in chart.columnLabels.enumerated() {
            svg.text(ChartLabel.fit(label, maxCharacters: columnCharacters), x: left + cellWidth * (Double(c) + 0.5),
                     y: top - 8, anchor: "middle", cls: "vg-label")
        }
        for (r, rowLabel) in chart.rowLabels.enumerated() {
            let y = top + cellHeight * Double(r)
            svg.rowLabel(rowLabel, x: left, y: y + cellHeight / 2)
            for c in 0..<columns {
                let x = left + cellWidth * Double(c)
                let cell = chart.cell(r, c)
                guard let value = cell.value, value.isFinite else {
                    svg.rect(x, y, cellWidth, cellHeight, fill: ChartPalette.missingFill, stroke: "#FFFFFF")
                    svg.rect(x, y, cellWidth, cellHeight, fill: svg.hatchFill)
                    // Cut to the cell (10 px text, ≈ 5.5 px a character; 12 on a phone); the legend spells it out.
                    let word = ChartLabel.fit(chart.text.word(for: cell.missing), maxCharacters: Int((cellWidth - 6) / (wide ? 5.5 : ChartLabel.characterWidth)))
                    svg.missing(word, x: x + cellWidth / 2, y: y + cellHeight / 2 + 4, anchor: "middle", size: 10)
                    continue
                }
                let colour = ChartSequentialScale.colour(of: value, in: domain)
                let printed = chart.format.text(value, numbers: numbers)
                svg.openMark("\(rowLabel) × \(chart.columnLabels[c]): \(printed)")
                svg.rect(x, y, cellWidth, cellHeight, fill: colour.hex, stroke: "#FFFFFF", cls: "vg-cell")
                svg.text(printed, x: x + cellWidth / 2, y: y + cellHeight / 2 + 4, anchor: "middle",
                         fill: colour.textColour, cls: "vg-value")
                svg.close()
            }
        }
        // Legend: five swatches of the scale, then the missing swatch.
        let legendY = bottom + 16
        let legendLeft = wide ? left : 8
        for k in 0...4 {
            let t = Double(k) / 4
            let value = domain.lowerBound + t * (domain.upperBound - domain.lowerBound)
            let x = legendLeft + 44 * Double(k)
            svg.rect(x, legendY, 44, 14, fill: ChartSequentialScale.colour(at: t).hex, cls: "vg-legend-swatch")
            svg.text(chart.format.text(value, numbers: numbers), x: x + 22, y: legendY + 28, anchor: "middle", size: 10,
                     fill: ChartPalette.muted)
        }
        let missingX = wide ? left + 44 * 5 + 16 : legendLeft, missingY = wide ? legendY : legendY + 40
        svg.rect(missingX, missingY, 28, 14, fill: ChartPalette.missingFill, stroke: ChartPalette.grid)
        svg.rect(missingX, missingY, 28, 14, fill: svg.hatchFill)
        svg.text(chart.text.undefined + " / " + chart.text.suppressed, x: missingX + 34, y: missingY + 11, size: 11,
                 fill: ChartPalette.muted)
        return svg.document(height: missingY + (wide ? 40 : 24), title: chart.title, description: chart.description)
    }
}
