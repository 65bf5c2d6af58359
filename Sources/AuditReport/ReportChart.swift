/// The chart of a figure: drawn as inline SVG before the figure's data table in
/// `report.html` (the table stays, the accessible alternative); `report.md` keeps the table
/// alone. Every string of the input is already in the report's language.
///
/// Drawing is ``SVGChart``'s (`docs/charts.md`): `role="img"` with `<title>` and `<desc>`,
/// Okabe–Ito colours with shapes or hatching, missing values as their word.
public enum ReportChart: Sendable, Equatable {
    /// Rates per group with their intervals and the reference line (``SVGChart/groupRates(_:)``).
    case groupRates(RateChart)
    /// Impact ratios against the four-fifths line (``SVGChart/impactRatios(_:)``).
    case impactRatios(RatioChart)
    /// Rates per intersection of two attributes (``SVGChart/heatMap(_:)``).
    case heatMap(HeatMapChart)
    /// Lorenz and concentration curves (``SVGChart/lorenz(_:)``).
    case lorenz(LorenzChart)
    /// Score distributions by group (box plots).
    case distributions(DistributionChart)
    /// Sensitivity of one group's impact ratio to each criterion's weight (× 0, × 2).
    case tornado(TornadoChart)

    /// The standalone SVG of the chart, as the page draws it (``ChartLayout/wide``).
    public var svg: String {
        switch self {
        case .groupRates(let c): SVGChart.groupRates(c)
        case .impactRatios(let c): SVGChart.impactRatios(c)
        case .heatMap(let c): SVGChart.heatMap(c)
        case .lorenz(let c): SVGChart.lorenz(c)
        case .tornado(let c): SVGChart.tornado(c)
        case .distributions(let c): SVGChart.distributions(c)
        }
    }

    /// The chart drawn for a phone's width (``ChartLayout/phone``), every kind of chart (the
    /// Lorenz curves' square too, since issue 17).
    public var phoneSVG: String? {
        switch self {
        case .groupRates(let c): SVGChart.groupRates(c, layout: .phone)
        case .impactRatios(let c): SVGChart.impactRatios(c, layout: .phone)
        case .tornado(let c): SVGChart.tornado(c, layout: .phone)
        case .distributions(let c): SVGChart.distributions(c, layout: .phone)
        case .heatMap(let c): SVGChart.heatMap(c, layout: .phone)
        case .lorenz(let c): SVGChart.lorenz(c, layout: .phone)
        }
    }
}
