import AuditData
import Foundation

/// Runs an audit: one pass to sufficient statistics, then every metric as a pure function of them.
public enum Audit {
    /// Audits `store`, read with the columns of `data`, under the rules of `analysis`, using
    /// `threads` threads for the statistics pass. The result does not depend on `threads`.
    public static func run(store: ColumnStore, data: DataSpec, analysis: AnalysisSpec, threads: Int = 1) throws(SpecError) -> AuditResult {
        let groupings = Grouping.all(for: store, order: analysis.intersections)
        let statistics = AuditStatistics(store: store, groupings: groupings, threads: threads)
        var audit = try result(
            statistics: statistics,
            data: data,
            analysis: analysis,
            hasLabel: store.label != nil,
            hasDecision: store.decision != nil,
            weighted: store.weight != nil,
            warnings: store.warnings,
            source: store.source
        )
        BootstrapAnalysis.attach(to: &audit, statistics: statistics, store: store, threads: threads)
        return audit
    }

    /// Audits statistics computed without a column store — merged from several data holders
    /// (`vigie merge`) or pushed down to a database (`vigie audit --data postgresql://…`): the central table
    /// (``result(statistics:data:analysis:hasLabel:hasDecision:weighted:warnings:source:)``)
    /// and, when asked and unweighted, the bootstrap, which resamples the count tables only —
    /// so both equal the pooled audit's. A weighted bootstrap resamples rows: none here.
    public static func run(statistics: AuditStatistics, data: DataSpec, analysis: AnalysisSpec, hasLabel: Bool, hasDecision: Bool,
                           weighted: Bool, warnings: [DataWarning], threads: Int = 1) throws(SpecError) -> AuditResult {
        var audit = try result(statistics: statistics, data: data, analysis: analysis, hasLabel: hasLabel, hasDecision: hasDecision,
                               weighted: weighted, warnings: warnings, source: nil)
        BootstrapAnalysis.attach(to: &audit, statistics: statistics, store: nil, threads: threads)
        return audit
    }

    /// Derives the central table from (possibly merged) sufficient statistics.
    public static func result(statistics: AuditStatistics, data: DataSpec, analysis: AnalysisSpec, hasLabel: Bool, hasDecision: Bool, weighted: Bool, warnings: [DataWarning] = [], source: DataSource? = nil) throws(SpecError) -> AuditResult {
        var warnings = warnings
        let context = Context(spec: analysis, hasScore: data.score != nil, population: statistics.overall, hasLabel: hasLabel, hasDecision: hasDecision)
        let overall = context.groupResult(label: "all", statistics: statistics.overall, isUnknown: false, comparisons: nil, isReference: false, impactRatio: nil)
        var attributes: [AttributeResult] = []
        // The reference group each single attribute resolved to (intersections come after them).
        var resolvedSingle: [Int: String] = [:]
        for (g, grouping) in statistics.groupings.enumerated() {
            let stats = statistics.groups[g]
            let componentNames = grouping.name.split(separator: "*").map(String.init)
            let rule = referenceRule(for: grouping, componentNames: componentNames, data: data, analysis: analysis, resolved: resolvedSingle)
            let reference = try context.resolve(rule, grouping: grouping, frame: context.impactFrame(grouping: grouping, statistics: stats, priorities: nil), warnings: &warnings)
            if !grouping.isIntersection, let group = reference.group { resolvedSingle[grouping.components[0]] = grouping.groups[group] }
            let rateFrames = context.rateFrames(grouping: grouping, statistics: stats)
            let priorities = Self.priorities(grouping, componentNames: componentNames, analysis: analysis, resolved: resolvedSingle)
            let frame = context.impactFrame(grouping: grouping, statistics: stats, priorities: priorities)
            let impactRatios = context.impactRatios(frame)
            let impactIntervals = context.impactRatioIntervals(frame, statistics: stats)
            var groups: [GroupResult] = []
            for (c, label) in grouping.groups.enumerated() {
                let comparison = Self.priorityComparison(c, grouping: grouping, componentNames: componentNames, analysis: analysis,
                                                         priorities: priorities, reference: reference.group, statistics: stats)
                // Against the reference group (or its priority stratum's group), or the whole population.
                let comparator = comparison.stratum ?? reference.group
                var group = context.groupResult(
                    label: label, statistics: stats[c], isUnknown: grouping.isUnknown[c],
                    comparisons: rateFrames.mapValues { $0.comparison(of: c, with: comparator, level: analysis.inference.level) },
                    isReference: reference.group == c, impactRatio: impactRatios[c]
                )
                if impactRatios[c]?.value != nil {
                    group.impactRatioInterval = impactIntervals[c]
                    group.impactComparator = frame.mostFavoured(for: c)
                }
                group.priorities = priorities[c]
                group.stratumReference = comparison.stratum
                group.priorityGap = comparison.gap
                groups.append(group)
            }
            attributes.append(AttributeResult(
                name: grouping.name,
                components: componentNames,
                reference: reference,
                groups: groups,
                aggregates: context.aggregates(stats, frame: frame, overall: statistics.overall),
                cutPoints: grouping.cutPoints,
                binning: grouping.binning
            ))
        }
        var result = AuditResult(rowCount: statistics.overall.count, weighted: weighted, hasLabel: hasLabel, hasDecision: hasDecision, data: data, analysis: analysis, overall: overall, attributes: attributes, warnings: warnings, source: source)
        (result.findings, result.independenceTests) = FindingsBuilder.build(result)
        return result
    }

