import Foundation

/// The findings of an allocation audit (a water audit: volumes, bills, affordability): each
/// group of each attribute against its reference group, with an interval, a test, a p-value
/// adjusted over these comparisons and a verdict in the vocabulary of the rate findings
/// (``Verdict``), so that `--fail-on-verdict` gates a water audit as it gates a decision audit.
///
/// Compared, when the audit has them (`docs/allocation.md`, "Findings"):
/// - **means, as ratios** group / reference — `allocation_mean` (the volume), `bill_mean`,
///   `water_price_per_m3` (Σ water charge / Σ volume) and `drought_reduction_per_person` (the m³
///   a drought restriction cuts, per person): interval exp(ln r ± z·SE) with
///   SE² = s₁²/m₁² + s₂²/m₂² (delta method, each s from the group's normal interval,
///   ``GroupEstimate/logRatioStandardError(_:_:)``); test: the two-sided z test of
///   ln r = 0 with that SE (`log_ratio_z`), so the interval excludes 1 exactly when p < 1 − level;
/// - **shares, as a difference and a ratio** — `effort_above_3pct_share` (the bill above 3 % of
///   income) and `shortfall_share` (below the essential need): Newcombe's interval for the
///   difference, Katz's for the ratio, Fisher's exact test when an expected cell is under 5 and
///   the two-proportion z test otherwise, on Kish effective counts — exactly as the rate findings
///   (``FindingsBuilder``).
///
/// Verdicts follow ``FindingsBuilder``'s rules: the tolerance is ±`difference_tolerance` for a
/// difference and [t, 1/t] for a ratio (t = `impact_ratio_threshold`). The p-values are adjusted
/// together (by `inference.adjust`) over the allocation comparisons, one test per comparison (the
/// difference and the ratio of a share share theirs): a family apart from the rate findings'.
/// Groups without a weighted-free interval (a weighted audit's means) get no test and the verdict
/// `insufficient_evidence`, saying why.
public enum AllocationFindings {
    /// The means compared as ratios, in order.
    public static let means: [MetricID] = [.allocationMean, .billMean, .waterPricePerM3, .droughtReductionPerPerson]
    /// The shares compared as a difference and a ratio, in order.
    public static let shares: [MetricID] = [.effortAbove3pctShare, .shortfallShare]
    /// Every metric an allocation finding may have.
    public static var metrics: Set<MetricID> { Set(means + shares) }

    struct Comparison {
        let attribute: AllocationAttributeResult
        let group: AllocationGroupResult
        let reference: AllocationGroupResult
        let metric: MetricID
        var test: String?
        var pValue: Double?
        var pValueIsUpperBound = false
    }

    /// The findings of `allocation`, judged under `spec`.
    public static func build(_ allocation: AllocationResult, analysis spec: AnalysisSpec) -> [Finding] {
        let inference = spec.inference
        var comparisons: [Comparison] = []
        for attribute in allocation.attributes {
            guard let referenceLabel = attribute.reference, let reference = attribute[referenceLabel] else { continue }
            for group in attribute.groups where !group.isReference && group.households > 0 {
                for metric in means + shares {
                    guard let mine = group[metric], let theirs = reference[metric] else { continue }
                    var c = Comparison(attribute: attribute, group: group, reference: reference, metric: metric)
                    if means.contains(metric) {
                        if let r = Disparity.ratio(mine.value, theirs.value).value, r > 0,
                           let se = GroupEstimate.logRatioStandardError(.normalMean(mine, level: inference.level), .normalMean(theirs, level: inference.level)) {
                            c.test = "log_ratio_z"
                            c.pValue = 2 * Normal.cdf(-abs(log(r)) / se)
                        }
                    } else if let (x1, n1) = counts(mine), let (x2, n2) = counts(theirs) {
                        (c.test, c.pValue) = FindingsBuilder.test(x1, n1, x2, n2)
                    }
                    if let p = c.pValue { (c.pValue, c.pValueIsUpperBound) = PublishedPValue.bounded(p) }
                    comparisons.append(c)
                }
            }
        }
        let raw = comparisons.compactMap(\.pValue)
        let adjusted = MultipleTesting.adjusted(raw, by: inference.adjust)
        var next = 0
        var findings: [Finding] = []
        for c in comparisons {
            var pAdjusted: Double?
            if c.pValue != nil { pAdjusted = adjusted[next]; next += 1 }
            findings += makeFindings(c, pAdjusted: pAdjusted, tests: max(1, raw.count), spec: spec)
        }
        return findings
    }

