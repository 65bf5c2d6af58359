import AuditData

/// The reference group actually used for an attribute, and the rule that chose it.
public struct ResolvedReference: Sendable, Equatable {
    /// The rule as declared (or defaulted).
    public let rule: ReferenceRule
    /// Index of the reference group, or `nil` when the reference is the whole population.
    public let group: Int?
    /// Its label (`overall` for the whole population).
    public let label: String
    /// Why the rule resolved as it did, when that needs saying (a fallback, a tie).
    public let note: String?

    public init(rule: ReferenceRule, group: Int?, label: String, note: String? = nil) {
        self.rule = rule
        self.group = group
        self.label = label
        self.note = note
    }
}
