import AuditMetrics

/// What kind of ground an attribute or intersection is, for the convention's parameter
/// setting: French law lets the cotation favour some criteria (disability, urgency: CCH
/// L441-1) and forbids others as grounds of discrimination (origin, sex, age, residence:
/// Code pénal 225-1). The owner declares the former in `system.mandated_priorities`.
public enum ProtectedGround: String, Sendable, Equatable, CaseIterable {
    /// Every component is a suspect ground (not declared a mandated priority).
    case suspect
    /// An intersection of a suspect ground with a mandated priority: its gaps mix both.
    case mixed
    /// Every component is a declared mandated priority.
    case mandated

    /// The ground of `attribute` (`a` or `a*b`) given the declared mandated priorities
    /// (`attribute` or `attribute=group`, as `system.mandated_priorities` declares them).
    public static func of(_ attribute: String, mandated declared: Set<String>) -> ProtectedGround {
        let mandated = Set(declared.map { MandatedPriority(declared: $0).attribute })
        let parts = attribute.split(separator: "*").map(String.init)
        let lawful = parts.filter { mandated.contains($0) }.count
        return lawful == 0 ? .suspect : lawful == parts.count ? .mandated : .mixed
    }
}
