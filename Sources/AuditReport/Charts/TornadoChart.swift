/// Input of ``SVGChart/tornado(_:)``: sensitivity of a disparity to each criterion of a
/// points grid — its value when the criterion's weight is lowered and when it is raised,
/// as bars from the current value (a tornado diagram, Howard 1988; Eschenbach 1992).
public struct TornadoChart: Sendable, Equatable {
    /// One criterion.
    public struct Row: Sendable, Equatable {
        /// The name shown for this row or series (untrusted: escaped when drawn; cut at 30 characters with "…", whole in the tooltip).
        public var label: String
        /// The disparity with the weight lowered; nil when missing.
        public var low: Double?
        /// The disparity with the weight raised; nil when missing.
        public var high: Double?
        /// Why the value is missing, when it is: selects the marker word.
        public var missing: ChartMissing

        /// Memberwise; defaults as documented on the properties.
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
    /// The disparity with the grid as it is: where bars start (a vertical line).
    public var baseline: Double
    /// Labels of the baseline line and of the two bar kinds (legend), e.g. "Current grid",
    /// "Weight −10 %", "Weight +10 %".
    public var baselineLabel: String
    /// Legend label of the lowered-weight bars (blue).
    public var lowLabel: String
    /// Legend label of the raised-weight bars (vermillion, hatched).
    public var highLabel: String
    /// The rows, drawn top to bottom in this order.
    public var rows: [Row]
    /// How values and tick labels are printed.
    public var format: ChartNumberFormat
    /// The axis; nil: from the data and the baseline, widened to ticks.
    public var domain: ClosedRange<Double>?

    /// Memberwise; defaults as documented on the properties.
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
    public var orderedRows: [Row] {
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
