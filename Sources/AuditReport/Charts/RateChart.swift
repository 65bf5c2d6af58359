/// Input of ``SVGChart/groupRates(_:)``: one rate per group with its interval, and the
/// reference group's rate as a line.
public struct RateChart: Sendable, Equatable {
    /// One group's row.
    public struct Row: Sendable, Equatable {
        /// The group's name (untrusted: escaped when drawn).
        public var label: String
        /// The rate, nil when missing (drawn as ``missing``'s word).
        public var rate: Double?
        /// The interval's lower and upper bounds (a whisker when both are finite).
        public var lower: Double?
        /// The interval's upper bound.
        public var upper: Double?
        /// Why `rate` is missing, when it is.
        public var missing: ChartMissing
        /// Whether this is the reference group (drawn with a diamond instead of a circle).
        public var isReference: Bool

        /// Memberwise; defaults as documented on the properties.
        public init(label: String, rate: Double?, lower: Double? = nil, upper: Double? = nil,
                    missing: ChartMissing = .undefined, isReference: Bool = false) {
            self.label = label
            self.rate = rate
            self.lower = lower
            self.upper = upper
            self.missing = missing
            self.isReference = isReference
        }
    }

    /// Prefix of the chart's element ids (unique per page).
    public var id: String
    /// Short title (`<title>`) and text alternative (`<desc>`, a summary).
    public var title: String
    /// The text alternative, the SVG `<desc>`: a one-sentence summary (the page prints the data table).
    public var description: String
    /// Title of the value axis, e.g. "Selection rate".
    public var axisTitle: String
    /// Marker words for missing values, and the language's number style.
    public var text: ChartText
    /// The rows, drawn top to bottom in this order.
    public var rows: [Row]
    /// The reference rate (a dashed vertical line) and its label, e.g. "Reference: men".
    public var referenceRate: Double?
    /// Printed above the reference line, before the rate in parentheses; empty: the rate alone.
    public var referenceLabel: String
    /// How values and tick labels are printed.
    public var format: ChartNumberFormat
    /// The axis domain; widened to include every finite rate and bound.
    public var domain: ClosedRange<Double>

    /// Memberwise; defaults as documented on the properties.
    public init(id: String, title: String, description: String, axisTitle: String, text: ChartText,
                rows: [Row], referenceRate: Double? = nil, referenceLabel: String = "",
                format: ChartNumberFormat = .percent(digits: 1), domain: ClosedRange<Double> = 0...1) {
        self.id = id
        self.title = title
        self.description = description
        self.axisTitle = axisTitle
        self.text = text
        self.rows = rows
        self.referenceRate = referenceRate
        self.referenceLabel = referenceLabel
        self.format = format
        self.domain = domain
    }
}
