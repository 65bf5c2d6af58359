/// Input of ``SVGChart/distributions(_:)``: a score's distribution per group as a box
/// (p25–p75, median) with whiskers (p10–p90).
public struct DistributionChart: Sendable, Equatable {
    /// Five quantiles of one group's scores.
    public struct Quantiles: Sendable, Equatable {
        /// The 10th, 25th, 50th, 75th and 90th percentiles.
        public var p10: Double, p25: Double, median: Double, p75: Double, p90: Double

        /// Memberwise; defaults as documented on the properties.
        public init(p10: Double, p25: Double, median: Double, p75: Double, p90: Double) {
            self.p10 = p10
            self.p25 = p25
            self.median = median
            self.p75 = p75
            self.p90 = p90
        }

        /// All finite and `p10 ≤ p25 ≤ median ≤ p75 ≤ p90`; otherwise drawn as undefined.
        var isDrawable: Bool {
            let all = [p10, p25, median, p75, p90]
            return all.allSatisfy(\.isFinite) && zip(all, all.dropFirst()).allSatisfy { $0 <= $1 }
        }
    }

    /// One group's row.
    public struct Row: Sendable, Equatable {
        /// The name shown for this row or series (untrusted: escaped when drawn; cut at 30 characters with "…", whole in the tooltip).
        public var label: String
        /// The group's quantiles, nil when missing.
        public var quantiles: Quantiles?
        /// Why the value is missing, when it is: selects the marker word.
        public var missing: ChartMissing

        /// Memberwise; defaults as documented on the properties.
        public init(label: String, quantiles: Quantiles?, missing: ChartMissing = .undefined) {
            self.label = label
            self.quantiles = quantiles
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
    /// How values and tick labels are printed.
    public var format: ChartNumberFormat
    /// The score axis; nil: from the smallest p10 to the largest p90, widened to ticks.
    public var domain: ClosedRange<Double>?

    /// Memberwise; defaults as documented on the properties.
    public init(id: String, title: String, description: String, axisTitle: String, text: ChartText,
                rows: [Row], format: ChartNumberFormat = .decimal(digits: 1), domain: ClosedRange<Double>? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.axisTitle = axisTitle
        self.text = text
        self.rows = rows
        self.format = format
        self.domain = domain
    }
}
