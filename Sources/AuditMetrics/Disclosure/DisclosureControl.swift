/// Disclosure control: withholds from an audit's result every value about a group of fewer
/// than k people, and every value from which such a value could be recovered.
///
/// A suppressed group keeps its label, `count` and `share` (counts are published, as in
/// NYC Local Law 144's summaries); all its other metrics, disparities, impact ratio and the
/// adverse-impact flag become `.suppressed(reason:)`. The cells are chosen by
/// `SuppressionPlan` (primary, then complementary suppression). Values computed from several
/// groups are withheld when they depend on a suppressed one:
/// - every disparity against a suppressed reference group;
/// - an impact ratio whose denominator (the most favoured comparable group) is suppressed —
///   any other is the quotient of two published rates and stays;
/// - an attribute's aggregates (Fairlearn's differences and ratios, AIF360's smoothed EDF)
///   when a suppressed group is among the groups they compare (known groups of at least
///   `min_group_size` rows, or all known groups when none is that large);
/// - findings whose group or reference is suppressed (and, with the reference `rest`, the
///   group is the complement of the rest), and an attribute's tests of independence;
/// - the allocation audit's group values and between/within decompositions likewise.
/// Rendering happens after this step, so every output (JSON, CSV, Markdown, HTML) is
/// controlled by construction.
public enum DisclosureControl {
    /// Metrics of a suppressed group that stay published: they are functions of counts.
    static let published: Set<MetricID> = [MetricID(.count), MetricID(.share)]

    /// The additive counts behind a group's published rates, for the attribute-disclosure
    /// check: a 0 in a published total's count (a rate of 0 % or 100 %) reveals its hidden
    /// members'. TN, FP, FN, TP with a label and a decision; the decision's or the label's two
    /// cells with one of them; none without either.
    static func profile(_ s: GroupStatistics, hasLabel: Bool, hasDecision: Bool) -> [Int] {
        let r = s.rows   // TN, FP, FN, TP
        switch (hasLabel, hasDecision) {
        case (true, true): return [r[0], r[1], r[2], r[3]]
        case (false, true): return [r[0], r[1]]
        case (true, false): return [r[0], r[2]]
        case (false, false): return []
        }
    }

    /// The audit's tables as disclosure control sees them (one per attribute and
    /// intersection, in the result's order), followed by `extra` tables published beside them
    /// (`holders.csv`'s holder × attribute tables).
    static func tables(of result: AuditResult) -> [SuppressionPlan.Table] {
        result.attributes.map {
            SuppressionPlan.Table(name: $0.name, components: $0.components, counts: $0.groups.map(\.statistics.count),
                                  profiles: $0.groups.map { profile($0.statistics, hasLabel: result.hasLabel, hasDecision: result.hasDecision) })
        }
    }

    /// The suppression plan of `result`'s tables and of `extra` tables published beside them.
    static func plan(for result: AuditResult, extra: [SuppressionPlan.Table] = [], minimumCellSize k: Int) -> SuppressionPlan {
        SuppressionPlan(tables: tables(of: result) + extra, overallCount: result.overall.statistics.count,
                        overallProfile: profile(result.overall.statistics, hasLabel: result.hasLabel, hasDecision: result.hasDecision), minimumCellSize: k)
    }

