/// One named value of an audit's central table.
public struct MetricEntry: Sendable, Equatable {
    /// What the value is (``MetricID``: `tpr`, `selection_rate_ratio`, `impact_ratio`…).
    public let id: MetricID
    /// The metric's published name in Vigie's vocabulary, ``MetricID/name``.
    public var name: String { id.name }
    /// The value or the reason it is undefined.
    public let value: MetricValue
    /// Unweighted rows the value is about: the denominator of a rate, the group size for a
    /// count, the rows of the groups compared for an attribute-level aggregate.
    public let n: Int
    /// The analytic confidence interval, when the metric has one (rates, their differences
    /// and ratios against a named or largest reference, score means).
    public var interval: MetricInterval?
    /// The bootstrap interval, when the audit ran a bootstrap.
    public var bootstrapInterval: MetricInterval?
    /// Why a defined value of a metric that normally has an analytic interval has none (for
    /// instance a weighted audit's score mean): an interval that cannot be computed says why,
    /// rather than vanishing. `nil` when the interval is there or the metric never has one.
    public var intervalUnavailable: String?
    /// The Kish effective denominator (Σw)²/Σw² of a share of households (the row count when
    /// unweighted), for the tests and intervals that compare it between groups
    /// (`AllocationFindings`); `nil` for other metrics.
    public var effectiveTrials: Double?

    public init(_ id: MetricID, _ value: MetricValue, n: Int, interval: MetricInterval? = nil) {
        self.id = id
        self.value = value
        self.n = n
        self.interval = value.value == nil ? nil : interval
    }
}
