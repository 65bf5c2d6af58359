/// Where a piece of evidence comes from (`docs/convention.md`).
public enum EvidenceSource: String, Sendable, Equatable, CaseIterable {
    /// Computed by Vigie from the data or the audit itself.
    case measured
    /// Stated by the system's owner in the spec's system card.
    case declared
    /// Needed, and neither measured nor declared.
    case missing
}
