import AuditMetrics

/// The selection of one group of one protected attribute under one weight
/// variant (``GridSensitivity``).
///
/// With `n_g` rows and `s_g` selected in group `g`, `r` the reference group and
/// `E_g` the groups `g` may be compared with under the audit's `RatioEligibility` (at least
/// `minGroupSize` rows — any group if none is that large —, not the missing group, holding no
/// mandated priority `g` lacks):
/// * selection rate `p_g = s_g / n_g`;
/// * impact ratio `IR_g = p_g / max_{h∈E_g} p_h` (the "four-fifths rule" ratio to the
///   most-selected group, EEOC Uniform Guidelines 29 CFR 1607.4(D); Aequitas' disparity to
///   the best group; `GroupFrame.mostFavouredRatios`, the audit's definition), undefined when
///   `n_g = 0`, `E_g` has no rate or `max p_h = 0`;
/// * rate difference `p_g − p_r` (Fairlearn's `demographic_parity_difference` for a pair);
/// * mean score gap `mean_g(score) − mean_r(score)`.
public struct GridGroupDisparity: Sendable, Equatable {
    /// Protected attribute (column) name.
    public let attribute: String
    /// Group label.
    public let group: String
    /// Rows in the group (`n_g`).
    public let count: Int
    /// Selected rows in the group (`s_g`).
    public let selected: Int
    /// `p_g = s_g / n_g`.
    public let selectionRate: MetricValue
    /// `p_g / max_{h ∈ E_g} p_h` (see above).
    public let impactRatio: MetricValue
    /// `p_g − p_r`, `r` the reference group.
    public let rateDifference: MetricValue
    /// Mean score of the group.
    public let meanScore: MetricValue
    /// `mean_g(score) − mean_r(score)`.
    public let meanScoreGap: MetricValue

    public init(attribute: String, group: String, count: Int, selected: Int, selectionRate: MetricValue,
                impactRatio: MetricValue, rateDifference: MetricValue, meanScore: MetricValue, meanScoreGap: MetricValue) {
        self.attribute = attribute
        self.group = group
        self.count = count
        self.selected = selected
        self.selectionRate = selectionRate
        self.impactRatio = impactRatio
        self.rateDifference = rateDifference
        self.meanScore = meanScore
        self.meanScoreGap = meanScoreGap
    }
}
