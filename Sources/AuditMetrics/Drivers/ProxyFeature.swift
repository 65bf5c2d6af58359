/// A candidate proxy: a non-protected criterion (or any feature) that might stand in for a
/// protected attribute (see ``ProxyDetection``).
public struct ProxyFeature: Sendable, Equatable {
    /// The feature's values.
    public enum Values: Sendable, Equatable {
        /// Category codes `0, 1, …`, −1 for a missing value (e.g. `lien_commune` yes/no).
        case categorical([Int32])
        /// Numbers (e.g. the points a criterion gave, an income). Must be finite.
        case numeric([Double])
    }

    /// The feature's name, e.g. `lien_commune`.
    public let name: String
    /// Its values, one per row.
    public let values: Values

    public init(name: String, values: Values) {
        self.name = name
        self.values = values
    }
}