    /// `result` with the suppressed values withheld, and its `disclosure` summary set.
    /// `k = 0` returns the result unchanged but for the summary.
    public static func apply(to result: AuditResult, minimumCellSize k: Int) -> AuditResult {
        let plan = plan(for: result, minimumCellSize: k)
        var out = result
        var cells: [SuppressedCell] = []
        var aggregatesWithheld = 0
        let reason = { (kind: SuppressedCell.Kind) -> String in
            switch kind {
            case .primary: "suppressed: fewer than \(k) rows in the group (disclosure control)"
            case .complementary: "suppressed: complementary cell, so that a smaller suppressed group cannot be recovered from totals (disclosure control)"
            case .attributeDisclosure: "suppressed: a rate of 0 % or 100 % over this group would give away the same rate for its suppressed sub-groups (disclosure control, attribute disclosure)"
            }
        }
        if let kind = plan.suppressed[SuppressionPlan.Cell(table: -1, group: 0)] {
            cells.append(SuppressedCell(attribute: "overall", group: "all", count: result.overall.statistics.count, kind: kind))
            out.overall = suppress(result.overall, reason: reason(kind))
        }
        var hiddenLabels: [String: Set<String>] = [:]
        var attributesWithHidden = Set<String>()
        for (t, attribute) in result.attributes.enumerated() {
            var groups = attribute.groups
            var comparedHidden = false
            var hidden = Set<Int>()
            let known = attribute.groups.filter { !$0.isUnknown && $0.statistics.count > 0 }
            let anyLarge = known.contains { !$0.belowMinSize }
            for (g, group) in attribute.groups.enumerated() {
                guard let kind = plan.suppressed[SuppressionPlan.Cell(table: t, group: g)] else { continue }
                cells.append(SuppressedCell(attribute: attribute.name, group: group.label, count: group.statistics.count, kind: kind))
                hiddenLabels[attribute.name, default: []].insert(group.label)
                attributesWithHidden.insert(attribute.name)
                groups[g] = suppress(group, reason: reason(kind))
                hidden.insert(g)
                if !group.isUnknown && (!group.belowMinSize || !anyLarge) { comparedHidden = true }
            }
            // Each group's differences and ratios are withheld when the group it is compared with
            // (the attribute's reference, or its priority stratum's) is suppressed: they would
            // give that group's rates away. Found by index, never by label.
            for (g, group) in groups.enumerated() where !hidden.contains(g) {
                guard let r = group.stratumReference ?? attribute.reference.group, hidden.contains(r) else { continue }
                groups[g].disparities = group.disparities.map { withhold($0, "suppressed: the reference group is suppressed (disclosure control)", size: group.statistics.count) }
            }
            // An impact ratio is withheld only when its denominator — the most favoured comparable
            // group's rate — is suppressed: rate_g / ratio_g would give it away. Otherwise it is the
            // quotient of two published rates and reveals nothing more (a suppressed comparable
            // group is then only known not to exceed the published highest rate). Its bootstrap
            // interval, which resamples every group, is withheld whenever a compared group is hidden.
            for (g, group) in groups.enumerated() where !hidden.contains(g) {
                if let top = group.impactComparator, hidden.contains(top) {
                    groups[g].impactRatio = group.impactRatio.map { _ in .suppressed(reason: "suppressed: the most favoured group it is compared with is suppressed (disclosure control)") }
                    groups[g].adverseImpact = nil
                    groups[g].impactRatioInterval = nil
                }
                if comparedHidden { groups[g].impactRatioBootstrapInterval = nil }
            }
            var aggregates = attribute.aggregates
            if comparedHidden {
                let why = "suppressed: depends on a suppressed group's value (disclosure control)"
                aggregatesWithheld += aggregates.filter { $0.value.value != nil }.count
                let total = attribute.groups.reduce(0) { $0 + $1.statistics.count }
                aggregates = aggregates.map { withholdDefined($0, why, size: total) }
            }
            out.attributes[t] = AttributeResult(name: attribute.name, components: attribute.components, reference: attribute.reference, groups: groups,
                                                aggregates: aggregates, cutPoints: attribute.cutPoints, binning: attribute.binning)
        }
        let findings = result.findings.filter { f in
            guard let hidden = hiddenLabels[f.attribute] else { return true }
            return !hidden.contains(f.group) && !hidden.contains(f.reference)
        }
        let tests = result.independenceTests.filter { !attributesWithHidden.contains($0.attribute) }
        aggregatesWithheld += result.independenceTests.count - tests.count
        out.findings = findings
        out.independenceTests = tests
        if var allocation = result.allocation {
            let why = "suppressed: depends on a suppressed group's value (disclosure control)"
            if plan.suppressed[SuppressionPlan.Cell(table: -1, group: 0)] != nil {
                allocation = AllocationResult(quantity: allocation.quantity, overall: suppress(allocation.overall, reason: reason(.primary)), attributes: allocation.attributes,
                                              lorenz: [], concentration: nil, missing: allocation.missing)
            }
            allocation = AllocationResult(
                quantity: allocation.quantity, overall: allocation.overall,
                attributes: allocation.attributes.map { a in
                    guard let hidden = hiddenLabels[a.name] else { return a }
                    let referenceHidden = a.reference.map { hidden.contains($0) } ?? false
                    aggregatesWithheld += a.decompositions.filter { $0.value.value != nil }.count
                    return AllocationAttributeResult(
                        name: a.name, reference: a.reference,
                        groups: a.groups.map { g in
                            if hidden.contains(g.label) {
                                let kind = cells.first { $0.attribute == a.name && $0.group == g.label }?.kind ?? .primary
                                return suppress(g, reason: reason(kind))
                            }
                            guard referenceHidden else { return g }
                            return AllocationGroupResult(label: g.label, households: g.households, isReference: g.isReference, belowMinSize: g.belowMinSize,
                                                         metrics: g.metrics, disparities: g.disparities.map { withhold($0, "suppressed: the reference group is suppressed (disclosure control)", size: g.households) })
                        },
                        decompositions: a.decompositions.map { withholdDefined($0, why, size: a.groups.reduce(0) { $0 + $1.households }) })
                },
                lorenz: allocation.lorenz, concentration: allocation.concentration, missing: allocation.missing)
            out.allocation = allocation
        }
        // Verdicts on the true values that the published figures no longer show.
        var withheldAdverse: [WithheldVerdict] = []
        for (t, attribute) in result.attributes.enumerated() {
            for (g, group) in attribute.groups.enumerated() where group.adverseImpact == true && out.attributes[t].groups[g].adverseImpact == nil {
                withheldAdverse.append(WithheldVerdict(attribute: attribute.name, group: group.label, metric: .impactRatio,
                                                       groupSuppressed: plan.isSuppressed(table: t, group: g), belowMinSize: group.belowMinSize,
                                                       isUnknown: group.isUnknown, isIntersection: attribute.isIntersection))
            }
        }
        let publishedFindings = Set(findings.map { "\($0.attribute)\u{1F}\($0.group)\u{1F}\($0.reference)\u{1F}\($0.metric)\u{1F}\($0.kind)" })
        let withheldDisparities = result.findings
            .filter { $0.verdict == .disparity && !publishedFindings.contains("\($0.attribute)\u{1F}\($0.group)\u{1F}\($0.reference)\u{1F}\($0.metric)\u{1F}\($0.kind)") }
            .map { f in
                let a = result[f.attribute]
                let g = a?[f.group]
                return WithheldVerdict(attribute: f.attribute, group: f.group, metric: f.metric, groupSuppressed: hiddenLabels[f.attribute]?.contains(f.group) ?? false,
                                       belowMinSize: g?.belowMinSize ?? false, isUnknown: g?.isUnknown ?? false, isIntersection: a?.isIntersection ?? false)
            }
        // The rates' family only: the allocation's comparisons are adjusted apart (`AllocationFindings`).
        let tested = Set(result.findings.filter { $0.pValue != nil && !$0.isAllocation }.map { "\($0.attribute)|\($0.group)|\($0.metric)" }).count
        out.disclosure = DisclosureSummary(minimumCellSize: k, cells: cells,
                                           suppressedFindings: result.findings.count - findings.count, suppressedAggregates: aggregatesWithheld,
                                           adjustedTests: tested + result.independenceTests.count,
                                           withheldAdverseImpacts: withheldAdverse, withheldDisparities: withheldDisparities)
        out.disclosure?.testedComparisons = tested
        return out
    }

