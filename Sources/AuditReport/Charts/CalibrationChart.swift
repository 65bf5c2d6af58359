/// Input of ``SVGChart/calibration(_:)``: per group and per score bin, the mean
/// predicted probability against the observed rate, with the diagonal of perfect
/// calibration (a reliability diagram, as scikit-learn's `calibration_curve`).
public struct CalibrationChart: Sendable, Equatable {
    /// One bin of one group.
    public struct Point: Sendable, Equatable {
        /// Mean predicted probability in the bin (x); a point without a finite one is not drawn.
        public var predicted: Double
        /// Observed rate in the bin (y), nil when missing (its word is drawn at x).
        public var observed: Double?
        /// Interval of the observed rate, a vertical whisker when both are finite.
        public var lower: Double?
        /// The interval's upper bound.
        public var upper: Double?
        /// Why the value is missing, when it is: selects the marker word.
        public var missing: ChartMissing

        /// Memberwise; defaults as documented on the properties.
        public init(predicted: Double, observed: Double?, lower: Double? = nil, upper: Double? = nil,
                    missing: ChartMissing = .undefined) {
            self.predicted = predicted
            self.observed = observed
            self.lower = lower
            self.upper = upper
            self.missing = missing
        }
    }

    /// One group's curve.
    public struct Series: Sendable, Equatable {
        /// The name shown for this row or series (untrusted: escaped when drawn; cut at 30 characters with "…", whole in the tooltip).
        public var label: String
        /// The points, in any order.
        public var points: [Point]

        /// Memberwise; defaults as documented on the properties.
        public init(label: String, points: [Point]) {
            self.label = label
            self.points = points
        }
    }

    /// Prefix of the chart's element ids (`ID-title`, `ID-desc`, `ID-hatch`): unique per page; characters other than `[A-Za-z0-9_-]` become `_`, and `chart-` is prepended unless it starts with a letter.
    public var id: String
    /// The accessible name, the SVG `<title>` (e.g. the figure caption).
    public var title: String
    /// The text alternative, the SVG `<desc>`: a one-sentence summary (the page prints the data table).
    public var description: String
    /// Axis titles, e.g. "Predicted probability", "Observed rate".
    public var xTitle: String
    /// Title of the vertical axis.
    public var yTitle: String
    /// Printed along the diagonal, e.g. "Perfect calibration".
    public var diagonalLabel: String
    /// Marker words for missing values, and the language's number style.
    public var text: ChartText
    /// The curves, in legend order: series `i` gets Okabe–Ito colour `i` and marker shape `i`.
    public var series: [Series]
    /// How values and tick labels are printed.
    public var format: ChartNumberFormat

    /// Memberwise; defaults as documented on the properties.
    public init(id: String, title: String, description: String, xTitle: String, yTitle: String,
                diagonalLabel: String, text: ChartText, series: [Series], format: ChartNumberFormat = .percent(digits: 0)) {
        self.id = id
        self.title = title
        self.description = description
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.diagonalLabel = diagonalLabel
        self.text = text
        self.series = series
        self.format = format
    }
}
