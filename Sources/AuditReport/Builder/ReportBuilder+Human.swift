import AuditMetrics
import ModelAudit

extension ReportBuilder {
    /// The human decision after the grid: agreement, overrides by group (table and chart),
    /// where each gap arises, and the odds of selection at equal points. Renders
    /// `HumanStageResult`; computes nothing. Suppressed values show the word "suppressed".
    func humanSection(_ h: HumanStageResult, rule: String?) -> ReportSection {
        var s = ReportSection(id: "human", title: [.text(t(.sectionHuman))])
        func value(_ e: MetricEntry?) -> Double? { e?.value.value }
        let agreement = h.overall.first { $0.name == "grid_agreement" }
        let kappa = h.overall.first { $0.name == "cohen_kappa" }
        func number(_ x: Double?, _ digits: Int) -> ReportInline { .text(x.map { t.fixed($0, digits) } ?? t(.wordUndefined)) }
        func share(_ x: Double?) -> ReportInline { .text(x.map { t.percent($0) } ?? t(.wordUndefined)) }
        s.blocks.append(.paragraph(t.runs(.humanIntro, [
            "rule": .text(rule ?? t(.modelNoRule)), "decision": .label(h.decision), "rows": .text(t.count(h.rows)),
            "grid": .text(t.count(h.gridSelected)), "actual": .text(t.count(h.actualSelected)),
            "agreement": share(value(agreement)), "agreement_low": share(agreement?.interval?.low), "agreement_high": share(agreement?.interval?.high),
            "kappa": number(value(kappa), 2), "kappa_low": number(kappa?.interval?.low, 2), "kappa_high": number(kappa?.interval?.high, 2),
            "in": share(value(h.overall.first { $0.name == "override_in_rate" })),
            "out": share(value(h.overall.first { $0.name == "override_out_rate" })),
        ])))
        if !h.segments.isEmpty {
            let rows = h.segments.map { seg -> [[ReportInline]] in
                [[.label(seg.label)], [.text(t.count(seg.count))], rateCell(seg[.gridAgreement]), ratioCell(seg[.cohenKappa], digits: 2)]
            }
            s.blocks.append(.table(ReportTable(
                caption: t.runs(.humanSegmentsCaption, ["segment": .label(h.segmentBy.joined(separator: " × "))]),
                header: [[.text(t(.colSegment))], [.text(t(.colCount))], [.text(t(.colAgreement))], [.text(t(.colKappa))]],
                numeric: [false, true, true, true], rows: rows)))
        }
        for (index, a) in h.attributes.enumerated() {
            s.blocks.append(.heading(3, t.runs(.humanAttribute, ["attribute": .label(a.name)]), id: "human-\(index + 1)"))
            s.blocks += humanAttributeBlocks(a, h, index: index + 1)
        }
        if h.attributes.contains(where: { a in a.groups.contains { $0[.humanStageGap] != nil } }) {
            s.blocks.append(.note(t.runs(.humanStageNote, ["replicates": .text(t.count(h.bootstrapReplicates))])))
        }
        if h.attributes.contains(where: { a in a.groups.contains { $0[.mhOddsRatio] != nil } }) {
            s.blocks.append(.note(t.runs(.humanEqualNote, ["strata": .text(strataWords(h))])))
        }
        let inference = result.analysis.inference
        s.blocks.append(.note(t.runs(.humanFamilyNote, [
            "tolerance": .text(points(inference.differenceTolerance)), "tests": .text(t.count(h.adjustedTests)),
            "adjust": .text(t(named: "adjust.\(inference.adjust.rawValue)")), "strata": .text(strataWords(h)),
            "k": .text(t.count(result.analysis.minCellSize)),
        ])))
        return s
    }

