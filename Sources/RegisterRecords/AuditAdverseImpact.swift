/// A group whose favourable-outcome rate is below the four-fifths threshold of the most
/// favoured group's (`report.json` `attributes[].groups[]` with `adverse_impact: true`),
/// among groups of at least the minimum size other than `unknown`.
public struct AuditAdverseImpact: Sendable, Equatable, Codable {
    public var attribute: String
    public var group: String
    public var impactRatio: Double

    enum CodingKeys: String, CodingKey {
        case attribute, group
        case impactRatio = "impact_ratio"
    }
}
