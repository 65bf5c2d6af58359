/// Colours and marker shapes of the charts: colour-blind safe, and never colour alone.
///
/// Series colours are the Okabe–Ito palette (Okabe & Ito, "Color Universal Design",
/// 2002/2008; Wong, "Points of view: Color blindness", Nature Methods 8:441, 2011),
/// reordered so the first colours have the most contrast on white paper. Every series
/// also gets its own marker shape and a direct text label, so no reading depends on hue
/// (WCAG 2.2 success criterion 1.4.1, use of colour).
enum ChartPalette {
    /// Okabe–Ito: blue, vermillion, bluish green, reddish purple, orange, sky blue,
    /// black, yellow.
    static let series = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]

    /// Text, axes and outlines (contrast 16:1 on white).
    static let ink = "#222222"
    /// Grid lines and secondary strokes.
    static let grid = "#BBBBBB"
    /// Axis tick labels and notes (contrast 7:1 on white, WCAG AAA).
    static let muted = "#555555"
    /// Fill of cells with no value.
    static let missingFill = "#F2F2F2"

    /// The colour of series `index` (cycles after 8).
    static func colour(_ index: Int) -> String {
        series[((index % series.count) + series.count) % series.count]
    }

    /// The shape of series `index`: the shape index is shifted by one every 8 series, so
    /// the first 64 series all have a distinct (colour, shape) pair.
    static func shape(_ index: Int) -> MarkerShape {
        let all = MarkerShape.allCases
        let i = max(0, index)
        return all[(i + i / series.count) % all.count]
    }
}