    /// The entry with its value withheld (no interval), unless it is a published count.
    ///
    /// Its `n` becomes `size` — the rows of the group it describes (for an attribute-level
    /// value, the attribute's total), which are published anyway — never the rate's own
    /// denominator: a withheld `tpr` with `n` = the group's label positives, or a `ppv` with
    /// `n` = its selections, would publish the very sub-counts suppression hides.
    static func withhold(_ entry: MetricEntry, _ reason: String, size: Int) -> MetricEntry {
        if published.contains(entry.id) { return entry }
        return MetricEntry(entry.id, .suppressed(reason: reason), n: size)
    }

    /// For attribute-level values: a defined value is withheld (`n` = `size`, the attribute's
    /// total); an undefined one stays undefined (its reason is about the whole attribute,
    /// e.g. the overall index undefined).
    static func withholdDefined(_ entry: MetricEntry, _ reason: String, size: Int) -> MetricEntry {
        entry.value.value == nil ? entry : withhold(entry, reason, size: size)
    }

    static func suppress(_ g: GroupResult, reason: String) -> GroupResult {
        var r = g
        r.metrics = g.metrics.map { withhold($0, reason, size: g.statistics.count) }
        r.disparities = g.disparities.map { withhold($0, reason, size: g.statistics.count) }
        r.impactRatio = g.impactRatio.map { _ in .suppressed(reason: reason) }
        r.adverseImpact = nil
        r.impactRatioInterval = nil
        r.impactRatioBootstrapInterval = nil
        return r
    }

    static func suppress(_ g: AllocationGroupResult, reason: String) -> AllocationGroupResult {
        AllocationGroupResult(label: g.label, households: g.households, isReference: g.isReference, belowMinSize: g.belowMinSize,
                              metrics: g.metrics.map { withhold($0, reason, size: g.households) }, disparities: g.disparities.map { withhold($0, reason, size: g.households) })
    }
}

