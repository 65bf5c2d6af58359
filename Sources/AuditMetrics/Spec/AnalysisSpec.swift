import AuditData

/// The spec's analysis part: the rules an audit applies to the groups — reference groups,
/// intersections, thresholds, disclosure control, and how uncertainty is quantified
/// (`reference`, `intersections`, `impact_ratio_threshold`, `min_group_size`,
/// `min_cell_size`, `decision_is`, and `InferenceSpec`'s keys). `Audit` applies it.
public struct AnalysisSpec: Sendable, Equatable {
    /// Reference rule for attributes that do not name one.
    public var defaultReference: ReferenceRule
    /// Highest order of intersections (2: all pairs of attributes). 1 disables intersections.
    public var intersections: Int
    /// The impact-ratio threshold of the four-fifths rule (0.8).
    public var impactRatioThreshold: Double
    /// Groups with fewer rows are flagged `below_min_size`, never chosen as reference by the
    /// `largest` and `best` rules, and left out of the maximum of the impact ratio.
    public var minGroupSize: Int
    /// Disclosure control: a group (cell) of fewer rows is published with its count but
    /// none of its rates (`status: suppressed`), and further cells are suppressed so that no
    /// hidden value can be recovered from totals (`DisclosureControl`). 10 by default; 0
    /// turns suppression off.
    public var minCellSize: Int
    /// Whether a positive decision is favourable to the person.
    public var decisionIs: Favourability
    /// Intervals, tests, verdicts and bootstrap.
    public var inference: InferenceSpec
    /// The criteria the law wants favoured (`system.mandated_priorities`, read from the system
    /// card, not a key of its own): gaps in their favour are `intended`, and no group is compared
    /// with a priority group it does not belong to (`MandatedPriority`, `RatioEligibility`).
    public var mandatedPriorities: [MandatedPriority] = []

    public init(
        defaultReference: ReferenceRule = .largest, intersections: Int = 2, impactRatioThreshold: Double = 0.8,
        minGroupSize: Int = 30, minCellSize: Int = 10, decisionIs: Favourability = .favourable,
        inference: InferenceSpec = InferenceSpec()
    ) {
        self.defaultReference = defaultReference
        self.intersections = intersections
        self.impactRatioThreshold = impactRatioThreshold
        self.minGroupSize = minGroupSize
        self.minCellSize = minCellSize
        self.decisionIs = decisionIs
        self.inference = inference
    }

    /// Checks the ranges.
    public func validate() throws(SpecError) {
        guard intersections >= 1 else { throw SpecError(key: "intersections", problem: .sentence(.specOrder, arguments: ["found": "\(intersections)"])) }
        guard impactRatioThreshold > 0, impactRatioThreshold <= 1 else {
            throw SpecError(key: "impact_ratio_threshold", problem: .sentence(.specRatioThreshold, arguments: ["found": "\(impactRatioThreshold)"]))
        }
        guard minCellSize >= 0 else { throw SpecError(key: "min_cell_size", problem: .sentence(.specMinCellSize, arguments: ["found": "\(minCellSize)"])) }
        guard minGroupSize >= 1 else { throw SpecError(key: "min_group_size", problem: .sentence(.specWholeAtLeastOne, arguments: ["found": "\(minGroupSize)"])) }
        try inference.validate()
    }

    /// The impact ratio's eligibility policy of this audit (`RatioEligibility`).
    public var ratioEligibility: RatioEligibility { RatioEligibility(minimumSize: minGroupSize) }

    /// The declared priority of attribute `name`, if any.
    public func priority(of name: String) -> MandatedPriority? { mandatedPriorities.first { $0.attribute == name } }
}
