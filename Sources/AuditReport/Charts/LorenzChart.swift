/// Input of ``SVGChart/lorenz(_:)``: Lorenz curves, the cumulative share of a resource
/// (allocations, water volume, bills) held by the cumulative share of the population
/// ordered from least to most, with the line of equality (Lorenz 1905).
public struct LorenzChart: Sendable, Equatable {
    /// A point of a curve: the poorest `population` fraction holds `share` of the total.
    public struct Point: Sendable, Equatable {
        public var population: Double
        public var share: Double

        public init(population: Double, share: Double) {
            self.population = population
            self.share = share
        }
    }

    /// One curve. Points are drawn in the order given, from (0, 0) (added when absent);
    /// points with a non-finite coordinate are left out. No point at all: the series'
    /// legend entry carries its missing word.
    public struct Series: Sendable, Equatable {
        public var label: String
        public var points: [Point]
        /// Appended to the legend entry, e.g. "Gini 0.31".
        public var note: String?
        public var missing: ChartMissing

        public init(label: String, points: [Point], note: String? = nil, missing: ChartMissing = .undefined) {
            self.label = label
            self.points = points
            self.note = note
            self.missing = missing
        }
    }

    public var id: String
    public var title: String
    public var description: String
    /// Axis titles, e.g. "Share of households", "Share of the volume".
    public var xTitle: String
    public var yTitle: String
    /// Printed along the diagonal, e.g. "Equality".
    public var equalityLabel: String
    public var text: ChartText
    public var series: [Series]
    public var format: ChartNumberFormat

    public init(id: String, title: String, description: String, xTitle: String, yTitle: String,
                equalityLabel: String, text: ChartText, series: [Series], format: ChartNumberFormat = .percent(digits: 0)) {
        self.id = id
        self.title = title
        self.description = description
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.equalityLabel = equalityLabel
        self.text = text
        self.series = series
        self.format = format
    }
}
