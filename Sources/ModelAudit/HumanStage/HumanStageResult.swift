import AuditMetrics

/// The human decision after the grid (issue 15): the grid's selection and the actual
/// decisions side by side — agreement, overrides by group, where each selection gap arises
/// (grid or people), and the odds of being selected at equal points. Present when the audit
/// has a decision column and the grid an allocation rule. Reports render it.
public struct HumanStageResult: Sendable, Equatable {
    /// The decision column compared with the grid's selection.
    public let decision: String
    /// Whether decision = 1 is the favourable outcome (else "selected" is decision = 0).
    public let decisionIsFavourable: Bool
    /// Applicants compared (every scored row).
    public let rows: Int
    /// Selected by the grid, and by the actual decision.
    public let gridSelected: Int
    public let actualSelected: Int
    /// Whole population (`overall,all`): `grid_agreement`, `cohen_kappa`, `cohen_kappa_se`,
    /// `actual_selection_rate`, `override_in_rate`, `override_out_rate`.
    public let overall: [MetricEntry]
    /// The grid's `segment_by` columns (empty: no segments).
    public let segmentBy: [String]
    /// Agreement per allocation segment, when the grid allocates by segment.
    public let segments: [HumanStageSegment]
    /// How the strata of the at-equal-points comparisons are made, in words
    /// (`deciles of the rank within each typologie`), and their number.
    public let strata: String
    public let strataCount: Int
    /// Bootstrap replicates behind the stage-split intervals.
    public let bootstrapReplicates: Int
    /// Tests adjusted together (Holm or BH, as the audit): the override comparisons of every
    /// attribute and the chi-square tests of equal override rates across groups.
    public let adjustedTests: Int
    public let attributes: [HumanStageAttribute]

    public init(decision: String, decisionIsFavourable: Bool, rows: Int, gridSelected: Int, actualSelected: Int, overall: [MetricEntry],
                segmentBy: [String], segments: [HumanStageSegment], strata: String, strataCount: Int, bootstrapReplicates: Int, adjustedTests: Int,
                attributes: [HumanStageAttribute]) {
        self.decision = decision
        self.decisionIsFavourable = decisionIsFavourable
        self.rows = rows
        self.gridSelected = gridSelected
        self.actualSelected = actualSelected
        self.overall = overall
        self.segmentBy = segmentBy
        self.segments = segments
        self.strata = strata
        self.strataCount = strataCount
        self.bootstrapReplicates = bootstrapReplicates
        self.adjustedTests = adjustedTests
        self.attributes = attributes
    }

    public subscript(_ attribute: String) -> HumanStageAttribute? { attributes.first { $0.name == attribute } }
}
