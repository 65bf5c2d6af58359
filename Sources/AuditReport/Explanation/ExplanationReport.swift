import AuditData
import DecisionModels

/// `explanation.md`: the explanation owed to one applicant (CRPA R311-3-1-2), in the chosen
/// language, as a ``ReportDocument`` with the four items as numbered sections
/// (`docs/explain.md`), rendered by ``MarkdownReport``. Values from the data are labels (code
/// spans) and text from the grid file is escaped, so neither can inject Markdown or HTML.
public enum ExplanationReport {
    /// The explanation as a document.
    public static func document(_ e: ApplicantExplanation, language: ReportLanguage) -> ReportDocument {
        let p = ExplanationPhrases(language)
        let t = p.t
        var summary = [p(.explanationSummaryScore, ["total": p.number(e.totalScore)]),
                       p(.explanationSummaryRank, ["rank": p.count(e.standing.rank), "count": p.count(e.standing.comparableCount),
                                                   "segment": p.segment(e.standing)])]
        if let verdict = p.verdict(e.standing) { summary.append(verdict) }
        summary.append(p.wait(e.wait))

        let role = e.role.map { p(.explanationRoleDeclared, ["role": .text($0)]) } ?? p(.explanationRoleUndeclared)

        let data = ReportTable(
            caption: [],
            header: [[.text(t(.explanationDataColData))], [.text(t(.explanationDataColValue))], [.text(t(.explanationDataColSource))],
                     [.text(t(.explanationDataColUse))]],
            numeric: [false, false, false, false],
            rows: e.data.map { item in
                let source = item.source.map { s in item.description.map { s + " — " + $0 } ?? s }
                return [[.label(item.column)], [p.value(item.value)], [.text(source ?? t(.explanationDataSourceUndeclared))], [p.uses(item.uses)]]
            })

        let criteria = ReportTable(
            caption: [],
            header: [[.text(t(.explanationCriteriaColCriterion))], [.text(t(.explanationCriteriaColRule))], [.text(t(.explanationCriteriaColValue))],
                     [.text(t(.explanationCriteriaColPoints))], [.text(t(.explanationCriteriaColCounted))]],
            numeric: [false, false, false, true, false],
            rows: e.criteria.map { c in
                [[p.label(c)], p.rule(c.kind), [p.value(c.value)], [p.number(c.points)],
                 [.text(t(c.counted ? .explanationCountedYes : .explanationCountedNo))]]
            })
        let notes = e.criteria.flatMap { p.notes($0, in: e) }

        func section(_ id: String, _ title: MessageKey, _ blocks: [ReportBlock]) -> ReportSection {
            ReportSection(id: id, title: [.text(t(title))], blocks: blocks)
        }
        return ReportDocument(
            language: language,
            title: p(.explanationTitle, ["id": .label(e.applicantID)]),
            preamble: [.paragraph(p(.explanationIntro, ["grid": .text(e.gridName)]))],
            sections: [
                section("summary", .explanationHeadingSummary, [.list(summary)]),
                section("role", .explanationHeadingRole, [.paragraph(role), .paragraph(p.allocationRule(e.standing))]),
                section("data", .explanationHeadingData, [.paragraph(p(.explanationDataIntro)), .table(data)]),
                section("criteria", .explanationHeadingCriteria, [.table(criteria)] + (notes.isEmpty ? [] : [.list(notes)])),
                section("operations", .explanationHeadingOperations, [.numbered(p.operations(e))]),
                section("rights", .explanationHeadingRights, [.list([p(.explanationRightsCommunication), p(.explanationRightsCada)])]),
            ],
            contents: t(.navContents))
    }

    /// `explanation.md`.
    public static func markdown(_ e: ApplicantExplanation, language: ReportLanguage) -> String {
        MarkdownReport.render(document(e, language: language))
    }
}
