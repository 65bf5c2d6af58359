import AuditData
import AuditMetrics

extension HumanStage {
    /// The override rates through the audit's own machinery.
    struct Overrides {
        /// The audit's central table with the grid's selection as the "label" and the actual
        /// selection as the "decision": group g's cells are (neither, overrides in, overrides
        /// out, both), its `fpr` the override-in rate and its `fnr` the override-out rate.
        let table: AuditResult
        /// Findings on `override_in_rate` / `override_out_rate`, every group against its
        /// reference, p-values adjusted together.
        let findings: [Finding]
        let tests: [IndependenceTest]
        /// Size of the adjusted family.
        let adjustedTests: Int
    }


    /// One pass over the applicants (`AuditStatistics`, thread-independent) to the 4-cell
    /// table of every group, then the central table and the findings of the two override rates.
    /// Rows whose protected value is missing are left out of their attribute's groups, as in
    /// the model audit; each attribute's reference is the audit's.
    static func overrideFindings(_ input: Input, actual: [UInt8]) throws -> Overrides {
        let store = input.store
        let staged = ColumnStore(rowCount: store.rowCount, attributes: store.attributes, label: input.selected.map { $0 ? 1 : 0 },
                                 decision: actual, score: nil, weight: nil, source: store.source)
        let groupings = store.attributes.indices.map { Grouping(attribute: $0, of: store) }
        var statistics = AuditStatistics(store: staged, groupings: groupings, threads: input.threads)
        for (g, grouping) in groupings.enumerated() {
            for c in grouping.groups.indices where grouping.isUnknown[c] { statistics.setGroup(g, c, .zero) }
        }
        var data = input.audit.data
        // The audit's reference group (the rest of the population when it is the whole
        // population, or the missing-value group, left out here).
        for (i, p) in data.protected.enumerated() {
            let group = input.audit[p.column].flatMap { a in a.reference.group.map { a.groups[$0] } }
            data.protected[i].reference = group.flatMap { $0.isUnknown ? nil : ReferenceRule.named($0.label) } ?? .overall
        }
        var analysis = input.audit.analysis
        analysis.intersections = 1
        let table = try Audit.result(statistics: statistics, data: data, analysis: analysis, hasLabel: true, hasDecision: true, weighted: false)
        let built = FindingsBuilder.build(table, compared: [.fpr, .fnr],
                                          denominators: [.fpr: .applicantsNotSelectedByGrid, .fnr: .applicantsSelectedByGrid])
        let findings = built.findings.map { renamed($0, overrideID($0.metric)) }
        let tests = built.tests.map {
            IndependenceTest(attribute: $0.attribute, metric: overrideID($0.metric), statistic: $0.statistic,
                             degreesOfFreedom: $0.degreesOfFreedom, pValue: $0.pValue, pAdjusted: $0.pAdjusted, groups: $0.groups,
                             pValueIsUpperBound: $0.pValueIsUpperBound)
        }
        let family = built.findings.filter { $0.kind == .difference && $0.pValue != nil }.count + built.tests.count
        return Overrides(table: table, findings: findings, tests: tests, adjustedTests: family)
    }

    /// The finding under the human stage's name of its rate.
    /// The human stage's name of the audit's rate `metric` (`fpr` → `override_in_rate`).
    static func overrideID(_ metric: MetricID) -> MetricID {
        MetricID.overrideRates.first { MetricID($0.rate) == metric }?.id ?? metric
    }

    static func renamed(_ f: Finding, _ metric: MetricID) -> Finding {
        var out = Finding(attribute: f.attribute, group: f.group, reference: f.reference, metric: metric, kind: f.kind, value: f.value,
                          interval: f.interval, test: f.test, pValue: f.pValue, pAdjusted: f.pAdjusted, verdict: f.verdict, reason: f.reason,
                          minimumDetectableDecrease: f.minimumDetectableDecrease, minimumDetectableIncrease: f.minimumDetectableIncrease,
                          groupRows: f.groupRows, referenceRows: f.referenceRows, isIntersection: f.isIntersection)
        out.verdictDetectableGap = f.verdictDetectableGap
        return out
    }
}
