extension SVGWriter {
    /// A horizontal value axis under a plot spanning `top...bottom`: a grid line and a
    /// label per tick, the axis line, and `title` centred below.
    mutating func horizontalAxis(_ scale: ChartScale, top: Double, bottom: Double, format: ChartNumberFormat,
                                 text: ChartText, title: String) {
        let ticks = scale.ticks()
        let digits = tickDigits(ticks, format: format)
        let labels = ticks.map { format.withDigits(digits).text($0, numbers: text.numbers) }
        // In a narrow layout, a label every `every` ticks, so that labels (≈ 6.6 units a
        // character, 12 units apart) never overlap; every tick keeps its grid line.
        var every = 1
        if layout != .wide, ticks.count > 1 {
            let widest = Double(labels.map(\.count).max() ?? 0) * ChartLabel.characterWidth + 12
            let gap = abs(scale.end - scale.start) / Double(ticks.count - 1)
            every = max(1, Int((widest / max(gap, 1)).rounded(.up)))
        }
        for (k, tick) in ticks.enumerated() {
            guard let x = scale.position(tick) else { continue }
            line(x, top, x, bottom, stroke: ChartPalette.grid, width: 0.5, cls: "vg-grid")
            guard k % every == 0 else { continue }
            self.text(labels[k], x: x, y: bottom + 15, anchor: "middle", size: 11, fill: ChartPalette.muted)
        }
        line(scale.start, bottom, scale.end, bottom, cls: "vg-axis")
        self.text(title, x: (scale.start + scale.end) / 2, y: bottom + 33, anchor: "middle")
    }

    /// A vertical value axis left of a plot spanning `left...right` (the scale runs
    /// bottom to top), with `title` rotated along it at `titleX`.
    mutating func verticalAxis(_ scale: ChartScale, left: Double, right: Double, format: ChartNumberFormat,
                               text: ChartText, title: String, titleX: Double) {
        let ticks = scale.ticks()
        let digits = tickDigits(ticks, format: format)
        for tick in ticks {
            guard let y = scale.position(tick) else { continue }
            line(left, y, right, y, stroke: ChartPalette.grid, width: 0.5, cls: "vg-grid")
            self.text(format.withDigits(digits).text(tick, numbers: text.numbers),
                      x: left - 6, y: y + 4, anchor: "end", size: 11, fill: ChartPalette.muted)
        }
        line(left, scale.start, left, scale.end, cls: "vg-axis")
        self.text(title, x: titleX, y: (scale.start + scale.end) / 2, anchor: "middle", rotate: -90)
    }

    /// Decimals that tell all `ticks` apart in `format`.
    private func tickDigits(_ ticks: [Double], format: ChartNumberFormat) -> Int {
        ticks.map { format.tickDigits(step: $0) }.max() ?? 0
    }

    /// A row label right-aligned before `x`, cut to fit, at the row's centre `y`.
    mutating func rowLabel(_ label: String, x: Double, y: Double) {
        text(ChartLabel.fit(label, maxCharacters: layout.labelCharacters), x: x - 8, y: y + 4, anchor: "end", cls: "vg-label")
    }

    /// A legend entry: a marker (`shape` in `colour`) or a swatch, and its label.
    mutating func legendEntry(_ label: String, x: Double, y: Double, colour: String, shape: MarkerShape?,
                              hatched: Bool = false, maxCharacters: Int = 28) {
        if let shape {
            raw(shape.element(x: x + 6, y: y - 4, r: 5, fill: colour))
        } else {
            rect(x, y - 10, 12, 12, fill: colour, stroke: ChartPalette.ink)
            if hatched { rect(x, y - 10, 12, 12, fill: hatchFill) }
        }
        text(ChartLabel.fit(label, maxCharacters: maxCharacters), x: x + 18, y: y, cls: "vg-legend")
    }
}
