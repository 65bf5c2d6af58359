/// A failing check whose figures disclosure control withheld: computed on the true values
/// (the data owner runs the audit) before suppression, published without its figures.
///
/// Verdicts never pass by omission: the impact-ratio gate, the verdict gate and the legal
/// checklist's four-fifths item read these beside the published flags (`AuditGates`,
/// `LegalChecklist`), so that hiding a group — or the most favoured rate an impact ratio is
/// divided by — cannot turn a failure into a pass. Only the attribute, the group's label
/// (published, as its count is) and the metric are kept: never the value.
public struct WithheldVerdict: Sendable, Equatable {
    /// The attribute or intersection.
    public let attribute: String
    /// The group's label.
    public let group: String
    /// `impact_ratio` for an adverse impact, else the finding's metric (`selection_rate`…).
    public let metric: MetricID
    /// Whether the group's own rates are suppressed (otherwise only the comparison is withheld,
    /// because another group it is compared with is).
    public let groupSuppressed: Bool
    /// Whether the group has fewer rows than `min_group_size`.
    public let belowMinSize: Bool
    /// Whether it is (or contains) the group of missing protected values.
    public let isUnknown: Bool
    /// Whether the attribute crosses two or more attributes.
    public let isIntersection: Bool

    public init(attribute: String, group: String, metric: MetricID, groupSuppressed: Bool, belowMinSize: Bool, isUnknown: Bool, isIntersection: Bool) {
        self.attribute = attribute
        self.group = group
        self.metric = metric
        self.groupSuppressed = groupSuppressed
        self.belowMinSize = belowMinSize
        self.isUnknown = isUnknown
        self.isIntersection = isIntersection
    }
}
