/// One named value of an audit's central table.
public struct MetricEntry: Sendable, Equatable {
    /// The metric's name in Vigie's vocabulary (`tpr`, `selection_rate_ratio`, `impact_ratio`…).
    public let name: String
    /// The value or the reason it is undefined.
    public let value: MetricValue
    /// Unweighted rows the value is about: the denominator of a rate, the group size for a
    /// count, the rows of the groups compared for an attribute-level aggregate.
    public let n: Int

    public init(_ name: String, _ value: MetricValue, n: Int) {
        self.name = name
        self.value = value
        self.n = n
    }
}
