/// Input of ``SVGChart/lorenz(_:)``: Lorenz curves, the cumulative share of a resource
/// (allocations, water volume, bills) held by the cumulative share of the population
/// ordered from least to most, with the line of equality (Lorenz 1905).
public struct LorenzChart: Sendable, Equatable {
    /// A point of a curve: the poorest `population` fraction holds `share` of the total.
    public struct Point: Sendable, Equatable {
        /// Cumulative share of the population, 0...1.
        public var population: Double
        /// Cumulative share of the resource, 0...1.
        public var share: Double

        /// Memberwise; defaults as documented on the properties.
        public init(population: Double, share: Double) {
            self.population = population
            self.share = share
        }
    }

    /// One curve. Points are drawn in the order given, from (0, 0) (added when absent);
    /// points with a non-finite coordinate are left out. No point at all: the series'
    /// legend entry carries its missing word.
    public struct Series: Sendable, Equatable {
        /// The name shown for this row or series (untrusted: escaped when drawn; cut at 30 characters with "…", whole in the tooltip).
        public var label: String
        /// The points, in any order.
        public var points: [Point]
        /// Appended to the legend entry, e.g. "Gini 0.31".
        public var note: String?
        /// Why the value is missing, when it is: selects the marker word.
        public var missing: ChartMissing

        /// Memberwise; defaults as documented on the properties.
        public init(label: String, points: [Point], note: String? = nil, missing: ChartMissing = .undefined) {
            self.label = label
            self.points = points
            self.note = note
            self.missing = missing
        }
    }

    /// Prefix of the chart's element ids (`ID-title`, `ID-desc`, `ID-hatch`): unique per page; characters other than `[A-Za-z0-9_-]` become `_`, and `chart-` is prepended unless it starts with a letter.
    public var id: String
    /// The accessible name, the SVG `<title>` (e.g. the figure caption).
    public var title: String
    /// The text alternative, the SVG `<desc>`: a one-sentence summary (the page prints the data table).
    public var description: String
    /// Axis titles, e.g. "Share of households", "Share of the volume".
    public var xTitle: String
    /// Title of the vertical axis.
    public var yTitle: String
    /// Printed along the diagonal, e.g. "Equality".
    public var equalityLabel: String
    /// Marker words for missing values, and the language's number style.
    public var text: ChartText
    /// The curves, in legend order: series `i` gets Okabe–Ito colour `i` and marker shape `i`.
    public var series: [Series]
    /// How values and tick labels are printed.
    public var format: ChartNumberFormat

    /// Memberwise; defaults as documented on the properties.
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
