import AuditAssessment
import AuditData

extension ReportBuilder {
    /// The system card: every field, declared or missing.
    /// Without a card, one line. A French public body's card lists every field, declared or
    /// missing (the convention and the CRPA ask for each); any other card lists its declared
    /// fields and says in one line how many are not declared.
    func systemCard() -> ReportSection {
        var s = ReportSection(id: "system", title: [.text(t(.sectionSystem))])
        guard report.system != nil else {
            s.blocks.append(.paragraph([.text(t(.cardNoneLine))]))
            return s
        }
        s.blocks.append(.paragraph([.text(t(.cardIntro))]))
        let every = card.isFrenchPublicBody
        var rows: [[[ReportInline]]] = []
        var undeclared = 0
        for field in SystemCard.Field.allCases {
            guard every || card.declares(field) else { undeclared += 1; continue }
            let value: [ReportInline] = card[field].map { [.text($0)] } ?? [.strong([.text(t(.wordMissing))])]
            rows.append([[.text(t(named: "field.\(field.rawValue)"))], value])
        }
        s.blocks.append(.table(ReportTable(
            caption: [.text(t(.cardCaption))], header: [[.text(t(.cardField))], [.text(t(.cardValue))]],
            numeric: [false, false], rows: rows
        )))
        if undeclared > 0 { s.blocks.append(.paragraph(t.runs(.cardUndeclared, one: .cardUndeclaredOne, count: undeclared, ["count": .text(t.count(undeclared))]))) }
        return s
    }

    /// For a system that is not a French public body's: a short generic fairness section in
    /// place of the convention's (the comparisons, the four-fifths rule, the AI Act).
    func fairness() -> ReportSection {
        var s = ReportSection(id: "fairness", title: [.text(t(.sectionFairness))])
        s.blocks.append(.paragraph(t.runs(.fairnessIntro, [
            "comparisons": .text(t.count(facts.comparisons.comparisons)), "disparity": .text(t.count(facts.disparities.count)),
            "findings": .anchor(t(.sectionFindings), id: "findings"), "legal": .anchor(t(.sectionLegal), id: "legal"),
        ])))
        return s
    }

    /// The convention's four objectives and eight concerns, with status and evidence.
    func convention() -> ReportSection {
        let a = ConventionAssessment(result, card: card, suppressionThreshold: suppressionThreshold)
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
