/// How strongly one feature is associated with a protected attribute: one row of a
/// ``ProxyReport``'s ranked table.
public struct ProxyAssociation: Sendable, Equatable {
    /// The measure used, by the feature's kind.
    public enum Measure: String, Sendable, Equatable {
        /// Cramér's V (categorical feature), ``Association/cramersV(_:_:)``.
        case cramersV = "cramers_v"
        /// The correlation ratio η (numeric feature), ``Association/correlationRatio(_:groups:)``.
        case correlationRatio = "correlation_ratio"
    }

    /// The feature's name.
    public let feature: String
    /// Cramér's V or η.
    public let measure: Measure
    /// The association in [0, 1], or undefined with the reason.
    public let value: MetricValue
    /// Rows counted (both the feature and the attribute present).
    public let count: Int
}
