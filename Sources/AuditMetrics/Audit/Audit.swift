import AuditData

/// Runs an audit: one pass to sufficient statistics, then every metric as a pure function of them.
public enum Audit {
    /// Audits `store` under `spec` using `threads` threads for the statistics pass.
    /// The result does not depend on `threads`.
    public static func run(store: ColumnStore, spec: AuditSpec, threads: Int = 1) throws(SpecError) -> AuditResult {
        let groupings = Grouping.all(for: store, order: spec.intersections)
        let statistics = AuditStatistics(store: store, groupings: groupings, threads: threads)
        return try result(
            statistics: statistics,
            spec: spec,
            hasLabel: store.label != nil,
            hasDecision: store.decision != nil,
            weighted: store.weight != nil,
            warnings: store.warnings,
            source: store.source
        )
    }

    /// Derives the central table from (possibly merged) sufficient statistics.
    public static func result(statistics: AuditStatistics, spec: AuditSpec, hasLabel: Bool, hasDecision: Bool, weighted: Bool, warnings: [String] = [], source: DataSource? = nil) throws(SpecError) -> AuditResult {
        var warnings = warnings
        let context = Context(spec: spec, population: statistics.overall, hasLabel: hasLabel, hasDecision: hasDecision)
        let overall = context.groupResult(label: "all", statistics: statistics.overall, isUnknown: false, reference: nil, impactRatio: nil)
        var attributes: [AttributeResult] = []
        for (g, grouping) in statistics.groupings.enumerated() {
            let stats = statistics.groups[g]
            let componentNames = grouping.name.split(separator: "*").map(String.init)
            let rule = referenceRule(for: grouping, componentNames: componentNames, spec: spec)
            let reference = try context.resolve(rule, grouping: grouping, statistics: stats, warnings: &warnings)
            let referenceStats = reference.group.map { stats[$0] } ?? statistics.overall
            let impactRatios = context.impactRatios(grouping: grouping, statistics: stats)
            var groups: [GroupResult] = []
            for (c, label) in grouping.groups.enumerated() {
                var result = context.groupResult(
                    label: label, statistics: stats[c], isUnknown: grouping.isUnknown[c],
                    reference: referenceStats, impactRatio: impactRatios[c]
                )
                if reference.group == c {
                    result = GroupResult(label: result.label, statistics: result.statistics, isUnknown: result.isUnknown, belowMinSize: result.belowMinSize, isReference: true, metrics: result.metrics, disparities: result.disparities, impactRatio: result.impactRatio, adverseImpact: result.adverseImpact)
                }
                groups.append(result)
            }
            attributes.append(AttributeResult(
                name: grouping.name,
                components: componentNames,
                reference: reference,
                groups: groups,
                aggregates: context.aggregates(groups: groups, overall: overall),
                cutPoints: grouping.cutPoints,
                binning: grouping.binning
            ))
        }
        return AuditResult(rowCount: statistics.overall.count, weighted: weighted, hasLabel: hasLabel, hasDecision: hasDecision, spec: spec, overall: overall, attributes: attributes, warnings: warnings, source: source)
    }

    /// The declared rule of a plain attribute; for an intersection, the combination of its
    /// components' named references when all name one, else their common rule, else the default.
    static func referenceRule(for grouping: Grouping, componentNames: [String], spec: AuditSpec) -> ReferenceRule {
        let rules = grouping.components.map { spec.protected[$0].reference ?? spec.defaultReference }
        if rules.count == 1 { return rules[0] }
        var names: [String] = []
        for rule in rules {
            if case .named(let name) = rule { names.append(name) }
        }
        if names.count == rules.count { return .named(names.joined(separator: "*")) }
        if Set(rules).count == 1 { return rules[0] }
        return spec.defaultReference
    }

    /// What every group computation needs to know.
    struct Context {
        let spec: AuditSpec
        let population: GroupStatistics
        let hasLabel: Bool
        let hasDecision: Bool

        var favourable: Bool { spec.decisionIs == .favourable }
        var hasScore: Bool { spec.score != nil }

