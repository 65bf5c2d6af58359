import AuditMetrics

/// One protected attribute at the human stage: its groups, the override findings (the
/// audit's findings machinery on the override rates) and the attribute-level tests.
public struct HumanStageAttribute: Sendable, Equatable {
    public let name: String
    /// The reference group (the audit's), if it is a group.
    public let reference: String?
    public let groups: [ModelGroupResult]
    /// `override_in_rate` and `override_out_rate` of each group against the reference:
    /// difference (Newcombe) and ratio (Katz), test, adjusted p-value and verdict. Findings
    /// about a suppressed group (or against a suppressed reference) are left out.
    public let findings: [Finding]
    /// Attribute-level values: the stratified log-rank test of waits at equal points; the
    /// chi-square tests that each override rate is the same in every group.
    public let aggregates: [MetricEntry]

    public init(name: String, reference: String?, groups: [ModelGroupResult], findings: [Finding], aggregates: [MetricEntry]) {
        self.name = name
        self.reference = reference
        self.groups = groups
        self.findings = findings
        self.aggregates = aggregates
    }

    public subscript(_ group: String) -> ModelGroupResult? { groups.first { $0.label == group } }
}
