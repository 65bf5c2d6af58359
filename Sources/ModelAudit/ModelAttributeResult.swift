import AuditMetrics

/// One protected attribute under the decision model.
public struct ModelAttributeResult: Sendable, Equatable {
    public let name: String
    /// The reference group (the audit's, for this attribute), if it is a group.
    public let reference: String?
    public let groups: [ModelGroupResult]
    /// Attribute-level values: the log-rank test of waiting times.
    public let aggregates: [MetricEntry]
    /// Per group (not the reference, not suppressed): the mean score gap to the reference
    /// split exactly into per-criterion parts (`ScoreGapDecomposition`).
    public let scoreGaps: [(group: String, gap: GroupScoreGap)]
    /// Per group (not the reference, not suppressed): the Oaxaca–Blinder decomposition of
    /// the gap in the grid's allocation into the part explained by the criteria and the rest.
    public let oaxaca: [(group: String, decomposition: OaxacaBlinderDecomposition)]
    /// How well the grid's criteria predict this attribute (proxy detection).
    public let proxies: ProxyReport?

    public init(name: String, reference: String?, groups: [ModelGroupResult], aggregates: [MetricEntry],
                scoreGaps: [(group: String, gap: GroupScoreGap)], oaxaca: [(group: String, decomposition: OaxacaBlinderDecomposition)], proxies: ProxyReport?) {
        self.name = name
        self.reference = reference
        self.groups = groups
        self.aggregates = aggregates
        self.scoreGaps = scoreGaps
        self.oaxaca = oaxaca
        self.proxies = proxies
    }

    public static func == (a: ModelAttributeResult, b: ModelAttributeResult) -> Bool {
        a.name == b.name && a.reference == b.reference && a.groups == b.groups && a.aggregates == b.aggregates
            && a.scoreGaps.map(\.group) == b.scoreGaps.map(\.group) && a.scoreGaps.map(\.gap) == b.scoreGaps.map(\.gap)
            && a.oaxaca.map(\.group) == b.oaxaca.map(\.group) && a.oaxaca.map(\.decomposition) == b.oaxaca.map(\.decomposition)
            && a.proxies == b.proxies
    }
}
