/// Proxy detection for one protected attribute (see ``ProxyDetection``).
public struct ProxyReport: Sendable, Equatable {
    /// The protected attribute's name, e.g. `nationalite`.
    public let attribute: String
    /// One entry per feature, strongest association first; undefined values last; ties by name.
    public let ranked: [ProxyAssociation]
    /// The joint models: one for a binary attribute (its higher code against the lower), else
    /// one per observed level against the rest, ascending by level.
    public let models: [ProxyLevelModel]
    /// Rows used by the joint models (attribute and every categorical feature present).
    public let modelObservations: Int

    public init(attribute: String, ranked: [ProxyAssociation], models: [ProxyLevelModel], modelObservations: Int) {
        self.attribute = attribute
        self.ranked = ranked
        self.models = models
        self.modelObservations = modelObservations
    }
}
