/// One condition of a cluster's description: a range of a number, or a set of categories.
public struct ScanCondition: Sendable, Equatable {
    /// The column's header name.
    public let feature: String
    public let kind: Kind

    public enum Kind: Sendable, Equatable {
        /// `low ≤ x ≤ high`; a missing bound is open (the population's own end). A missing value fails.
        case range(low: Double?, high: Double?)
        /// The value is one of these labels (most members first).
        case categories([String])
    }

    public init(feature: String, kind: Kind) {
        self.feature = feature
        self.kind = kind
    }
}
