/// A criterion the law wants a decision to favour (French cotation: disability and urgency,
/// CCH L441-1), declared by the owner in `system.mandated_priorities`: either an attribute
/// (`handicap`: every known group other than the attribute's reference is favoured) or one
/// group of it (`handicap=oui`).
///
/// A gap in favour of a priority group is intended by the rules: its findings get the verdict
/// `intended` (still with their size and interval) instead of `disparity`, so they stay out of
/// the suspect-ground counts, the AI Act items and the gates; and a group is never compared,
/// for its impact ratio, with a priority group it does not belong to (`RatioEligibility`). A gap
/// **against** a priority group is a finding like any other: the law wants that group favoured,
/// and disability is also a ground of discrimination (Code pénal 225-1), so it stays
/// `disparity` and counts everywhere.
public struct MandatedPriority: Sendable, Equatable, Hashable {
    /// The protected attribute (its column name).
    public let attribute: String
    /// The favoured group, or `nil` for every known group but the attribute's reference.
    public let group: String?

    public init(attribute: String, group: String? = nil) {
        self.attribute = attribute
        self.group = group
    }

    /// Reads `attribute` or `attribute=group` (the form of `system.mandated_priorities`).
    public init(declared: String) {
        if let eq = declared.firstIndex(of: "=") {
            self.init(attribute: String(declared[..<eq]), group: String(declared[declared.index(after: eq)...]))
        } else {
            self.init(attribute: declared)
        }
    }

    /// The declaration as written: `attribute` or `attribute=group`.
    public var declared: String { group.map { "\(attribute)=\($0)" } ?? attribute }

    /// Whether `group` (a label of `attribute`) is favoured, given the attribute's reference
    /// label (`nil` when the reference is the whole population). The missing group never is.
    public func favours(_ group: String, isMissing: Bool, reference: String?) -> Bool {
        guard !isMissing else { return false }
        if let declared = self.group { return group == declared }
        guard let reference else { return false }
        return group != reference
    }
}