    /// One attribute: the overrides table (with its chart), the stage split, at equal points.
    func humanAttributeBlocks(_ a: HumanStageAttribute, _ h: HumanStageResult, index: Int) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        let model = self.model?[a.name]
        let groups = a.groups.filter { $0.count > 0 }
        func verdict(_ g: ModelGroupResult, _ metric: MetricID) -> String {
            a.findings.first { $0.group == g.label && $0.metric == metric && $0.kind == .difference }.map { verdictWord($0.verdict) } ?? "—"
        }
        let rows = groups.map { g -> [[ReportInline]] in
            var label: [ReportInline] = [.label(g.label)]
            if g.isReference { label.append(.text(" " + t(.wordRef))) }
            let grid = model?.groups.first { $0.label == g.label }?[.gridSelectionRate]
            return [label, [.text(t.count(g.count))], rateCell(grid), rateCell(g[.actualSelectionRate], interval: false),
                    rateCell(g[.overrideInRate]), rateCell(g[.overrideOutRate]),
                    [.text(g.isReference || g.isSuppressed ? "—" : "\(verdict(g, .overrideInRate)) / \(verdict(g, .overrideOutRate))")]]
        }
        var table = ReportTable(
            caption: t.runs(.humanOverridesCaption, ["attribute": .label(a.name)]),
            header: [[.text(t(.colGroup))], [.text(t(.colCount))], [.text(t(.colGridSelection))], [.text(t(.colActualSelection))],
                     [.text(t(.colOverrideIn))], [.text(t(.colOverrideOut))], [.text(t(.colOverrideVerdict))]],
            numeric: [false, true, true, true, true, true, false], rows: rows, figure: "human-overrides-\(index)")
        table.chart = overridesChart(a, index: index)
        blocks.append(.table(table))

