/// The heat map's fill: cividis, a sequential scale readable with every common colour
/// vision deficiency and in greyscale (Nuñez, Anderton & Renslow, PLOS ONE 13(7):
/// e0199239, 2018).
///
/// Nine stops sampled evenly from matplotlib 3.11's `cividis`
/// (`Fixtures/reference/charts/cividis.py`), interpolated linearly in sRGB:
/// `t = (v − lower) / (upper − lower)` clamped to 0...1, stop `i = ⌊8t⌋`, fraction `8t − i`.
enum ChartSequentialScale {
    static let stops = [
        ChartColour(red: 0.0, green: 34.45356, blue: 77.711505),
        ChartColour(red: 26.367255, green: 56.20353, blue: 111.12645),
        ChartColour(red: 67.25319, green: 78.496905, blue: 107.811195),
        ChartColour(red: 97.11165, green: 100.76682, blue: 111.091515),
        ChartColour(red: 124.617735, green: 123.75609, blue: 120.10704),
        ChartColour(red: 155.321775, green: 147.85308, blue: 118.22769),
        ChartColour(red: 187.80444, green: 173.560395, blue: 108.12714),
        ChartColour(red: 222.032835, green: 201.34086, blue: 87.549915),
        ChartColour(red: 253.912935, green: 231.88272, blue: 55.53186),
    ]

    /// The colour at fraction `t` of the scale (clamped to 0...1; not finite → 0).
    static func colour(at t: Double) -> ChartColour {
        let clamped = t.isFinite ? min(1, max(0, t)) : 0
        let position = clamped * Double(stops.count - 1)
        let i = min(stops.count - 2, Int(position))
        return ChartColour.mix(stops[i], stops[i + 1], position - Double(i))
    }

    /// The colour of `value` on `domain`.
    static func colour(of value: Double, in domain: ClosedRange<Double>) -> ChartColour {
        let width = domain.upperBound - domain.lowerBound
        return colour(at: width > 0 ? (value - domain.lowerBound) / width : 0.5)
    }
}
