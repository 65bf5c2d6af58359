import AuditMetrics

/// One group of a protected attribute under the decision model: its rows of the model's
/// table (`MetricEntry`, named as in `docs/model-audit.md`), or of the human stage's
/// (``HumanStageAttribute``, `docs/human-stage.md`).
public struct ModelGroupResult: Sendable, Equatable {
    public let label: String
    /// Rows of the group (published even when the group is suppressed).
    public let count: Int
    /// Whether disclosure control withholds the group's values.
    public let isSuppressed: Bool
    public let isReference: Bool
    /// The group's values: grid selection, score distribution, LL144 scoring rate, KS,
    /// AUC, waiting-list shares and exposure, Kaplan–Meier waits, score and allocation gaps.
    public let metrics: [MetricEntry]

    public init(label: String, count: Int, isSuppressed: Bool, isReference: Bool, metrics: [MetricEntry]) {
        self.label = label
        self.count = count
        self.isSuppressed = isSuppressed
        self.isReference = isReference
        self.metrics = metrics
    }

    public subscript(_ id: MetricID) -> MetricEntry? { metrics.first { $0.id == id } }
    /// The entry whose published name is `name`: for names read from a file (reference
    /// values, a previous report), never to form a name in code — use the ``MetricID``.
    public func entry(named name: String) -> MetricEntry? { metrics.first { $0.name == name } }
}
