import AuditMetrics

/// The two gates a pipeline can put on `vigie audit`, evaluated on an audit's result (after
/// disclosure control), whether or not the command enforces them:
///
/// - the **impact-ratio threshold** (`--fail-on-disparity`): a group's selection rate over the
///   most favoured group's is below `impact_ratio_threshold` (the four-fifths rule, 29 CFR
///   1607.4(D), point estimate). It trips on groups of at least `min_group_size` rows other
///   than `unknown`; smaller or unknown groups below the threshold are listed apart, as the
///   command prints them. The gate is judged on the true values, before disclosure control:
///   a group whose flag is withheld (`DisclosureSummary.withheldAdverseImpacts`: the group,
///   or the most favoured rate, is suppressed) is listed too, marked `withheld`, without its
///   ratio — suppression never turns a failure into a pass;
/// - the **verdicts** (`--fail-on-verdict`): a finding (`findings.csv`) has the verdict
///   `disparity` — its interval lies outside the tolerance and its test is significant after
///   adjustment (`docs/inference.md`). Findings about suppressed groups are withheld from
///   the outputs, but a withheld `disparity` still trips the gate (`withheldDisparities`).
///
/// The exit code of `vigie audit`, its JUnit report and its Markdown summary all read the
/// outcome from here.
public struct AuditGates: Sendable {
    /// One group below the impact-ratio threshold.
    public struct Group: Sendable {
        public let attribute: String
        /// The group as published (a withheld one carries no ratio).
        public let group: GroupResult
        /// Whether its ratio is withheld by disclosure control: below the threshold on the
        /// true values, published without its figure.
        public var withheld = false
    }

    /// Groups that trip the impact-ratio gate, in the audit's order.
    public let belowThreshold: [Group]
    /// Groups below the threshold that do not trip it: fewer than `min_group_size` rows, or
    /// the `unknown` group.
    public let belowThresholdNotGated: [Group]
    /// Findings with the verdict `disparity`, in the audit's order.
    public let disparities: [Finding]
    /// Findings with the verdict `disparity` on the true values that disclosure control
    /// withheld (no figures).
    public let withheldDisparities: [WithheldVerdict]
    /// The threshold applied.
    public let impactRatioThreshold: Double
    /// Whether the audit has a decision column (without one there is no impact ratio).
    public let hasDecision: Bool
    /// Which gates the command enforces (exit code 1 when one of them trips).
    public let enforcesImpactRatio: Bool
    public let enforcesVerdicts: Bool

    public init(_ result: AuditResult, enforcesImpactRatio: Bool = false, enforcesVerdicts: Bool = false) {
        var below = result.adverseImpacts.map { Group(attribute: $0.attribute, group: $0.group) }
        for w in result.disclosure?.withheldAdverseImpacts ?? [] {
            guard let group = result[w.attribute]?[w.group] else { continue }
            below.append(Group(attribute: w.attribute, group: group, withheld: true))
        }
        // In the audit's order, whether withheld or not.
        let order = Dictionary(result.attributes.enumerated().flatMap { t, a in a.groups.enumerated().map { ("\(a.name)\u{1F}\($0.element.label)", (t, $0.offset)) } },
                               uniquingKeysWith: { x, _ in x })
        below.sort { (order["\($0.attribute)\u{1F}\($0.group.label)"] ?? (0, 0)) < (order["\($1.attribute)\u{1F}\($1.group.label)"] ?? (0, 0)) }
        belowThreshold = below.filter { !$0.group.belowMinSize && !$0.group.isUnknown }
        belowThresholdNotGated = below.filter { $0.group.belowMinSize || $0.group.isUnknown }
        disparities = result.findings.filter { $0.verdict == .disparity }
        withheldDisparities = result.disclosure?.withheldDisparities ?? []
        impactRatioThreshold = result.analysis.impactRatioThreshold
        hasDecision = result.hasDecision
        self.enforcesImpactRatio = enforcesImpactRatio
        self.enforcesVerdicts = enforcesVerdicts
    }

    /// Whether the impact-ratio gate trips.
    public var impactRatioFails: Bool { !belowThreshold.isEmpty }
    /// Whether the verdict gate trips.
    public var verdictsFail: Bool { !disparities.isEmpty || !withheldDisparities.isEmpty }
    /// Whether an enforced gate trips: the command then exits with code 1.
    public var failsEnforced: Bool { (enforcesImpactRatio && impactRatioFails) || (enforcesVerdicts && verdictsFail) }
    /// Whether the command enforces any gate.
    public var enforcesAny: Bool { enforcesImpactRatio || enforcesVerdicts }
}