    /// The declared rule of a plain attribute. For an intersection: when any component names
    /// its reference, the combination of each component's reference group — the named one, or
    /// the group its own rule resolved to (`race=Caucasian` with sex `largest` gives
    /// `Caucasian*Male`); otherwise the components' common rule, else the default.
    static func referenceRule(for grouping: Grouping, componentNames: [String], data: DataSpec, analysis: AnalysisSpec, resolved: [Int: String] = [:]) -> ReferenceRule {
        let rules = grouping.components.map { data.protected[$0].reference ?? analysis.defaultReference }
        if rules.count == 1 { return rules[0] }
        let anyNamed = rules.contains { if case .named = $0 { return true } else { return false } }
        if anyNamed {
            var names: [String] = []
            for (rule, component) in zip(rules, grouping.components) {
                if case .named(let name) = rule { names.append(name) } else if let group = resolved[component] { names.append(group) } else { names = []; break }
            }
            if names.count == rules.count { return .named(names.joined(separator: "*")) }
        }
        if Set(rules).count == 1 { return rules[0] }
        return analysis.defaultReference
    }

    /// The mandated priorities each group of `grouping` holds (`MandatedPriority.favours`,
    /// against each component's resolved reference; the missing group, found by its code, never).
    static func priorities(_ grouping: Grouping, componentNames: [String], analysis: AnalysisSpec, resolved: [Int: String]) -> [Set<String>] {
        let declared = componentNames.map { analysis.priority(of: $0) }
        guard declared.contains(where: { $0 != nil }) else { return grouping.groups.map { _ in [] } }
        return grouping.groups.indices.map { code in
            var held: Set<String> = []
            for (i, priority) in declared.enumerated() {
                guard let priority else { continue }
                let k = grouping.componentCode(i, of: code)
                if priority.favours(grouping.componentGroups[i][k], isMissing: grouping.componentMissingCodes[i] == k, reference: resolved[grouping.components[i]]) {
                    held.insert(priority.attribute)
                }
            }
            return held
        }
    }

    /// How group `code`'s comparison with the attribute's reference relates to the mandated
    /// priorities: on the priorities alone (`PriorityGap`), or, when it differs from the
    /// reference on both a suspect ground and a priority, the group of its priority stratum it
    /// is compared with instead (`GroupResult.stratumReference`).
    static func priorityComparison(_ code: Int, grouping: Grouping, componentNames: [String], analysis: AnalysisSpec,
                                   priorities: [Set<String>], reference: Int?, statistics: [GroupStatistics]) -> (stratum: Int?, gap: PriorityGap?) {
        guard let r = reference, r != code else { return (nil, nil) }
        let mandated = componentNames.indices.filter { analysis.priority(of: componentNames[$0]) != nil }
        guard !mandated.isEmpty, priorities[code] != priorities[r] else { return (nil, nil) }
        let suspect = componentNames.indices.filter { !mandated.contains($0) }
        if suspect.allSatisfy({ grouping.componentCode($0, of: code) == grouping.componentCode($0, of: r) }) {
            if priorities[r].isStrictSubset(of: priorities[code]) { return (nil, .groupFavoured(priorities[code].subtracting(priorities[r]))) }
            if priorities[code].isStrictSubset(of: priorities[r]) { return (nil, .referenceFavoured(priorities[r].subtracting(priorities[code]))) }
            return (nil, nil)
        }
        let stratum = grouping.code(components: componentNames.indices.map { mandated.contains($0) ? grouping.componentCode($0, of: code) : grouping.componentCode($0, of: r) })
        guard stratum != code, statistics[stratum].count > 0 else { return (nil, nil) }
        return (stratum, nil)
    }