        func groupResult(label: String, statistics s: GroupStatistics, isUnknown: Bool, reference: GroupStatistics?, impactRatio: MetricValue?) -> GroupResult {
            let metrics = GroupMetric.allCases
                .filter { $0.isAvailable(hasLabel: hasLabel, hasDecision: hasDecision, hasScore: hasScore) }
                .map { MetricEntry($0.rawValue, s.metric($0, population: population), n: s.denominatorRows($0)) }
            var disparities: [MetricEntry] = []
            if let reference {
                for rate in GroupMetric.rates where rate.isAvailable(hasLabel: hasLabel, hasDecision: hasDecision, hasScore: hasScore) {
                    let mine = s.metric(rate, population: population)
                    let theirs = reference.metric(rate, population: population)
                    let n = s.denominatorRows(rate)
                    disparities.append(MetricEntry("\(rate.rawValue)_difference", Disparity.difference(mine, theirs), n: n))
                    disparities.append(MetricEntry("\(rate.rawValue)_ratio", Disparity.ratio(mine, theirs), n: n))
                }
                if hasDecision {
                    let sr = s.metric(.selectionRate, population: population)
                    let srRef = reference.metric(.selectionRate, population: population)
                    disparities.append(MetricEntry("statistical_parity_difference", Disparity.difference(sr, srRef), n: s.count))
                    disparities.append(MetricEntry("disparate_impact", Disparity.ratio(sr, srRef), n: s.count))
                }
                if hasDecision && hasLabel {
                    let dFPR = Disparity.difference(s.metric(.fpr, population: population), reference.metric(.fpr, population: population))
                    let dTPR = Disparity.difference(s.metric(.tpr, population: population), reference.metric(.tpr, population: population))
                    disparities.append(MetricEntry("average_odds_difference", Disparity.mean(dFPR, dTPR), n: s.count))
                    disparities.append(MetricEntry("average_abs_odds_difference", Disparity.mean(dFPR, dTPR, absolute: true), n: s.count))
                    disparities.append(MetricEntry("equal_opportunity_difference", dTPR, n: s.denominatorRows(.tpr)))
                }
            }
            var adverse: Bool?
            if let ratio = impactRatio?.value { adverse = ratio < spec.impactRatioThreshold }
            return GroupResult(
                label: label, statistics: s, isUnknown: isUnknown,
                belowMinSize: s.count < spec.minGroupSize, isReference: false,
                metrics: metrics, disparities: disparities, impactRatio: impactRatio, adverseImpact: adverse
            )
        }

        /// A group may be the `largest` or `best` reference, or the maximum of the impact
        /// ratio, if it has rows, is not `unknown`, and reaches the minimum size; when no
        /// group does, any non-empty known group may.
        func eligible(_ grouping: Grouping, _ statistics: [GroupStatistics]) -> [Int] {
            let known = statistics.indices.filter { statistics[$0].count > 0 && !grouping.isUnknown[$0] }
            let large = known.filter { statistics[$0].count >= spec.minGroupSize }
            return large.isEmpty ? known : large
        }

        func impactRatios(grouping: Grouping, statistics: [GroupStatistics]) -> [MetricValue?] {
            guard hasDecision else { return statistics.map { _ in nil } }
            let rates = statistics.map { $0.favourableRate(decisionIsFavourable: favourable) }
            let highest = eligible(grouping, statistics).compactMap { rates[$0].value }.max()
            return rates.map { rate -> MetricValue in
                guard let highest else { return .undefined(reason: "no group with a defined favourable-outcome rate") }
                switch rate {
                case .undefined(let reason): return .undefined(reason: reason)
                case .defined(let r): return .ratio(r, highest, reason: "no group has a favourable outcome (highest rate is 0)")
                }
            }
        }

