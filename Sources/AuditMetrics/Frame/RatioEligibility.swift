/// Which groups of a `GroupFrame` may be the comparator of a ratio (the "most favoured group"
/// of the four-fifths rule, 29 CFR 1607.4(D); the highest group of NYC LL144, 6 RCNY §5-301),
/// as one named policy shared by every output that publishes a ratio.
///
/// A group is eligible when it has rows, a defined value, is not the missing group
/// (`excludesMissing`) and reaches `minimumSize` rows; when no group reaches that size, every
/// other condition still applies and any remaining group is eligible (so a table of small
/// groups still has a comparator). With `honoursPriorities`, a group is only compared with
/// groups that hold no mandated priority it does not hold itself (`MandatedPriority`): the
/// non-disabled are not compared with the disabled whom the law wants favoured, while the
/// disabled are compared with everyone. `fixed`, when given, replaces the eligible set (the
/// bootstrap keeps the full sample's set on every replicate).
public struct RatioEligibility: Sendable, Equatable {
    /// Rows a group needs to be a comparator (the audit's `min_group_size`).
    public var minimumSize: Int
    /// Whether the missing group (found by its code, never its label) is left out.
    public var excludesMissing: Bool
    /// Whether groups are compared only with groups sharing their mandated priorities.
    public var honoursPriorities: Bool
    /// A fixed eligible set (group codes), overriding the rules above.
    public var fixed: [Int]?

    public init(minimumSize: Int, excludesMissing: Bool = true, honoursPriorities: Bool = true, fixed: [Int]? = nil) {
        self.minimumSize = minimumSize
        self.excludesMissing = excludesMissing
        self.honoursPriorities = honoursPriorities
        self.fixed = fixed
    }

    /// The rule in words, for the method section and the reasons of undefined ratios.
    public var rationale: String {
        var parts = ["groups of at least \(minimumSize) rows"]
        if excludesMissing { parts.append("not the missing group") }
        if honoursPriorities { parts.append("never a mandated-priority group the compared group does not belong to") }
        return parts.joined(separator: ", ")
    }
}