    /// What every group computation needs to know.
    struct Context: Sendable {
        let spec: AnalysisSpec
        /// Whether the audit has a score column.
        let hasScore: Bool
        let population: GroupStatistics
        let hasLabel: Bool
        let hasDecision: Bool

        var favourable: Bool { spec.decisionIs == .favourable }
        /// A fixed set of eligible groups (bootstrap replicates and jackknife tables).
        var fixedEligible: [Int]? = nil

        var inference: InferenceSpec { spec.inference }

        /// One group's metrics and disparities, with analytic intervals.
        ///
        /// - Parameter comparisons: each rate's comparison with the group's comparator
        ///   (``GroupFrame/comparison(of:with:level:)`` on ``rateFrames(grouping:statistics:)``),
        ///   `nil` for the whole-population row.
        func groupResult(label: String, statistics s: GroupStatistics, isUnknown: Bool, comparisons: [GroupMetric: GroupComparison]?,
                         isReference: Bool, impactRatio: MetricValue?) -> GroupResult {
            let metrics = GroupMetric.allCases
                .filter { $0.isAvailable(hasLabel: hasLabel, hasDecision: hasDecision, hasScore: hasScore) }
                .map { metric -> MetricEntry in
                    var entry = MetricEntry(MetricID(metric), s.metric(metric, population: population), n: s.denominatorRows(metric),
                                            interval: s.interval(metric, population: population, method: inference.interval, level: inference.level))
                    if entry.value.value != nil, entry.interval == nil { entry.intervalUnavailable = s.intervalUnavailable(metric) }
                    return entry
                }
            var disparities: [MetricEntry] = []
            if let comparisons {
                for rate in GroupMetric.rates {
                    guard let c = comparisons[rate] else { continue }
                    let n = s.denominatorRows(rate)
                    disparities.append(MetricEntry(MetricID(rate).difference, c.difference, n: n, interval: c.differenceInterval))
                    disparities.append(MetricEntry(MetricID(rate).ratio, c.ratio, n: n, interval: c.ratioInterval))
                }
                if hasDecision, let sr = comparisons[.selectionRate] {
                    disparities.append(MetricEntry(.statisticalParityDifference, sr.difference, n: s.count, interval: sr.differenceInterval))
                    disparities.append(MetricEntry(.disparateImpact, sr.ratio, n: s.count, interval: sr.ratioInterval))
                }
                if hasDecision && hasLabel, let fpr = comparisons[.fpr], let tpr = comparisons[.tpr] {
                    disparities.append(MetricEntry(.averageOddsDifference, Disparity.mean(fpr.difference, tpr.difference), n: s.count))
                    disparities.append(MetricEntry(.averageAbsOddsDifference, Disparity.mean(fpr.difference, tpr.difference, absolute: true), n: s.count))
                    disparities.append(MetricEntry(.equalOpportunityDifference, tpr.difference, n: s.denominatorRows(.tpr), interval: tpr.differenceInterval))
                }
            }
            var adverse: Bool?
            if let ratio = impactRatio?.value { adverse = ratio < spec.impactRatioThreshold }
            return GroupResult(
                label: label, statistics: s, isUnknown: isUnknown,
                belowMinSize: s.count < spec.minGroupSize, isReference: isReference,
                metrics: metrics, disparities: disparities, impactRatio: impactRatio, adverseImpact: adverse
            )
        }

