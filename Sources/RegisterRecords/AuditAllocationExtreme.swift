/// For an allocation audit, the group of an attribute with the lowest per-capita allocation
/// relative to the reference group (`report.json` `allocation.attributes[].groups[]`
/// `disparities.allocation_per_capita_ratio`).
public struct AuditAllocationExtreme: Sendable, Equatable, Codable {
    public var attribute: String
    public var group: String
    public var reference: String
    public var perCapitaRatio: Double

    enum CodingKeys: String, CodingKey {
        case attribute, group, reference
        case perCapitaRatio = "per_capita_ratio"
    }
}