        func resolve(_ rule: ReferenceRule, grouping: Grouping, statistics: [GroupStatistics], warnings: inout [String]) throws(SpecError) -> ResolvedReference {
            switch rule {
            case .overall:
                return ResolvedReference(rule: rule, group: nil, label: "overall")
            case .named(let name):
                if let index = grouping.groups.firstIndex(of: name), statistics[index].count > 0 {
                    return ResolvedReference(rule: rule, group: index, label: name)
                }
                if grouping.isIntersection {
                    let fallback = try resolve(.largest, grouping: grouping, statistics: statistics, warnings: &warnings)
                    let note = "the named reference '\(name)' has no rows; the largest group is used instead"
                    warnings.append("\(grouping.name): \(note)")
                    return ResolvedReference(rule: rule, group: fallback.group, label: fallback.label, note: note)
                }
                let present = grouping.groups.indices.filter { statistics[$0].count > 0 }.map { grouping.groups[$0] }
                throw SpecError(key: "reference", message: "'\(name)' is not a group of '\(grouping.name)'; its groups are: \(present.joined(separator: ", "))")
            case .largest:
                let candidates = eligible(grouping, statistics)
                guard let best = candidates.max(by: { statistics[$0].count < statistics[$1].count || (statistics[$0].count == statistics[$1].count && $0 > $1) }) else {
                    return ResolvedReference(rule: rule, group: nil, label: "overall", note: "no known group has rows; the whole population is used")
                }
                return ResolvedReference(rule: rule, group: best, label: grouping.groups[best])
            case .best:
                guard hasDecision else {
                    throw SpecError(key: "reference", message: "'best' needs a decision column (it is the group with the highest favourable-outcome rate)")
                }
                let candidates = eligible(grouping, statistics).filter { statistics[$0].favourableRate(decisionIsFavourable: favourable).value != nil }
                guard let best = candidates.max(by: {
                    let a = statistics[$0].favourableRate(decisionIsFavourable: favourable).value!
                    let b = statistics[$1].favourableRate(decisionIsFavourable: favourable).value!
                    return a < b || (a == b && $0 > $1)
                }) else {
                    return ResolvedReference(rule: rule, group: nil, label: "overall", note: "no group has a defined rate; the whole population is used")
                }
                return ResolvedReference(rule: rule, group: best, label: grouping.groups[best])
            }
        }

        /// Fairlearn's aggregates over the groups that the impact ratio compares: known groups
        /// of at least the minimum size (all known non-empty groups if none is that large).
        /// With `min_group_size: 1` and no missing protected values this is exactly Fairlearn's set.
        func aggregates(groups: [GroupResult], overall: GroupResult) -> [MetricEntry] {
            let known = groups.filter { $0.statistics.count > 0 && !$0.isUnknown }
            let large = known.filter { !$0.belowMinSize }
            let present = large.isEmpty ? known : large
            let rows = present.reduce(0) { $0 + $1.statistics.count }
            func values(_ name: String) -> [Double] { present.compactMap { $0[name]?.value } }
            func parity(_ name: String) -> [MetricValue] {
                let v = values(name)
                let all = overall[name] ?? .undefined(reason: "not computed")
                return [
                    FairlearnAggregates.differenceBetweenGroups(v),
                    FairlearnAggregates.ratioBetweenGroups(v),
                    FairlearnAggregates.differenceToOverall(v, overall: all),
                    FairlearnAggregates.ratioToOverall(v, overall: all),
                ]
            }
            var out: [MetricEntry] = []
            if hasDecision {
                let dp = parity("selection_rate")
                out.append(MetricEntry("demographic_parity_difference", dp[0], n: rows))
                out.append(MetricEntry("demographic_parity_ratio", dp[1], n: rows))
                out.append(MetricEntry("demographic_parity_difference_to_overall", dp[2], n: rows))
                out.append(MetricEntry("demographic_parity_ratio_to_overall", dp[3], n: rows))
            }
            if hasDecision && hasLabel {
                let tpr = parity("tpr"), fpr = parity("fpr")
                out.append(MetricEntry("equalized_odds_difference", FairlearnAggregates.worst(tpr[0], fpr[0], larger: true), n: rows))
                out.append(MetricEntry("equalized_odds_ratio", FairlearnAggregates.worst(tpr[1], fpr[1], larger: false), n: rows))
                out.append(MetricEntry("equalized_odds_difference_to_overall", FairlearnAggregates.worst(tpr[2], fpr[2], larger: true), n: rows))
                out.append(MetricEntry("equalized_odds_ratio_to_overall", FairlearnAggregates.worst(tpr[3], fpr[3], larger: false), n: rows))
            }
            return out
        }
    }
}
