import AuditAssessment
import AuditData

extension ReportBuilder {
    /// The system card: every field, declared or missing.
    func systemCard() -> ReportSection {
        var s = ReportSection(id: "system", title: [.text(t(.sectionSystem))])
        s.blocks.append(.paragraph([.text(t(result.spec.system == nil ? .cardNone : .cardIntro))]))
        var rows: [[[ReportInline]]] = []
        for field in SystemCard.Field.allCases {
            let value: [ReportInline] = card[field].map { [.text($0)] } ?? [.strong([.text(t(.wordMissing))])]
            rows.append([[.text(t(named: "field.\(field.rawValue)"))], value])
        }
        s.blocks.append(.table(ReportTable(
            caption: [.text(t(.cardCaption))], header: [[.text(t(.cardField))], [.text(t(.cardValue))]],
            numeric: [false, false], rows: rows
        )))
        return s
    }

    /// The convention's four objectives and eight concerns, with status and evidence.
    func convention() -> ReportSection {
        let a = ConventionAssessment(result, suppressionThreshold: suppressionThreshold)
        var s = ReportSection(id: "convention", title: [.text(t(.sectionConvention))])
        s.blocks.append(.paragraph([.text(t(.conventionIntro))]))
        s.blocks.append(.paragraph([.text(t(.conventionSources))]))
        s.blocks.append(.table(ReportTable(
            caption: [.text(t(.conventionObjectives))],
            header: [[.text(t(.conventionObjective))], [.text(t(.colStatus))], [.text(t(.colEvidence))]],
            numeric: [false, false, false],
            rows: a.objectives.map { o in
                [[.strong([.text(t(named: "objective.\(o.objective.rawValue)"))]), .text(" — " + t(named: "objective.\(o.objective.rawValue).what"))],
                 status(o.assessment.status), evidenceCell(o.assessment.evidence)]
            }
        )))
        s.blocks.append(.table(ReportTable(
            caption: [.text(t(.conventionConcerns))],
            header: [[.text(t(.conventionConcern))], [.text(t(.colStatus))], [.text(t(.colEvidence))]],
            numeric: [false, false, false],
            rows: a.concerns.map { c in
                [[.strong([.text(t(named: "concern.\(c.concern.rawValue)"))]), .text(" — " + t(named: "concern.\(c.concern.rawValue).what"))],
                 status(c.assessment.status), evidenceCell(c.assessment.evidence)]
            }
        )))
        s.blocks.append(.heading(3, [.text(t(.conventionRulesTitle))], id: nil))
        s.blocks.append(.list([.ruleStatus, .ruleParametrage, .ruleFiabilite, .ruleSecurisation, .ruleDeclared, .rulePlaceHumain, .ruleFormation, .ruleObjectives].map { (key: MessageKey) in [.text(t(key))] }))
        return s
    }
}
