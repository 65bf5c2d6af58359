/// Input of ``SVGChart/impactRatios(_:)``: one ratio per group (the four-fifths rule's
/// impact ratio, or a rate ratio to the reference) against a threshold line.
public struct RatioChart: Sendable, Equatable {
    /// One group's row.
    public struct Row: Sendable, Equatable {
        /// The name shown for this row or series (untrusted: escaped when drawn; cut at 30 characters with "…", whole in the tooltip).
        public var label: String
        /// The ratio, nil when missing.
        public var ratio: Double?
        /// Interval bounds (e.g. Katz), drawn as a whisker when both are finite.
        public var lower: Double?
        /// The interval's upper bound.
        public var upper: Double?
        /// Why the value is missing, when it is: selects the marker word.
        public var missing: ChartMissing

        /// Memberwise; defaults as documented on the properties.
        public init(label: String, ratio: Double?, lower: Double? = nil, upper: Double? = nil,
                    missing: ChartMissing = .undefined) {
            self.label = label
            self.ratio = ratio
            self.lower = lower
            self.upper = upper
            self.missing = missing
        }
    }

    /// Prefix of the chart's element ids (`ID-title`, `ID-desc`, `ID-hatch`): unique per page; characters other than `[A-Za-z0-9_-]` become `_`, and `chart-` is prepended unless it starts with a letter.
    public var id: String
    /// The accessible name, the SVG `<title>` (e.g. the figure caption).
    public var title: String
    /// The text alternative, the SVG `<desc>`: a one-sentence summary (the page prints the data table).
    public var description: String
    /// Title of the value axis, under it.
    public var axisTitle: String
    /// Marker words for missing values, and the language's number style.
    public var text: ChartText
    /// The rows, drawn top to bottom in this order.
    public var rows: [Row]
    /// The threshold line, 0.8 for the four-fifths rule (29 CFR 1607.4(D)); bars below it
    /// are vermillion and hatched.
    public var threshold: Double
    /// Printed at the threshold line, e.g. "Four-fifths rule (0.8)".
    public var thresholdLabel: String
    /// Linear: bars start at 0. Logarithmic: bars start at parity (1), so 0.5 and 2 are
    /// equally long; a ratio ≤ 0 is drawn pinned to the axis start with an arrow.
    public var scale: ChartScaleKind
    /// The axis domain. Nil: linear `0...max(1, data)` widened to a tick step;
    /// logarithmic `min(threshold, data)/1.1 ... max(1/threshold, data)×1.1`. Given: used
    /// as is, widened only to include the data.
    public var domain: ClosedRange<Double>?
    /// How values and tick labels are printed.
    public var format: ChartNumberFormat

    /// Memberwise; defaults as documented on the properties.
    public init(id: String, title: String, description: String, axisTitle: String, text: ChartText,
                rows: [Row], threshold: Double = 0.8, thresholdLabel: String, scale: ChartScaleKind = .linear,
                domain: ClosedRange<Double>? = nil, format: ChartNumberFormat = .decimal(digits: 2)) {
        self.id = id
        self.title = title
        self.description = description
        self.axisTitle = axisTitle
        self.text = text
        self.rows = rows
        self.threshold = threshold
        self.thresholdLabel = thresholdLabel
        self.scale = scale
        self.domain = domain
        self.format = format
    }
}
