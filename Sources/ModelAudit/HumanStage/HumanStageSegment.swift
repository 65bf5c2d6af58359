import AuditMetrics

/// Agreement between the grid and the decision within one allocation segment (the values of
/// the grid's `segment_by` columns, joined by ` × `).
public struct HumanStageSegment: Sendable, Equatable {
    public let label: String
    public let count: Int
    /// `grid_agreement`, `cohen_kappa`, `cohen_kappa_se`, `grid_selected`, `actual_selected`.
    public let metrics: [MetricEntry]

    public init(label: String, count: Int, metrics: [MetricEntry]) {
        self.label = label
        self.count = count
        self.metrics = metrics
    }

    public subscript(_ id: MetricID) -> MetricEntry? { metrics.first { $0.id == id } }
}
