/// A protected attribute or intersection the audit checked (`report.json` `attributes[]`).
public struct AuditAttribute: Sendable, Equatable, Codable {
    public var name: String
    /// `attribute` or `intersection`.
    public var kind: String
    /// Groups with at least one row.
    public var groups: Int
    /// Rows whose value is missing (the `unknown` group), for an attribute; 0 when none.
    public var unknownRows: Int

    enum CodingKeys: String, CodingKey {
        case name, kind, groups
        case unknownRows = "unknown_rows"
    }
}
