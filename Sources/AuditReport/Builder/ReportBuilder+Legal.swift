import AuditAssessment
import AuditData
import AuditMetrics

extension ReportBuilder {
    /// The legal checklist, the four-fifths rule and the impact-ratio tables of NYC LL144.
    func legal() -> ReportSection {
        var s = ReportSection(id: "legal", title: [.text(t("section.legal"))])
        s.blocks.append(.paragraph([.text(t("legal.intro"))]))
        s.blocks.append(.paragraph(t.runs("legal.ai_act_status", ["status": declaredOrMissing(.aiActStatus)])))
        let items = LegalChecklist.items(result)
        for (group, prefix) in [("legal.group.crpa", "crpa_"), ("legal.group.ai_act", "ai_act_"), ("legal.group.four_fifths", "four_fifths")] {
            let rows = items.filter { $0.id.hasPrefix(prefix) }.map { item -> [[ReportInline]] in
                [[.strong([.text(t("legal.\(item.id).name"))])], [.text(t("legal.\(item.id)"))],
                 evidenceCell(item.assessment.evidence), status(item.assessment.status)]
            }
            s.blocks.append(.table(ReportTable(
                caption: [.text(t(group))],
                header: [[.text(t("legal.col.item"))], [.text(t("legal.col.requires"))], [.text(t("col.evidence"))], [.text(t("col.status"))]],
                numeric: [false, false, false, false], rows: rows
            )))
        }
        let tables = ImpactRatioTable.tables(result)
        s.blocks.append(.heading(3, [.text(t("ll144.title"))], id: "impact-ratios"))
        if tables.isEmpty {
            s.blocks.append(.paragraph([.text(t("ll144.no_decision"))]))
            return s
        }
        s.blocks.append(.paragraph(t.runs("ll144.intro", [
            "decision": .label(result.spec.decision?.column ?? ""),
            "threshold": .text(t.fixed(result.spec.impactRatioThreshold, 2)),
            "small": .text(t.percent(ImpactRatioTable.smallShare, 0)),
        ])))
        for (i, table) in tables.enumerated() {
            let rows = table.rows.map { r -> [[ReportInline]] in
                let rate: [ReportInline] = r.rate.map { [.text(t.percent($0))] } ?? [.text(t(r.exclusion == "suppressed" ? "word.suppressed" : "word.undefined"))]
                var ratio: [ReportInline]
                if let ir = r.impactRatio {
                    ratio = [.text(t.fixed(ir, 2))]
                    if ir < result.spec.impactRatioThreshold { ratio += [.text(" "), .strong([.text("⚠")])] }
                } else {
                    ratio = [.text(t("ll144.excluded.\(r.exclusion ?? "undefined")"))]
                }
                return [[.label(r.category)], [.text(t.count(r.count))], [.text(t.percent(r.share))], rate, ratio]
            }
            s.blocks.append(.table(ReportTable(
                caption: t.runs("ll144.caption", ["attribute": .label(table.attribute)]),
                header: [[.text(t("col.category"))], [.text(t("col.count"))], [.text(t("col.share"))], [.text(t(result.spec.decisionIs == .favourable ? "col.selection_rate" : "col.favourable_rate"))], [.text(t("col.impact_ratio"))]],
                numeric: [false, true, true, true, true], rows: rows, figure: "impact-ratios-\(i + 1)",
                chart: impactRatiosChart(table, index: i + 1)
            )))
        }
        return s
    }
}
