import AuditAssessment
import AuditData

extension ReportBuilder {
    /// The system card: every field, declared or missing.
    func systemCard() -> ReportSection {
        var s = ReportSection(id: "system", title: [.text(t("section.system"))])
        s.blocks.append(.paragraph([.text(t(result.spec.system == nil ? "card.none" : "card.intro"))]))
        var rows: [[[ReportInline]]] = []
        for field in SystemCard.Field.allCases {
            let value: [ReportInline] = card[field].map { [.text($0)] } ?? [.strong([.text(t("word.missing"))])]
            rows.append([[.text(t("field.\(field.rawValue)"))], value])
        }
        s.blocks.append(.table(ReportTable(
            caption: [.text(t("card.caption"))], header: [[.text(t("card.field"))], [.text(t("card.value"))]],
            numeric: [false, false], rows: rows
        )))
        return s
    }

    /// The convention's four objectives and eight concerns, with status and evidence.
    func convention() -> ReportSection {
        let a = ConventionAssessment(result, suppressionThreshold: suppressionThreshold)
        var s = ReportSection(id: "convention", title: [.text(t("section.convention"))])
        s.blocks.append(.paragraph([.text(t("convention.intro"))]))
        s.blocks.append(.paragraph([.text(t("convention.sources"))]))
        s.blocks.append(.table(ReportTable(
            caption: [.text(t("convention.objectives"))],
            header: [[.text(t("convention.objective"))], [.text(t("col.status"))], [.text(t("col.evidence"))]],
            numeric: [false, false, false],
            rows: a.objectives.map { o in
                [[.strong([.text(t("objective.\(o.objective.rawValue)"))]), .text(" — " + t("objective.\(o.objective.rawValue).what"))],
                 status(o.assessment.status), evidenceCell(o.assessment.evidence)]
            }
        )))
        s.blocks.append(.table(ReportTable(
            caption: [.text(t("convention.concerns"))],
            header: [[.text(t("convention.concern"))], [.text(t("col.status"))], [.text(t("col.evidence"))]],
            numeric: [false, false, false],
            rows: a.concerns.map { c in
                [[.strong([.text(t("concern.\(c.concern.rawValue)"))]), .text(" — " + t("concern.\(c.concern.rawValue).what"))],
                 status(c.assessment.status), evidenceCell(c.assessment.evidence)]
            }
        )))
        s.blocks.append(.heading(3, [.text(t("convention.rules_title"))], id: nil))
        s.blocks.append(.list(["rule.status", "rule.parametrage", "rule.fiabilite", "rule.securisation", "rule.declared", "rule.place_humain", "rule.formation", "rule.objectives"].map { [.text(t($0))] }))
        return s
    }
}