    /// A share's (successes, trials) on its Kish effective count.
    static func counts(_ e: MetricEntry) -> (Double, Double)? {
        guard case let .proportion(x, n) = GroupEstimate.share(e) else { return nil }
        return (x, n)
    }

    static func makeFindings(_ c: Comparison, pAdjusted: Double?, tests: Int, spec: AnalysisSpec) -> [Finding] {
        let inference = spec.inference
        guard let mine = c.group[c.metric], let theirs = c.reference[c.metric] else { return [] }
        let isMean = means.contains(c.metric)
        let kinds: [Finding.Kind] = isMean ? [.ratio] : [.difference, .ratio]
        let denominator: FindingReason.Denominator = isMean ? .householdsWithValue : .households
        var mdd: (decrease: Double?, increase: Double?) = (nil, nil)
        var verdictGap: Double?
        let shareCounts = isMean ? nil : counts(mine).flatMap { a in counts(theirs).map { (a, $0) } }
        if let ((_, n1), (x2, n2)) = shareCounts {
            let p0 = x2 / n2
            mdd = Power.minimumDetectableDifference(referenceRate: p0, groupSize: n1, referenceSize: n2, alpha: inference.alpha, power: inference.power)
            let se = (p0 * (1 - p0) * (1 / n1 + 1 / n2)).squareRoot()
            if se > 0 {
                let zInterval = Normal.quantile(0.5 + inference.level / 2)
                let zAdjusted = Normal.quantile(1 - inference.alpha / (2 * Double(tests)))
                verdictGap = max(inference.differenceTolerance + zInterval * se, zAdjusted * se) + Normal.quantile(inference.power) * se
            }
        }
        var out: [Finding] = []
        for kind in kinds {
            let value = kind == .difference ? Disparity.difference(mine.value, theirs.value) : Disparity.ratio(mine.value, theirs.value)
            // The interval the allocation's disparity rows give (``AllocationAnalysis``): one
            // comparison, one interval (``GroupEstimate``).
            let estimate = { (e: MetricEntry) in isMean ? GroupEstimate.normalMean(e, level: inference.level) : GroupEstimate.share(e) }
            var interval = kind == .difference
                ? GroupEstimate.differenceInterval(estimate(mine), estimate(theirs), level: inference.level)
                : GroupEstimate.ratioInterval(estimate(mine), estimate(theirs), level: inference.level)
            if value.value == nil { interval = nil }
            let band = FindingsBuilder.band(kind, spec: spec)
            let judged = FindingsBuilder.judge(
                value: value, undefined: FindingReason.Undefined(value, group: mine.value, reference: theirs.value), interval: interval, band: band, kind: kind, pAdjusted: pAdjusted,
                groupSize: c.group.households, referenceSize: c.reference.households, referenceIsGroup: true,
                groupRows: mine.n, referenceRows: theirs.n, denominator: denominator, spec: spec
            )
            let verdict = judged.0
            var cause = judged.1
            if isMean, interval == nil, value.value != nil, verdict == .insufficientEvidence, cause == .noInterval {
                cause = .noMeanInterval
            }
            let reason = FindingReason(cause, pValueIsUpperBound: c.pValueIsUpperBound)
            var finding = Finding(
                attribute: c.attribute.name, group: c.group.label, reference: c.reference.label, metric: c.metric, kind: kind,
                value: value, interval: interval, test: c.test, pValue: c.pValue, pAdjusted: pAdjusted,
                verdict: verdict, reason: reason,
                minimumDetectableDecrease: mdd.decrease, minimumDetectableIncrease: mdd.increase,
                groupRows: mine.n, referenceRows: theirs.n, isIntersection: c.attribute.name.contains("*")
            )
            finding.verdictDetectableGap = verdictGap
            out.append(finding)
        }
        return out
    }
}

extension AuditResult {
    /// Sets the allocation audit and appends its findings (``AllocationFindings``) after the
    /// rate findings; call before disclosure control, which filters both alike.
    public mutating func setAllocation(_ allocation: AllocationResult?) {
        self.allocation = allocation
        findings.removeAll { AllocationFindings.metrics.contains($0.metric) }
        if let allocation { findings += AllocationFindings.build(allocation, analysis: analysis) }
    }
}

extension Finding {
    /// Whether the finding compares an allocation (a mean or a share of households,
    /// ``AllocationFindings``) rather than a rate of decisions or labels.
    public var isAllocation: Bool { AllocationFindings.metrics.contains(metric) }
}
