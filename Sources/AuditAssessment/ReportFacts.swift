import AuditMetrics

/// The facts a reader must get first, computed once from an audit's result and its system
/// card, and read by every place that states them — the report's plain first page, "the
/// findings that matter most" and the legal checklist (`LegalChecklist`) — so they never
/// contradict each other.
///
/// - **Disparities**: rate comparisons (their difference) with the verdict `disparity`
///   (`FindingsBuilder`; a gap in favour of a mandated priority is `intended`, not one), plus
///   those disclosure control withheld (`DisclosureSummary.withheldDisparities`), which count
///   without figures. Sorted by harm to the group, then size (``ReportFacts/disparities``).
/// - **Four-fifths failures**: groups of single attributes, of at least `min_group_size` rows
///   and not `unknown`, whose impact ratio is below `impact_ratio_threshold` (29 CFR
///   1607.4(D)), withheld ones named without figures; other groups below it are `weakFourFifths`.
/// - **What could not be detected**: for the decision's rate (or the label's), on single
///   attributes, the groups whose smallest gap that would earn a `disparity` verdict
///   (`Finding.verdictDetectableGap`) exceeds the tolerance: a true gap between the tolerance and
///   that size would go unreported as a disparity.
public struct ReportFacts: Sendable {
    /// One group below the four-fifths threshold.
    public struct ImpactFailure: Sendable, Equatable {
        public let attribute: String
        public let group: String
        /// The impact ratio; `nil` when disclosure control withholds it.
        public let ratio: Double?
    }

    /// The comparisons, counted once.
    public let comparisons: ComparisonCount
    /// Published rate comparisons (differences) with the verdict `disparity`, the ones against
    /// the group first, then the largest.
    public let disparities: [Finding]
    /// Comparisons with a disparity withheld by disclosure control (true values), without figures.
    public let withheldDisparities: Int
    /// All disparities, published and withheld: what the AI Act Art. 10(2)(g) item counts.
    public var disparityCount: Int { disparities.count + withheldDisparities }
    /// Whether the audit has a decision (else the four-fifths rule cannot be judged).
    public let hasDecision: Bool
    /// Groups that fail the four-fifths rule (see the type's note), in the audit's order.
    public let fourFifthsFailures: [ImpactFailure]
    /// Groups below the threshold that do not count as failures (small, unknown, intersections).
    public let weakFourFifths: Int
    /// The compared rate the undetectable gaps are about (`selection_rate`, or `base_rate`).
    public let primaryMetric: MetricID?
    /// Groups of single attributes compared on `primaryMetric` with a detectable-gap figure.
    public let detectableGroups: Int
    /// Of those, the ones whose verdict-detectable gap exceeds the tolerance.
    public let undetectableGroups: Int
    /// The largest verdict-detectable gap among them, as a difference of rates.
    public let largestDetectableGap: Double?
    /// The group with that gap, and its rows.
    public let largestDetectableGroup: (attribute: String, group: String, rows: Int)?
    /// The tolerance on differences.
    public let tolerance: Double
    /// The primary rate over the whole population (the base the tolerance is compared with).
    public let overallRate: Double?

    public init(_ result: AuditResult) {
        comparisons = result.comparisonCount
        let rates = result.findings.filter { $0.kind == .difference && !$0.isAllocation }
        let favourable = result.analysis.decisionIs == .favourable
        func harmsGroup(_ f: Finding) -> Bool {
            guard let m = f.metric.rate, let v = f.value.value, let d = m.favourableDirection(decisionIsFavourable: favourable) else { return false }
            return v * Double(d) < 0
        }
        disparities = rates.filter { $0.verdict == .disparity }.sorted { a, b in
            let ka = (a.isIntersection ? 1 : 0, harmsGroup(a) ? 0 : 1, -abs(a.value.value ?? 0)), kb = (b.isIntersection ? 1 : 0, harmsGroup(b) ? 0 : 1, -abs(b.value.value ?? 0))
            if ka != kb { return ka < kb }
            return (a.attribute, a.group, a.metric) < (b.attribute, b.group, b.metric)
        }
        // One per comparison (a withheld difference and ratio are one comparison).
        withheldDisparities = Set((result.disclosure?.withheldDisparities ?? []).map { "\($0.attribute)\u{0}\($0.group)\u{0}\($0.metric.name)" }).count
        hasDecision = result.hasDecision
        var failures: [ImpactFailure] = []
        var weak = 0
        for a in result.attributes {
            for g in a.groups where g.statistics.count > 0 && g.adverseImpact == true {
                if !a.isIntersection, !g.belowMinSize, !g.isUnknown, let ir = g.impactRatio?.value {
                    failures.append(ImpactFailure(attribute: a.name, group: g.label, ratio: ir))
                } else {
                    weak += 1
                }
            }
        }
        for w in result.disclosure?.withheldAdverseImpacts ?? [] {
            if !w.isIntersection, !w.belowMinSize, !w.isUnknown { failures.append(ImpactFailure(attribute: w.attribute, group: w.group, ratio: nil)) } else { weak += 1 }
        }
        fourFifthsFailures = failures
        weakFourFifths = weak
        let primary: MetricID? = result.hasDecision ? MetricID(.selectionRate) : result.hasLabel ? MetricID(.baseRate) : nil
        primaryMetric = primary
        tolerance = result.analysis.inference.differenceTolerance
        overallRate = primary.flatMap { p in result.overall.metrics.first { $0.id == p }?.value.value }
        let measured = rates.filter { $0.metric == primary && !$0.isIntersection && $0.verdictDetectableGap != nil
            && !(result[$0.attribute]?[$0.group]?.belowMinSize ?? true) && !(result[$0.attribute]?[$0.group]?.isUnknown ?? true) }
        detectableGroups = measured.count
        let beyond = measured.filter { ($0.verdictDetectableGap ?? 0) > result.analysis.inference.differenceTolerance }
        undetectableGroups = beyond.count
        let worst = beyond.max { ($0.verdictDetectableGap ?? 0, $1.attribute, $1.group) < ($1.verdictDetectableGap ?? 0, $0.attribute, $0.group) }
        largestDetectableGap = worst?.verdictDetectableGap
        largestDetectableGroup = worst.map { ($0.attribute, $0.group, $0.groupRows) }
    }
}
