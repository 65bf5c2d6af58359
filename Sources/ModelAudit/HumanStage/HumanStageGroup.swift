import AuditMetrics

/// One protected group at the human stage: its rows of `model-metrics.csv` (names in
/// `docs/human-stage.md`).
public struct HumanStageGroup: Sendable, Equatable {
    public let label: String
    /// Rows of the group (published even when the group is suppressed).
    public let count: Int
    /// Whether disclosure control withholds the group's values (the audit suppressed it).
    public let isSuppressed: Bool
    public let isReference: Bool
    /// `actual_selection_rate`, `override_in_rate`, `override_out_rate` and their comparisons
    /// with the reference, the stage split, the Mantel–Haenszel odds ratio and its tests, the
    /// waits within score bands.
    public let metrics: [MetricEntry]

    public init(label: String, count: Int, isSuppressed: Bool, isReference: Bool, metrics: [MetricEntry]) {
        self.label = label
        self.count = count
        self.isSuppressed = isSuppressed
        self.isReference = isReference
        self.metrics = metrics
    }

    public subscript(_ name: String) -> MetricEntry? { metrics.first { $0.name == name } }
}
