/// Everything the audit says about one group of one attribute (or intersection).
public struct GroupResult: Sendable, Equatable {
    /// The group's label (`Female`, `African-American*Female`, `unknown`).
    public let label: String
    /// Its sufficient statistics.
    public let statistics: GroupStatistics
    /// Whether it is (or contains) the `unknown` group of missing protected values.
    public let isUnknown: Bool
    /// Whether it has fewer rows than the audit's minimum group size.
    public let belowMinSize: Bool
    /// Whether it is the reference group.
    public let isReference: Bool
    /// Per-group metrics (`GroupMetric`, in declaration order; only those the columns allow).
    public internal(set) var metrics: [MetricEntry]
    /// Disparities against the reference: `<rate>_difference`, `<rate>_ratio`, then AIF360's
    /// `statistical_parity_difference`, `disparate_impact`, `average_odds_difference`,
    /// `average_abs_odds_difference`, `equal_opportunity_difference`.
    public internal(set) var disparities: [MetricEntry]
    /// Favourable-outcome rate over the highest group's (four-fifths rule), when the audit has a decision.
    public internal(set) var impactRatio: MetricValue?
    /// `impact_ratio < threshold`; `nil` when the impact ratio is undefined or absent.
    public internal(set) var adverseImpact: Bool?
    /// The Katz interval of the impact ratio against the most favoured group (none for that group).
    public internal(set) var impactRatioInterval: MetricInterval?
    /// The mandated priorities (`MandatedPriority.attribute`) this group holds: empty for most.
    public internal(set) var priorities: Set<String> = []
    /// For a group of an intersection crossing a mandated priority with a suspect ground, which
    /// differs from the attribute's reference on both: the group it is compared with instead,
    /// the reference's suspect-ground groups with this group's priority groups (`sexe*handicap`:
    /// `F*oui` against `M*oui`, not `M*non`), so that the gap is examined on the suspect ground.
    /// An index into the attribute's groups; `nil` when the attribute's reference is used.
    public internal(set) var stratumReference: Int?
    /// Whether this group's gap against its reference lies on mandated priorities alone (same
    /// suspect-ground groups, different priorities): then a gap in favour of the side holding
    /// the priority is `intended`.
    public internal(set) var priorityGap: PriorityGap?
    /// The group whose favourable-outcome rate is the impact ratio's denominator (its most
    /// favoured comparable group, `GroupFrame.mostFavoured(for:)`), an index into the
    /// attribute's groups; `nil` when the ratio is undefined or absent.
    public internal(set) var impactComparator: Int?
    /// The bootstrap interval of the impact ratio, when the audit ran a bootstrap.
    public internal(set) var impactRatioBootstrapInterval: MetricInterval?

    public init(label: String, statistics: GroupStatistics, isUnknown: Bool, belowMinSize: Bool, isReference: Bool, metrics: [MetricEntry], disparities: [MetricEntry], impactRatio: MetricValue?, adverseImpact: Bool?) {
        self.label = label
        self.statistics = statistics
        self.isUnknown = isUnknown
        self.belowMinSize = belowMinSize
        self.isReference = isReference
        self.metrics = metrics
        self.disparities = disparities
        self.impactRatio = impactRatio
        self.adverseImpact = adverseImpact
    }

    /// The value of a per-group metric or disparity.
    public subscript(_ id: MetricID) -> MetricValue? {
        if id == .impactRatio { return impactRatio }
        return metrics.first { $0.id == id }?.value ?? disparities.first { $0.id == id }?.value
    }

    /// The value whose published name is `name`: for names read from a file (reference
    /// values, a previous report), never to form a name in code — use the ``MetricID``.
    public func value(named name: String) -> MetricValue? {
        if name == MetricID.impactRatio.name { return impactRatio }
        return metrics.first { $0.name == name }?.value ?? disparities.first { $0.name == name }?.value
    }
}
