import AuditApplication
import AuditAssessment
import AuditData
import AuditMetrics
@testable import AuditReport
import Foundation
import Testing

/// The report's first page never contradicts its legal checklist or its findings: both read
/// one `ReportFacts` (issue 17). Checked on the housing demo, on COMPAS (an unfavourable
/// decision) and on small cases with and without a four-fifths failure, in both languages.
@Suite struct ReportFactsTests {
    /// The plain text of the summary section (the report's first h2).
    static func summaryText(_ document: ReportDocument) -> String {
        guard let first = document.sections.first else { return "" }
        var text = ReportInline.plainText(first.title) + "\n"
        for block in first.blocks {
            switch block {
            case .paragraph(let runs), .note(let runs), .heading(_, let runs, _): text += ReportInline.plainText(runs) + "\n"
            case .list(let items), .numbered(let items): text += items.map(ReportInline.plainText).joined(separator: "\n") + "\n"
            case .table: break
            }
        }
        return text
    }

    static func check(_ result: AuditResult, report: ReportSpec, expectFailure: Bool?) {
        let facts = ReportFacts(result)
        let items = LegalChecklist.items(result, card: report.card, grid: nil, facts: facts)
        let four = items.first { $0.id == "four_fifths" }?.assessment
        let g = items.first { $0.id == "ai_act_10_2_g" }?.assessment
        if let expectFailure { #expect(!facts.fourFifthsFailures.isEmpty == expectFailure) }
        // The checklist's four-fifths item: not met exactly when the facts list a failure.
        #expect((four?.status == .notMet) == !facts.fourFifthsFailures.isEmpty)
        // Its AI Act 10(2)(g) count is the facts' disparities (published and withheld).
        if case .count(let n)? = g?.evidence.first(where: { $0.key == "evidence.suspect_disparities" })?.values["count"] {
            #expect(n == facts.disparityCount)
        }
        for language in ReportLanguage.allCases {
            let document = ReportBuilder(result, report: report, language: language).document()
            let summary = Self.summaryText(document)
            let t = ReportText(language)
            #expect(document.sections.first?.id == "summary")
            // The first page names every group failing the four-fifths rule, or says the rule is met.
            if facts.hasDecision {
                let met = t(.headlineFourFifthsMet, ["min": t.count(result.analysis.minGroupSize), "threshold": t.fixed(result.analysis.impactRatioThreshold, 2)])
                #expect(summary.contains(met) == facts.fourFifthsFailures.isEmpty, "\(language): four-fifths")
                for f in facts.fourFifthsFailures {
                    let attribute = report.labels.display(f.attribute, in: language) ?? f.attribute
                    let group = report.labels.display(f.group, in: language) ?? f.group
                    #expect(summary.contains("\(attribute) = \(group) ("), "\(language): \(group) missing from the first page")
                }
            }
            // The count of disparities: the first sentence, then the totals, say the same number.
            let args = ["count": t.count(facts.disparities.count), "tolerance": t.fixed(facts.tolerance * 100, 1), "comparisons": t.count(facts.comparisons.comparisons)]
            let n = facts.disparities.count
            #expect(summary.contains(t(n == 0 ? .headlineNoDisparity : n == 1 ? .headlineDisparitiesOne : .headlineDisparities, args)), "\(language): first sentence")
            if facts.disparities.isEmpty { #expect(!summary.contains(t(.headlineFirst))) }
            if !ReportBuilder.keyFindings(result, card: report.card).isEmpty {
                #expect(summary.contains(t(n == 0 ? .summaryTotalsNone : n == 1 ? .summaryTotalsOne : .summaryTotals, ["disparity": t.count(facts.disparities.count), "total": t.count(facts.comparisons.comparisons), "findings": t(.sectionFindings)])),
                        "\(language): totals")
            }
            // "The findings that matter most" lead with a disparity whenever there is one, and
            // include each four-fifths failure's decision-rate gap when no disparity fills the list.
            let key = ReportBuilder.keyFindings(result, card: report.card)
            if !facts.disparities.isEmpty { #expect(key.first?.verdict == .disparity) }
            if facts.disparities.isEmpty, let first = facts.fourFifthsFailures.first {
                #expect(key.contains { $0.attribute == first.attribute && $0.group == first.group } )
            }
        }
    }

    @Test func housingDemo() throws {
        let (result, report) = try ReportTestSupport.fixture("housing")
        Self.check(result, report: report, expectFailure: true)
    }

    /// With the grid and the human decision after it, the first page says where each
    /// four-fifths failure's gap arises, from the stage split (grid part and human part).
    @Test func housingDemoSaysWhereTheGapArises() throws {
        let (result, model, scan, report) = try ReportTestSupport.fixtureWithModel("housing")
        let human = try #require(model?.human)
        let facts = ReportFacts(result)
        let summary = Self.summaryText(ReportBuilder(result, model: model, scan: scan, report: report).document())
        let t = ReportText(report.language)
        for f in facts.fourFifthsFailures.prefix(2) {
            let g = try #require(human.attributes.first { $0.name == f.attribute }?.groups.first { $0.label == f.group })
            let actual = try #require(g[.actualGap]?.value.value), grid = try #require(g[.gridStageGap]?.value.value)
            let people = try #require(g[.humanStageGap]?.value.value)
            #expect(abs(grid + people - actual) < 1e-12, "the split adds up")
            let atHuman = people * (actual < 0 ? -1 : 1) > grid * (actual < 0 ? -1 : 1)
            let name = report.labels.display(f.group, in: report.language) ?? f.group
            let tail = t(atHuman ? .headlineWhereHuman : .headlineWhereGrid, [:]).components(separatedBy: ": ").last ?? ""
            #expect(summary.split(separator: "\n").contains { $0.contains(" = \(name):") && $0.hasSuffix(tail) }, "\(f.group)")
        }
        // What removing a criterion would do: the sensitivity row (scale 0) that raises the
        // group's grid impact ratio most, named on the first page.
        for f in facts.fourFifthsFailures.prefix(2) {
            let rows = model!.sensitivity.filter { $0.attribute == f.attribute && $0.group == f.group && $0.scale == 0 && ($0.impactRatioChange.value ?? 0) > 0 }
            let name = report.labels.display(f.group, in: report.language) ?? f.group
            let line = summary.split(separator: "\n").first { $0.hasPrefix(t(.headlineRemoval, [:]).components(separatedBy: "{").first ?? "?") && $0.contains(" = \(name):") }
            if let best = rows.max(by: { ($0.impactRatioChange.value ?? 0) < ($1.impactRatioChange.value ?? 0) }) {
                let label = model!.criteria.first { $0.name == best.criterion }?.labelEN ?? best.criterion
                #expect(line?.contains(label) == true, "\(f.group): \(label)")
            } else {
                #expect(line == nil)
            }
        }
        // The demo's planted proxy: without the tie to the commune, outside the EU reaches parity in the grid.
        let tie = model!.sensitivity.first { $0.attribute == "nationalite" && $0.group == "hors_UE" && $0.scale == 0 && $0.criterion.contains("lien") }
        #expect((tie?.variantImpactRatio.value ?? 0) > 0.99)
        // The demo's planted case: for age = 66 and over the grid selects more, the commission less.
        let old = try #require(human.attributes.first { $0.name == "age" }?.groups.first { $0.label == ">=66" })
        #expect((old[.gridStageGap]?.value.value ?? -1) > 0 && (old[.humanStageGap]?.value.value ?? 1) < 0)
    }

    @Test func compasUnfavourableDecision() throws {
        let (result, report) = try ReportTestSupport.fixture("compas")
        Self.check(result, report: report, expectFailure: true)
        // A risk flag: the first disparity is against the group flagged more often.
        let facts = ReportFacts(result)
        let first = try #require(facts.disparities.first)
        #expect(ReportBuilder.harm(first, in: result) == 1)
    }

    @Test func smallCaseWithAFourFifthsFailure() throws {
        let result = try ReportTestSupport.audit(csv: ReportTestSupport.csv([("A", 200, 100), ("B", 200, 60)]), spec: ReportTestSupport.spec())
        Self.check(result, report: ReportSpec(), expectFailure: true)
    }

    @Test func smallCaseWithoutFailure() throws {
        let result = try ReportTestSupport.audit(csv: ReportTestSupport.csv([("A", 200, 100), ("B", 200, 96)]), spec: ReportTestSupport.spec())
        Self.check(result, report: ReportSpec(), expectFailure: false)
    }
}
