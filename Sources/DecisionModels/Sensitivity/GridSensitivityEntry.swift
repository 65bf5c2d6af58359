import AuditMetrics

/// One line of the ranked sensitivity table: how scaling one criterion's
/// weights moves one group's disparities against the baseline grid.
///
/// `Δ = metric(variant) − metric(baseline)` for the impact ratio and for the
/// rate difference to the reference group (``GridGroupDisparity``); undefined
/// when either side is.
public struct GridSensitivityEntry: Sendable, Equatable {
    public let attribute: String
    public let group: String
    /// The scaled criterion's name and index in `grid.criteria`.
    public let criterion: String
    public let criterionIndex: Int
    /// The factor applied to the criterion's weights (0 = removed).
    public let scale: Double
    /// Impact ratio under the baseline and under the variant.
    public let baselineImpactRatio: MetricValue
    public let variantImpactRatio: MetricValue
    /// `IR(variant) − IR(baseline)`.
    public let impactRatioChange: MetricValue
    /// `(p_g − p_r)(variant) − (p_g − p_r)(baseline)`.
    public let rateDifferenceChange: MetricValue
    /// `gap(variant) − gap(baseline)` of the mean score gap to the reference group.
    public let meanScoreGapChange: MetricValue

    public init(attribute: String, group: String, criterion: String, criterionIndex: Int, scale: Double,
                baselineImpactRatio: MetricValue, variantImpactRatio: MetricValue, impactRatioChange: MetricValue,
                rateDifferenceChange: MetricValue, meanScoreGapChange: MetricValue) {
        self.attribute = attribute
        self.group = group
        self.criterion = criterion
        self.criterionIndex = criterionIndex
        self.scale = scale
        self.baselineImpactRatio = baselineImpactRatio
        self.variantImpactRatio = variantImpactRatio
        self.impactRatioChange = impactRatioChange
        self.rateDifferenceChange = rateDifferenceChange
        self.meanScoreGapChange = meanScoreGapChange
    }
}
