import AuditData

/// Turns the central table into findings: for every group of every attribute and
/// intersection, the difference and ratio of each compared rate against the reference, with
/// intervals, tests adjusted across the whole audit, power, and a verdict.
///
/// Verdict rules (`docs/inference.md`), in order:
/// 1. `insufficient_evidence` if the group (or a named reference) has fewer rows than
///    `min_group_size`, if the rate's denominator has fewer than `min_denominator` rows in
///    the group or the reference, or if the value or its interval is undefined;
/// 2. `disparity` if the interval lies wholly outside the tolerance band — ±`difference_tolerance`
///    for differences, [t, 1/t] for ratios with t the impact-ratio threshold — and the adjusted
///    p-value is below α;
/// 3. `no_disparity` if the interval lies wholly inside the band;
/// 4. `insufficient_evidence` otherwise, saying whether the interval straddles the band or
///    the test is not significant after adjustment.
package enum FindingsBuilder {
    /// The rates compared: the selection rate, the two error rates and precision when the
    /// audit has both columns; the base rate alone when it has only a label.
    package static func comparedMetrics(hasLabel: Bool, hasDecision: Bool) -> [GroupMetric] {
        switch (hasLabel, hasDecision) {
        case (true, true): return [.selectionRate, .fpr, .fnr, .ppv]
        case (false, true): return [.selectionRate]
        case (true, false): return [.baseRate]
        default: return []
        }
    }

    struct Comparison {
        let attribute: AttributeResult
        let group: GroupResult
        let referenceLabel: String
        let referenceStats: GroupStatistics
        let referenceIsGroup: Bool
        let metric: GroupMetric
        var pValue: Double?
        var test: String?
        /// The p-value is below 1e-300 and `pValue` is that bound (``PublishedPValue``).
        var pValueIsUpperBound = false
    }

    /// Findings and independence tests of a result, p-values adjusted together.
    ///
    /// - Parameters:
    ///   - compared: the rates compared (default ``comparedMetrics(hasLabel:hasDecision:)``);
    ///     the family adjusted together is every pairwise comparison and independence test of
    ///     these rates over the result's attributes.
    ///   - denominators: words for a rate's denominator in the reasons, when the rows it
    ///     counts are not the audit's (the human stage's "applicants the grid does not select").
    package static func build(_ result: AuditResult, compared: [GroupMetric]? = nil,
                              denominators: [GroupMetric: FindingReason.Denominator] = [:]) -> (findings: [Finding], tests: [IndependenceTest]) {
        let spec = result.analysis
        let inference = spec.inference
        let population = result.overall.statistics
        let metrics = compared ?? comparedMetrics(hasLabel: result.hasLabel, hasDecision: result.hasDecision)

        // 1. Pairwise comparisons and their tests.
        var comparisons: [Comparison] = []
        for attribute in result.attributes {
            for group in attribute.groups where group.statistics.count > 0 && !group.isReference {
                // A mixed intersection's group is compared within its priority stratum (`GroupResult.stratumReference`).
                let referenceGroup = (group.stratumReference ?? attribute.reference.group).map { attribute.groups[$0] }
                let referenceStats = referenceGroup?.statistics ?? (population - group.statistics)
                let referenceLabel = referenceGroup?.label ?? "rest"
                for metric in metrics {
                    var c = Comparison(attribute: attribute, group: group, referenceLabel: referenceLabel, referenceStats: referenceStats,
                                       referenceIsGroup: referenceGroup != nil, metric: metric, pValue: nil, test: nil)
                    if let (x1, n1) = group.statistics.effectiveCounts(metric, population: population),
                       let (x2, n2) = referenceStats.effectiveCounts(metric, population: population) {
                        (c.test, c.pValue) = test(x1, n1, x2, n2)
                        if let p = c.pValue { (c.pValue, c.pValueIsUpperBound) = PublishedPValue.bounded(p) }
                    }
                    comparisons.append(c)
                }
            }
        }
        // 2. Chi-square tests of independence, one per attribute and metric.
        var independence: [(attribute: String, metric: GroupMetric, statistic: Double, df: Int, p: Double, groups: Int, bound: Bool)] = []
        for attribute in result.attributes {
            for metric in metrics {
                let table = attribute.groups.filter { $0.statistics.count > 0 }.compactMap { g -> (positives: Double, negatives: Double)? in
                    guard let (x, n) = g.statistics.effectiveCounts(metric, population: population) else { return nil }
                    return (x, n - x)
                }
                // Cochran's rule (1954): the chi-square approximation needs every expected
                // count ≥ 1 and at most 20 % of them below 5; otherwise no test is reported.
                let positives = table.reduce(0) { $0 + $1.positives }, all = table.reduce(0) { $0 + $1.positives + $1.negatives }
                guard all > 0 else { continue }
                let expected = table.flatMap { row -> [Double] in
                    let n = row.positives + row.negatives
                    return [n * positives / all, n * (all - positives) / all]
                }
                guard expected.allSatisfy({ $0 >= 1 }), Double(expected.filter { $0 < 5 }.count) <= 0.2 * Double(expected.count) else { continue }
                if let r = ProportionTests.chiSquareIndependence(table) {
                    let p = PublishedPValue.bounded(r.pValue)
                    independence.append((attribute.name, metric, r.statistic, r.degreesOfFreedom, p.value, table.count, p.isUpperBound))
                }
            }
        }
        // 3. One adjustment over every test of the audit.
        let raw = comparisons.compactMap(\.pValue) + independence.map(\.p)
        let adjusted = MultipleTesting.adjusted(raw, by: inference.adjust)
        var next = 0
        var findings: [Finding] = []
        for c in comparisons {
            var pAdjusted: Double?
            if c.pValue != nil { pAdjusted = adjusted[next]; next += 1 }
            findings += makeFindings(c, pAdjusted: pAdjusted, tests: max(1, raw.count), result: result,
                                     denominator: denominators[c.metric] ?? denominatorWords(c.metric))
        }
        var tests: [IndependenceTest] = []
        for t in independence {
            tests.append(IndependenceTest(attribute: t.attribute, metric: MetricID(t.metric), statistic: t.statistic, degreesOfFreedom: t.df,
                                          pValue: t.p, pAdjusted: adjusted[next], groups: t.groups, pValueIsUpperBound: t.bound))
            next += 1
        }
        return (findings, tests)
    }

    /// Fisher's exact test when an expected cell is under 5 (counts rounded when weighted),
    /// the two-proportion z test otherwise. The p-value is the raw one; ``build(_:)``
    /// publishes one below 1e-300 as that upper bound (``PublishedPValue``).
    static func test(_ x1: Double, _ n1: Double, _ x2: Double, _ n2: Double) -> (String?, Double?) {
        guard let expected = ProportionTests.smallestExpectedCount(successes1: x1, trials1: n1, successes2: x2, trials2: n2) else { return (nil, nil) }
        if expected < 5 {
            let a = Int(x1.rounded()), b = Int((n1 - x1).rounded()), c = Int(x2.rounded()), d = Int((n2 - x2).rounded())
            return ("fisher_exact", ProportionTests.fisherExact(a, b, c, d))
        }
        guard let z = ProportionTests.twoProportionZ(successes1: x1, trials1: n1, successes2: x2, trials2: n2) else { return (nil, nil) }
        return ("two_proportion_z", z.pValue)
    }

    static func makeFindings(_ c: Comparison, pAdjusted: Double?, tests: Int, result: AuditResult, denominator: FindingReason.Denominator) -> [Finding] {
        let spec = result.analysis
        let inference = spec.inference
        let population = result.overall.statistics
        let g = c.group.statistics, r = c.referenceStats
        let mine = g.metric(c.metric, population: population)
        let theirs = r.metric(c.metric, population: population)
        let groupRows = g.denominatorRows(c.metric), referenceRows = r.denominatorRows(c.metric)
        let counts1 = g.effectiveCounts(c.metric, population: population)
        let counts2 = r.effectiveCounts(c.metric, population: population)
        var mdd: (decrease: Double?, increase: Double?) = (nil, nil)
        var verdictGap: Double?
        if let (_, n1) = counts1, let (x2, n2) = counts2 {
            let p0 = x2 / n2
            mdd = Power.minimumDetectableDifference(referenceRate: p0, groupSize: n1, referenceSize: n2, alpha: inference.alpha, power: inference.power)
            let se = (p0 * (1 - p0) * (1 / n1 + 1 / n2)).squareRoot()
            // The interval must clear the tolerance (its bound at gap − z_ci·SE) and the adjusted
            // test must be significant (gap ≥ z_adj·SE); whichever binds, plus z_power·SE.
            let zInterval = Normal.quantile(0.5 + inference.level / 2)
            let zAdjusted = Normal.quantile(1 - inference.alpha / (2 * Double(tests)))
            if se > 0 {
                verdictGap = max(inference.differenceTolerance + zInterval * se, zAdjusted * se) + Normal.quantile(inference.power) * se
            }
        }
        var out: [Finding] = []
        for kind in [Finding.Kind.difference, .ratio] {
            let value = kind == .difference ? Disparity.difference(mine, theirs) : Disparity.ratio(mine, theirs)
            var interval: MetricInterval?
            if let (x1, n1) = counts1, let (x2, n2) = counts2 {
                interval = Self.proportionInterval(kind, x1, n1, x2, n2, level: inference.level)
            }
            if value.value == nil { interval = nil }
            let band = Self.band(kind, spec: spec)
            let (verdict, cause) = judge(
                value: value, undefined: FindingReason.Undefined(value, group: mine, reference: theirs), interval: interval, band: band, kind: kind, pAdjusted: pAdjusted,
                groupSize: g.count, referenceSize: r.count, referenceIsGroup: c.referenceIsGroup,
                groupRows: groupRows, referenceRows: referenceRows, denominator: denominator, spec: spec
            )
            var (finalVerdict, finalReason) = priorityVerdict(verdict, FindingReason(cause), value: value, kind: kind, metric: c.metric, gap: c.group.priorityGap,
                                                              decisionIsFavourable: spec.decisionIs == .favourable)
            finalReason.pValueIsUpperBound = c.pValueIsUpperBound
            var finding = Finding(
                attribute: c.attribute.name, group: c.group.label, reference: c.referenceLabel, metric: MetricID(c.metric), kind: kind,
                value: value, interval: interval, test: c.test, pValue: c.pValue, pAdjusted: pAdjusted,
                verdict: finalVerdict, reason: finalReason,
                minimumDetectableDecrease: mdd.decrease, minimumDetectableIncrease: mdd.increase,
                groupRows: groupRows, referenceRows: referenceRows, isIntersection: c.attribute.isIntersection
            )
            finding.verdictDetectableGap = verdictGap
            out.append(finding)
        }
        return out
    }

    /// A `disparity` on a comparison that differs from its reference on mandated priorities
    /// only (`PriorityGap`) becomes `intended` when it favours the side holding the priority; a
    /// gap against it stays a `disparity`, its reason saying so. Other verdicts are unchanged.
    static func priorityVerdict(_ verdict: Verdict, _ reason: FindingReason, value: MetricValue, kind: Finding.Kind, metric: GroupMetric,
                                gap: PriorityGap?, decisionIsFavourable: Bool) -> (Verdict, FindingReason) {
        guard verdict == .disparity, let gap, let v = value.value, let direction = metric.favourableDirection(decisionIsFavourable: decisionIsFavourable) else {
            return (verdict, reason)
        }
        let names = gap.priorities.sorted()
        var out = reason
        if gap.favoursPriority(sign: kind == .difference ? v : v - 1, direction: direction) {
            out.priority = .inFavour(names)
            return (.intended, out)
        }
        out.priority = .against(names)
        return (verdict, out)
    }

    /// What the denominator of a rate counts, for reasons in words.
    static func denominatorWords(_ metric: GroupMetric) -> FindingReason.Denominator {
        switch metric {
        case .tpr, .fnr: return .labelPositiveRows
        case .tnr, .fpr: return .labelNegativeRows
        case .ppv, .fdr: return .positiveDecisions
        case .npv, .falseOmissionRate: return .negativeDecisions
        default: return .rows
        }
    }

    /// The interval of a comparison of two proportions x1/n1 and x2/n2: Newcombe's for the
    /// difference, Katz's (adjusted when a count is 0) for the ratio.
    static func proportionInterval(_ kind: Finding.Kind, _ x1: Double, _ n1: Double, _ x2: Double, _ n2: Double, level: Double) -> MetricInterval? {
        let a = GroupEstimate.proportion(successes: x1, trials: n1), b = GroupEstimate.proportion(successes: x2, trials: n2)
        return kind == .difference ? GroupEstimate.differenceInterval(a, b, level: level) : GroupEstimate.ratioInterval(a, b, level: level)
    }

    /// The equivalence band a comparison must lie within to be "no disparity": ± the difference
    /// tolerance in points, or [threshold, 1/threshold] for a ratio.
    static func band(_ kind: Finding.Kind, spec: AnalysisSpec) -> ClosedRange<Double> {
        kind == .difference
            ? -spec.inference.differenceTolerance...spec.inference.differenceTolerance
            : spec.impactRatioThreshold...(1 / spec.impactRatioThreshold)
    }

    static func judge(value: MetricValue, undefined: FindingReason.Undefined?, interval: MetricInterval?, band: ClosedRange<Double>, kind: Finding.Kind,
                      pAdjusted: Double?, groupSize: Int, referenceSize: Int, referenceIsGroup: Bool, groupRows: Int, referenceRows: Int,
                      denominator: FindingReason.Denominator, spec: AnalysisSpec) -> (Verdict, FindingReason.Cause) {
        let inference = spec.inference
        if groupSize < spec.minGroupSize {
            return (.insufficientEvidence, .belowMinimumSize(.group, rows: groupSize, minimum: spec.minGroupSize))
        }
        if referenceIsGroup && referenceSize < spec.minGroupSize {
            return (.insufficientEvidence, .belowMinimumSize(.reference, rows: referenceSize, minimum: spec.minGroupSize))
        }
        if groupRows < inference.minDenominator {
            return (.insufficientEvidence, .tooFewInDenominator(denominator, .group, rows: groupRows, minimum: inference.minDenominator))
        }
        if referenceRows < inference.minDenominator {
            return (.insufficientEvidence, .tooFewInDenominator(denominator, .reference, rows: referenceRows, minimum: inference.minDenominator))
        }
        if let reason = value.reason { return (.insufficientEvidence, .valueUndefined(undefined ?? .forGroup(detail: reason))) }
        guard let interval else { return (.insufficientEvidence, .noInterval) }
        let bandValue: FindingReason.Band = kind == .difference
            ? .difference(tolerance: band.upperBound)
            : .ratio(low: band.lowerBound, high: band.upperBound)
        let (low, high) = (interval.low, interval.high)
        if interval.high < band.lowerBound || interval.low > band.upperBound {
            guard let p = pAdjusted else { return (.insufficientEvidence, .outsideWithoutTest(low: low, high: high, band: bandValue)) }
            if p < inference.alpha {
                return (.disparity, .outside(low: low, high: high, band: bandValue, pAdjusted: p, alpha: inference.alpha))
            }
            return (.insufficientEvidence, .outsideNotSignificant(low: low, high: high, band: bandValue, pAdjusted: p))
        }
        if interval.low >= band.lowerBound && interval.high <= band.upperBound {
            return (.noDisparity, .within(low: low, high: high, band: bandValue))
        }
        return (.insufficientEvidence, .crossesEdge(low: low, high: high, band: bandValue))
    }

    /// Four significant decimals, deterministic.
    static func format(_ x: Double) -> String {
        let scaled = (x * 10_000).rounded() / 10_000
        if let whole = Int64(exactly: scaled) { return String(whole) }
        return String(scaled)
    }

    /// `= 0.0123`, or `< 0.0001` for tiny p-values.
    static func formatP(_ p: Double) -> String {
        p < 0.0001 ? "< 0.0001" : "= \(format(p))"
    }
}
