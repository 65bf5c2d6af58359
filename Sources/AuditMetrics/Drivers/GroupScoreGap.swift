/// A group's mean score gap to the reference group, and its exact split by criterion
/// (see ``ScoreGapDecomposition``).
public struct GroupScoreGap: Sendable, Equatable {
    /// The group's code.
    public let group: Int32
    /// The reference group's code.
    public let reference: Int32
    /// Rows in the group.
    public let count: Int
    /// Rows in the reference group.
    public let referenceCount: Int
    /// `mean score(g)`, the score being the row sum of the contributions.
    public let meanScore: MetricValue
    /// `mean score(ref)`.
    public let referenceMeanScore: MetricValue
    /// `mean score(g) − mean score(ref)` with its Welch standard error and interval.
    public let gap: MeanDifference
    /// One entry per criterion, in the input order; their `part`s sum to `gap`.
    public let criteria: [CriterionGap]
}
