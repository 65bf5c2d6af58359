/// Input of ``SVGChart/tornado(_:)``: sensitivity of a disparity to each criterion of a
/// points grid — its value when the criterion's weight is lowered and when it is raised,
/// as bars from the current value (a tornado diagram, Howard 1988; Eschenbach 1992).
public struct TornadoChart: Sendable, Equatable {
    /// One criterion.
    public struct Row: Sendable, Equatable {
        public var label: String
        /// The disparity with the weight lowered / raised; nil when missing.
        public var low: Double?
        public var high: Double?
        public var missing: ChartMissing

        public init(label: String, low: Double?, high: Double?, missing: ChartMissing = .undefined) {
            self.label = label
            self.low = low
            self.high = high
            self.missing = missing
        }

        /// `|high − low|`, the sort key; rows missing a side sort last.
        var swing: Double? {
            guard let low, let high, low.isFinite, high.isFinite else { return nil }
            return abs(high - low)
        }
    }

    public var id: String
    public var title: String
    public var description: String
    public var axisTitle: String
    public var text: ChartText
    /// The disparity with the grid as it is: where bars start (a vertical line).
    public var baseline: Double
    /// Labels of the baseline line and of the two bar kinds (legend), e.g. "Current grid",
    /// "Weight −10 %", "Weight +10 %".
    public var baselineLabel: String
    public var lowLabel: String
    public var highLabel: String
    public var rows: [Row]
    public var format: ChartNumberFormat
    /// The axis; nil: from the data and the baseline, widened to ticks.
    public var domain: ClosedRange<Double>?

    public init(id: String, title: String, description: String, axisTitle: String, text: ChartText,
                baseline: Double, baselineLabel: String, lowLabel: String, highLabel: String, rows: [Row],
                format: ChartNumberFormat = .decimal(digits: 3), domain: ClosedRange<Double>? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.axisTitle = axisTitle
        self.text = text
        self.baseline = baseline
        self.baselineLabel = baselineLabel
        self.lowLabel = lowLabel
        self.highLabel = highLabel
        self.rows = rows
        self.format = format
        self.domain = domain
    }

    /// Rows by decreasing swing, ties and missing rows in input order (a stable sort).
    var orderedRows: [Row] {
        rows.enumerated().sorted { a, b in
            switch (a.element.swing, b.element.swing) {
            case let (x?, y?): return x != y ? x > y : a.offset < b.offset
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }
}