        /// One `GroupFrame` per rate the audit has (`GroupMetric.rates`): the groups' values, the
        /// population's, and what each is estimated from (``estimate(_:_:)``).
        func rateFrames(grouping: Grouping, statistics: [GroupStatistics]) -> [GroupMetric: GroupFrame] {
            var frames: [GroupMetric: GroupFrame] = [:]
            for rate in GroupMetric.rates where rate.isAvailable(hasLabel: hasLabel, hasDecision: hasDecision, hasScore: hasScore) {
                frames[rate] = GroupFrame(labels: grouping.groups, values: statistics.map { $0.metric(rate, population: population) },
                                          sizes: statistics.map(\.count), isMissing: grouping.isUnknown,
                                          overall: population.metric(rate, population: population), eligibility: spec.ratioEligibility,
                                          estimates: statistics.map { estimate(rate, $0) })
            }
            return frames
        }

        /// What a group's rate is estimated from, for the intervals of its comparisons: a
        /// proportion on its effective counts (Kish when weighted); an unweighted mean score with
        /// its variance s²/n (at least 2 scored rows); `ppr` and `share` are shares of one whole,
        /// not independent proportions: none.
        func estimate(_ rate: GroupMetric, _ g: GroupStatistics) -> GroupEstimate {
            if rate == .scoreMean {
                guard g.scoredRows >= 2, g.scoreWeight == Double(g.scoredRows) else { return .unavailable }
                let n = Double(g.scoredRows), mean = g.scoreSum / n
                return .mean(mean, varianceOfMean: max(0, (g.scoreSquareSum - n * mean * mean) / (n - 1)) / n)
            }
            guard rate != .ppr, rate != .share, let (x, n) = g.effectiveCounts(rate, population: population) else { return .unavailable }
            return .proportion(successes: x, trials: n)
        }

        /// The favourable-outcome rates of `grouping`'s groups as a `GroupFrame` under the
        /// audit's ratio eligibility (minimum size, missing group, mandated priorities).
        /// The mandated priorities (`nil`: none) only matter for comparators; the eligible set,
        /// the reference and the aggregates do not depend on them.
        func impactFrame(grouping: Grouping, statistics: [GroupStatistics], priorities: [Set<String>]?) -> GroupFrame {
            var eligibility = spec.ratioEligibility
            eligibility.fixed = fixedEligible
            return GroupFrame(labels: grouping.groups, values: statistics.map { $0.favourableRate(decisionIsFavourable: favourable) },
                              sizes: statistics.map(\.count), isMissing: grouping.isUnknown, priorities: priorities,
                              overall: population.favourableRate(decisionIsFavourable: favourable), eligibility: eligibility)
        }

        /// The four-fifths impact ratios: each group's favourable-outcome rate over its most
        /// favoured comparable group's (`GroupFrame.mostFavouredRatios`).
        func impactRatios(_ frame: GroupFrame) -> [MetricValue?] {
            guard hasDecision else { return frame.labels.map { _ in nil } }
            return frame.mostFavouredRatios(noComparator: "no group with a defined favourable-outcome rate",
                                            zeroComparator: "no group has a favourable outcome (highest rate is 0)")
        }

        /// Katz intervals of the impact ratios: each group's favourable-outcome rate against its
        /// most favoured comparable group's, taken as a fixed comparison group (its choice from
        /// the data is not accounted for; the bootstrap interval is). None for that group itself.
        func impactRatioIntervals(_ frame: GroupFrame, statistics: [GroupStatistics]) -> [MetricInterval?] {
            guard hasDecision else { return statistics.map { _ in nil } }
            return statistics.indices.map { c in
                guard let top = frame.mostFavoured(for: c), c != top,
                      let (xTop, nTop) = favourableCounts(statistics[top]), let (x, n) = favourableCounts(statistics[c]) else { return nil }
                return MetricInterval(RatioInterval.katzOrAdjusted(successes1: x, trials1: n, successes2: xTop, trials2: nTop, level: inference.level), .katz)
            }
        }

        /// Effective counts of the favourable outcome (Kish when weighted).
        func favourableCounts(_ s: GroupStatistics) -> (Double, Double)? {
            guard let (x, n) = s.effectiveCounts(.selectionRate, population: population) else { return nil }
            return favourable ? (x, n) : (n - x, n)
        }

