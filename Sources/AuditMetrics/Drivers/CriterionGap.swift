/// One criterion's part of a group's mean score gap (see ``ScoreGapDecomposition``).
public struct CriterionGap: Sendable, Equatable {
    /// The criterion's name.
    public let criterion: String
    /// Mean points the criterion gave the group's members, `mean C_j(g)`.
    public let groupMean: MetricValue
    /// Mean points it gave the reference group, `mean C_j(ref)`.
    public let referenceMean: MetricValue
    /// `mean C_j(g) − mean C_j(ref)` with its Welch standard error and interval: this
    /// criterion's part of the gap, in points.
    public let part: MeanDifference
    /// `part / (mean score(g) − mean score(ref))`: the share of the total gap this criterion
    /// accounts for. Shares sum to 1; a share can be negative (the criterion narrows the gap) or
    /// above 1. Undefined when the total gap is zero.
    public let shareOfGap: MetricValue
}