        guard let reference = a.reference else { return blocks }
        let compared = groups.filter { !$0.isReference && $0[.humanStageGap] != nil }
        if !compared.isEmpty {
            blocks.append(.heading(4, [.text(t(.humanStageTitle))], id: nil))
            let stageRows = compared.map { g -> [[ReportInline]] in
                [[.label(g.label)], gapCell(g[.actualGap], interval: false), gapCell(g[.gridStageGap]), gapCell(g[.humanStageGap])]
            }
            blocks.append(.table(ReportTable(
                caption: t.runs(.humanStageCaption, ["attribute": .label(a.name), "reference": .label(reference)]),
                header: [[.text(t(.colGroup))], [.text(t(.colActualGap))], [.text(t(.colGridStageGap))], [.text(t(.colHumanStageGap))]],
                numeric: [false, true, true, true], rows: stageRows)))
        }
        let equal = groups.filter { !$0.isReference && $0[.mhOddsRatio] != nil }
        if !equal.isEmpty {
            blocks.append(.heading(4, [.text(t(.humanEqualTitle))], id: nil))
            let equalRows = equal.map { g -> [[ReportInline]] in
                [[.label(g.label)], ratioCell(g[.mhOddsRatio], digits: 2), pCell(g[.cmhPValue]), pCell(g[.breslowDayPValue]),
                 [.text(g[.mhInformativeStrata]?.value.value.map { t.count(Int($0.rounded())) } ?? (g.isSuppressed ? t(.modelSuppressed) : "—"))]]
            }
            blocks.append(.table(ReportTable(
                caption: t.runs(.humanEqualCaption, ["attribute": .label(a.name), "reference": .label(reference)]),
                header: [[.text(t(.colGroup))], [.text(t(.colMHOddsRatio))], [.text(t(.colCMHp))], [.text(t(.colBreslowDayP))], [.text(t(.colStrata))]],
                numeric: [false, true, true, true, true], rows: equalRows)))
            // The sentence an auditor needs, for the group with the lowest odds ratio whose
            // interval excludes 1.
            let clear = equal.compactMap { g -> (group: ModelGroupResult, or: Double, ci: MetricInterval)? in
                guard let e = g[.mhOddsRatio], let or = e.value.value, let ci = e.interval, ci.high < 1 || ci.low > 1 else { return nil }
                return (g, or, ci)
            }
            if let (worst, or, ci) = clear.min(by: { $0.or < $1.or }) {
                blocks.append(.paragraph(t.runs(.humanEqualLine, [
                    "group": .label(worst.label), "reference": .label(reference), "or": .text(t.fixed(or, 2)),
                    "low": .text(t.fixed(ci.low, 2)), "high": .text(t.fixed(ci.high, 2)),
                    "p": .text(worst[.cmhPValue]?.value.value.map(pStatement) ?? t(.wordUndefined)),
                ])))
            }
        }
        if let chi2 = a.aggregates.first(where: { $0.name == "stratified_logrank_chi2" })?.value.value,
           let p = a.aggregates.first(where: { $0.name == "stratified_logrank_p_value" })?.value.value {
            blocks.append(.paragraph(t.runs(.humanLogrank, ["attribute": .label(a.name), "chi2": .text(t.fixed(chi2, 1)), "p": .text(pStatement(p))])))
        }
        return blocks
    }

    /// The override-out rate per group with its Wilson interval (figure `human-overrides-N`).
    func overridesChart(_ a: HumanStageAttribute, index: Int) -> ReportChart {
        groupRateChart(a.groups, metric: .overrideOutRate, id: "chart-human-overrides-\(index)",
                       title: t(.chartHumanOverridesTitle, ["attribute": a.name]),
                       description: { t(.chartHumanOverridesDesc, ["attribute": a.name, "reference": $0]) }, axisTitle: t(.chartHumanOverridesAxis))
    }

    /// A rate as a percentage, with its interval; the word for a suppressed or undefined value.
    func rateCell(_ e: MetricEntry?, interval: Bool = true) -> [ReportInline] {
        guard let e else { return [.text("—")] }
        if e.value.isSuppressed { return [.text(t(.modelSuppressed))] }
        guard let x = e.value.value else { return [.text(t(.wordUndefined))] }
        guard interval, let ci = e.interval else { return [.text(t.percent(x))] }
        return [.text(t.percent(x) + " (" + t.range(ci.low * 100, ci.high * 100, 1) + ")")]
    }

    /// A ratio (kappa, odds ratio) with its interval.
    func ratioCell(_ e: MetricEntry?, digits: Int) -> [ReportInline] {
        guard let e else { return [.text("—")] }
        if e.value.isSuppressed { return [.text(t(.modelSuppressed))] }
        guard let x = e.value.value else { return [.text(t(.wordUndefined))] }
        guard let ci = e.interval else { return [.text(t.fixed(x, digits))] }
        return [.text(t.fixed(x, digits) + " (" + t.range(ci.low, ci.high, digits) + ")")]
    }

    /// A gap in signed points of rate, with its bootstrap interval.
    func gapCell(_ e: MetricEntry?, interval: Bool = true) -> [ReportInline] {
        guard let e else { return [.text("—")] }
        if e.value.isSuppressed { return [.text(t(.modelSuppressed))] }
        guard let x = e.value.value else { return [.text(t(.wordUndefined))] }
        guard interval, let ci = e.bootstrapInterval ?? e.interval else { return [.text(t.signed(x * 100, 1))] }
        return [.text(t.signed(x * 100, 1) + " " + t.signedRange(ci.low * 100, ci.high * 100, 1))]
    }

    /// "p = 0.123" or "p < 0.001".
    func pStatement(_ p: Double) -> String {
        p < 0.001 ? "p < " + t.fixed(0.001, 3) : "p = " + t.fixed(p, 3)
    }

    /// A p-value cell.
    func pCell(_ e: MetricEntry?) -> [ReportInline] {
        guard let e else { return [.text("—")] }
        if e.value.isSuppressed { return [.text(t(.modelSuppressed))] }
        return [.text(e.value.value.map(pValue) ?? t(.wordUndefined))]
    }
}