        /// The reference `rule` designates among `grouping`'s groups (``GroupFrame/reference(_:attribute:fallbackWhenNamedIsAbsent:)``
        /// on the audit's frame): a named group absent from an intersection falls back to the
        /// largest with a warning; `best` needs a decision column.
        func resolve(_ rule: ReferenceRule, grouping: Grouping, frame: GroupFrame, warnings: inout [DataWarning]) throws(SpecError) -> ResolvedReference {
            if rule == .best, !hasDecision {
                throw SpecError(key: "reference", problem: .sentence(.referenceBestDecision, arguments: [:]))
            }
            let resolved = try frame.reference(rule, attribute: grouping.name, fallbackWhenNamedIsAbsent: grouping.isIntersection)
            if case .named(let name) = rule, resolved.note != nil { warnings.append(.referenceFallback(attribute: grouping.name, reference: name)) }
            return resolved
        }

        /// AIF360's smoothed empirical differential fairness (Foulds et al. 2020) of the
        /// decision (the label when there is no decision) over every non-empty group:
        /// p_s = (positives_s + α)/(n_s + 2α) with α = 1/2 (Dirichlet concentration 1, two
        /// classes), ε = max over pairs of max(|ln p_s − ln p_t|, |ln(1−p_s) − ln(1−p_t)|).
        /// Weighted sums when weighted. `smoothed_empirical_differential_fairness(concentration=1.0)`.
        func smoothedEDF(_ groups: [GroupStatistics]) -> MetricValue {
            let present = groups.filter { $0.count > 0 }
            guard present.count >= 2 else { return .undefined(reason: "fewer than two non-empty groups") }
            let p = present.map { s -> Double in
                let positives = hasDecision ? s.tp + s.fp : s.tp + s.fn
                return (positives + 0.5) / (s.totalWeight + 1)
            }
            let logs = p.map { Foundation.log($0) }, logComplements = p.map { Foundation.log(1 - $0) }
            return .defined(max(logs.max()! - logs.min()!, logComplements.max()! - logComplements.min()!))
        }

        /// Fairlearn's aggregates and AIF360's smoothed EDF of one attribute, as pure functions
        /// of its groups' statistics (also evaluated on bootstrap replicates). The aggregates run
        /// over the frame's eligible groups (``GroupFrame/eligibleGroups(requireDefinedValue:)``:
        /// known groups of at least the minimum size, all known non-empty groups if none is that
        /// large); with `min_group_size: 1` and no missing protected values, Fairlearn's set.
        func aggregates(_ groups: [GroupStatistics], frame: GroupFrame, overall: GroupStatistics) -> [MetricEntry] {
            let present = frame.eligibleGroups(requireDefinedValue: false).map { groups[$0] }
            let rows = present.reduce(0) { $0 + $1.count }
            func parity(_ metric: GroupMetric) -> [MetricValue] {
                let v = present.compactMap { $0.metric(metric, population: population).value }
                let all = overall.metric(metric, population: population)
                return [
                    FairlearnAggregates.differenceBetweenGroups(v),
                    FairlearnAggregates.ratioBetweenGroups(v),
                    FairlearnAggregates.differenceToOverall(v, overall: all),
                    FairlearnAggregates.ratioToOverall(v, overall: all),
                ]
            }
            var out: [MetricEntry] = []
            if hasDecision {
                let dp = parity(.selectionRate)
                out.append(MetricEntry(.demographicParityDifference, dp[0], n: rows))
                out.append(MetricEntry(.demographicParityRatio, dp[1], n: rows))
                out.append(MetricEntry(.demographicParityDifferenceToOverall, dp[2], n: rows))
                out.append(MetricEntry(.demographicParityRatioToOverall, dp[3], n: rows))
            }
            out.append(MetricEntry(.smoothedEDF, smoothedEDF(groups), n: groups.reduce(0) { $0 + $1.count }))
            if hasDecision && hasLabel {
                let tpr = parity(.tpr), fpr = parity(.fpr)
                out.append(MetricEntry(.equalizedOddsDifference, FairlearnAggregates.worst(tpr[0], fpr[0], larger: true), n: rows))
                out.append(MetricEntry(.equalizedOddsRatio, FairlearnAggregates.worst(tpr[1], fpr[1], larger: false), n: rows))
                out.append(MetricEntry(.equalizedOddsDifferenceToOverall, FairlearnAggregates.worst(tpr[2], fpr[2], larger: true), n: rows))
                out.append(MetricEntry(.equalizedOddsRatioToOverall, FairlearnAggregates.worst(tpr[3], fpr[3], larger: false), n: rows))
            }
            return out
        }
    }
}
