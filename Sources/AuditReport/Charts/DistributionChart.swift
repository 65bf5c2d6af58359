/// Input of ``SVGChart/distributions(_:)``: a score's distribution per group as a box
/// (p25–p75, median) with whiskers (p10–p90).
public struct DistributionChart: Sendable, Equatable {
    /// Five quantiles of one group's scores.
    public struct Quantiles: Sendable, Equatable {
        public var p10: Double, p25: Double, median: Double, p75: Double, p90: Double

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
        public var label: String
        public var quantiles: Quantiles?
        public var missing: ChartMissing

        public init(label: String, quantiles: Quantiles?, missing: ChartMissing = .undefined) {
            self.label = label
            self.quantiles = quantiles
            self.missing = missing
        }
    }

    public var id: String
    public var title: String
    public var description: String
    public var axisTitle: String
    public var text: ChartText
    public var rows: [Row]
    public var format: ChartNumberFormat
    /// The score axis; nil: from the smallest p10 to the largest p90, widened to ticks.
    public var domain: ClosedRange<Double>?

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
