import AuditMetrics

/// One bar of a tornado chart: for one group of one protected attribute and one
/// criterion, the change of the impact ratio and of the rate difference
/// (``GridSensitivityEntry``) at a low scale (default ×0, the criterion removed)
/// and a high scale (default ×2). Bars are sorted by
/// `max(|ΔIR(low)|, |ΔIR(high)|)`, descending, the widest on top.
public struct GridTornadoBar: Sendable, Equatable {
    public let attribute: String
    public let group: String
    public let criterion: String
    public let criterionIndex: Int
    public let lowScale: Double
    public let highScale: Double
    public let lowImpactRatioChange: MetricValue
    public let highImpactRatioChange: MetricValue
    public let lowRateDifferenceChange: MetricValue
    public let highRateDifferenceChange: MetricValue

    public init(attribute: String, group: String, criterion: String, criterionIndex: Int, lowScale: Double, highScale: Double,
                lowImpactRatioChange: MetricValue, highImpactRatioChange: MetricValue,
                lowRateDifferenceChange: MetricValue, highRateDifferenceChange: MetricValue) {
        self.attribute = attribute
        self.group = group
        self.criterion = criterion
        self.criterionIndex = criterionIndex
        self.lowScale = lowScale
        self.highScale = highScale
        self.lowImpactRatioChange = lowImpactRatioChange
        self.highImpactRatioChange = highImpactRatioChange
        self.lowRateDifferenceChange = lowRateDifferenceChange
        self.highRateDifferenceChange = highRateDifferenceChange
    }

    /// `max(|ΔIR(low)|, |ΔIR(high)|)` over the defined changes; `nil` when neither is.
    public var width: Double? {
        [lowImpactRatioChange.value, highImpactRatioChange.value].compactMap { $0.map(abs) }.max()
    }
}
