/// A finding of the audit with the verdict `disparity` (`report.json` `findings[]`): a
/// group's rate differs from its reference's beyond the tolerance, significantly after
/// adjustment (`docs/inference.md`).
public struct AuditDisparity: Sendable, Equatable, Codable {
    public var attribute: String
    public var group: String
    public var reference: String
    /// `selection_rate`, `fpr`, `fnr`, `ppv` or `base_rate`.
    public var metric: String
    /// `difference` (group − reference) or `ratio` (group / reference).
    public var kind: String
    public var value: Double
    /// The interval's bounds (Newcombe for a difference, Katz for a ratio).
    public var low: Double
    public var high: Double
    public var pAdjusted: Double

    enum CodingKeys: String, CodingKey {
        case attribute, group, reference, metric, kind, value, low, high
        case pAdjusted = "p_adjusted"
    }
}
