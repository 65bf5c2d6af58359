import AuditAssessment
import AuditData
import AuditMetrics

extension ReportBuilder {
    /// The legal checklist, the four-fifths rule and the impact-ratio tables of NYC LL144.
    func legal() -> ReportSection {
        var s = ReportSection(id: "legal", title: [.text(t(.sectionLegal))])
        s.blocks.append(.paragraph([.text(t(.legalIntro))]))
        s.blocks.append(.paragraph(t.runs(.legalAiActStatus, ["status": declaredOrMissing(.aiActStatus)])))
        let items = LegalChecklist.items(result, card: card, grid: model?.file, facts: facts)
        // French administrative law (CRPA) for a French public body's system only.
        let groups: [(MessageKey, String)] = (card.isFrenchPublicBody ? [(.legalGroupCrpa, "crpa_")] : []) + [(.legalGroupAiAct, "ai_act_"), (.legalGroupFourFifths, "four_fifths")]
        for (group, prefix) in groups {
            let rows = items.filter { $0.id.hasPrefix(prefix) }.map { item -> [[ReportInline]] in
                [[.strong([.text(t(named: "legal.\(item.id).name"))])], [.text(t(named: "legal.\(item.id)"))],
                 evidenceCell(item.assessment.evidence), status(item.assessment.status)]
            }
            s.blocks.append(.table(ReportTable(
                caption: [.text(t(group))],
                header: [[.text(t(.legalColItem))], [.text(t(.legalColRequires))], [.text(t(.colEvidence))], [.text(t(.colStatus))]],
                numeric: [false, false, false, false], rows: rows
            )))
        }
        let tables = ImpactRatioTable.tables(result)
        s.blocks.append(.heading(3, [.text(t(.ll144Title))], id: "impact-ratios"))
        if tables.isEmpty {
            s.blocks.append(.paragraph([.text(t(.ll144NoDecision))]))
            return s
        }
        s.blocks.append(.paragraph(t.runs(.ll144Intro, [
            "decision": .label(result.data.decision?.column ?? ""),
            "threshold": .text(t.fixed(result.analysis.impactRatioThreshold, 2)),
            "small": .text(t.percent(ImpactRatioTable.smallShare, 0)),
        ])))
        for (i, table) in tables.enumerated() {
            let rows = table.rows.map { r -> [[ReportInline]] in
                let rate: [ReportInline] = r.rate.map { [.text(t.percent($0))] } ?? [.text(t(r.exclusion == "suppressed" ? .wordSuppressed : .wordUndefined))]
                var ratio: [ReportInline]
                if let ir = r.impactRatio {
                    ratio = [.text(t.numbers.ratio(ir, against: result.analysis.impactRatioThreshold))]
                    if ir < result.analysis.impactRatioThreshold { ratio += [.text(" "), .strong([.text("⚠")])] }
                    if let note = r.note { ratio += [.text(" (" + t(named: "ll144.excluded.\(note)") + ")")] }
                } else {
                    ratio = [.text(t(named: "ll144.excluded.\(r.exclusion ?? "undefined")"))]
                }
                return [[.label(r.category)], [.text(t.count(r.count))], [.text(t.percent(r.share))], rate, ratio]
            }
            s.blocks.append(.table(ReportTable(
                caption: t.runs(.ll144Caption, ["attribute": .label(table.attribute)]),
                header: [[.text(t(.colCategory))], [.text(t(.colCount))], [.text(t(.colShare))], [.text(t(result.analysis.decisionIs == .favourable ? .colSelectionRate : .colFavourableRate))], [.text(t(.colImpactRatio))]],
                numeric: [false, true, true, true, true], rows: rows, figure: "impact-ratios-\(i + 1)",
                chart: impactRatiosChart(table, index: i + 1)
            )))
        }
        return s
    }
}
