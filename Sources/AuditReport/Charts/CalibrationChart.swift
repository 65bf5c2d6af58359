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
        public var upper: Double?
        public var missing: ChartMissing

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
        public var label: String
        public var points: [Point]

        public init(label: String, points: [Point]) {
            self.label = label
            self.points = points
        }
    }

    public var id: String
    public var title: String
    public var description: String
    /// Axis titles, e.g. "Predicted probability", "Observed rate".
    public var xTitle: String
    public var yTitle: String
    /// Printed along the diagonal, e.g. "Perfect calibration".
    public var diagonalLabel: String
    public var text: ChartText
    public var series: [Series]
    public var format: ChartNumberFormat

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
