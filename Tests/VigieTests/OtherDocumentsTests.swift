import AuditAssessment
import AuditData
import AuditMetrics
@testable import AuditReport
import DecisionModels
import Foundation
import TestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The compare and diff reports are documents like the report: in both languages, with no
/// missing message, data labels escaped by the one Markdown escaper, and valid HTML.
@Suite struct OtherDocumentsTests {
    static let hostile = ["<script>alert(1)</script>", "a|b", "`tick`", "*star*_under_", "line\nbreak"]

    static func diff() throws -> AuditDiff.Result {
        func f(_ group: String, _ value: Double?, _ verdict: String) -> AuditDiff.Finding {
            AuditDiff.Finding(attribute: "sexe|x", group: group, reference: "M", metric: "selection_rate", kind: "difference", value: value, verdict: verdict)
        }
        let old = AuditDiff.Audit(folder: "old", dataFile: "a|b.csv", rows: 1_270, vigieVersion: "0.1.0",
                                  findings: hostile.enumerated().map { f($1, 0.01 * Double($0), "no_disparity") })
        let new = AuditDiff.Audit(folder: "new", dataFile: "c.csv", rows: nil, vigieVersion: "0.1.0",
                                  findings: hostile.enumerated().map { f($1, $0 == 0 ? nil : -0.2 * Double($0), $0 == 1 ? "disparity" : "no_disparity") })
        return try AuditDiff.compare(old: old, new: new, threshold: 0.01)
    }

    static func grid() -> GridComparison {
        func row(_ group: String, _ n: Int, suppressed: Bool) -> GridComparisonRow {
            let v: (Double) -> MetricValue = { suppressed ? .suppressed(reason: "small") : .defined($0) }
            return GridComparisonRow(attribute: "grp", group: group, count: n, selectedA: 2, selectedB: 1, rateA: v(0.2), rateB: v(0.1),
                                     rateChange: v(-0.1), gainers: 0, losers: 1, meanScoreA: v(12.25), meanScoreB: v(11.5),
                                     meanScoreChange: v(-0.75), meanRankChange: v(1.5), suppressed: suppressed)
        }
        return GridComparison(nameA: "A *grid*", nameB: "B <grid>", rows: [row("all", 1_204, suppressed: false)] + hostile.map { row($0, 4, suppressed: true) },
                              sharedDesign: true)
    }

    /// The Markdown's table rows have as many cells as their header (pipes escaped), and no
    /// raw HTML or Markdown from the data leaves a code span.
    func checkMarkdown(_ md: String, _ context: String) {
        #expect(!md.contains("⟦"), "\(context)")
        #expect(md.range(of: "\\{[a-z_]+\\}", options: .regularExpression) == nil, "\(context): unfilled placeholder")
        var outside = ""
        var inCode = false
        for ch in md {
            if ch == "`" { inCode.toggle(); continue }
            if !inCode { outside.append(ch) }
        }
        #expect(!outside.contains("<script") && !outside.contains("<grid>"), "\(context)")
        for block in md.components(separatedBy: "\n\n") where block.hasPrefix("| ") {
            let rows = block.split(separator: "\n").map { $0.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
            #expect(Set(rows).count == 1, "\(context): \(block.prefix(200))")
        }
    }

    func checkHTML(_ doc: ReportDocument, _ context: String) {
        let html = HTMLReport.render(doc)
        let parser = XMLParser(data: Data(html.utf8))
        #expect(parser.parse(), "\(context): \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(!html.contains("<script>"), "\(context)")
    }

    @Test(arguments: ReportLanguage.allCases)
    func diffInEachLanguage(_ language: ReportLanguage) throws {
        let r = try Self.diff()
        let doc = AuditDiffReport.document(r, language: language)
        let md = MarkdownReport.render(doc)
        checkMarkdown(md, "diff \(language)")
        checkHTML(doc, "diff \(language)")
        let t = ReportText(language)
        #expect(md.hasPrefix("# " + t(.diffTitle) + "\n\n"))
        #expect(md.contains("## " + t(.diffChangeBecameUndefined, ["count": "1"])))
        #expect(md.contains("`a|b.csv`") && md.contains("| `a\\|b` |"))  // labels; a pipe is escaped in a table only
        #expect(md.contains(t.count(1_270)))
        #expect(md.contains(t(.verdictNoDisparity) + " → " + t(.verdictDisparity)))
        #expect(md.contains("| " + t.fixed(-0.2, 4) + " |"))     // a plain value: hyphen-minus
        #expect(md.contains("| " + t.signed(0.19, 4) + " |"))   // a change: its sign
    }

    /// The English counts line, printed by `vigie diff`, is the one it always was.
    @Test func englishSummaryLine() throws {
        let r = try Self.diff()
        #expect(AuditDiffReport.summary(r) == "0 appeared, 0 vanished, 4 grew, 0 shrank, 1 became undefined or defined, 1 verdict change; 0 unchanged (threshold 0.01).")
        #expect(AuditDiffReport.summary(r, language: .fr).hasPrefix("Apparus : 0 ; disparus : 0 ; en hausse : 4 ;"))
    }

    @Test(arguments: ReportLanguage.allCases)
    func gridComparisonInEachLanguage(_ language: ReportLanguage) {
        let doc = ModelComparison.document(Self.grid(), language: language)
        let md = MarkdownReport.render(doc)
        checkMarkdown(md, "grid \(language)")
        checkHTML(doc, "grid \(language)")
        let t = ReportText(language)
        // The documents are typeset (French spaces before : ; ! ?), as every output for people.
        let set = { (s: String) in Typography.set(s, language: language) }
        #expect(md.hasPrefix("# " + set(t(.compareGridTitle)) + "\n\n"))
        #expect(md.contains(set(t(.compareGridSwitches, ["switches": t.count(1), "count": t.count(1_204), "gainers": "0", "losers": "1"]))))
        // 20 % → 10 %: −10.0 points; mean score 12.3 → 11.5 (12.25 rounds half away from zero); rank +1.5.
        #expect(md.contains("| `grp` | `all` | \(t.count(1_204)) | 2 | 1 | \(t.percent(0.2)) | \(t.percent(0.1)) | −10\(t.numbers.decimalMark)0 pts | 0 | 1 | 12\(t.numbers.decimalMark)3 → 11\(t.numbers.decimalMark)5 | +1\(t.numbers.decimalMark)5 |"))
        #expect(md.contains(set(t(.compareGridSuppressed, ["min": "10", "primary": t.count(Self.grid().rows.filter(\.suppressed).count), "complementary": "0"]))), "\(md)")
        #expect(md.contains("**A \\*grid\\***") && md.contains("**B &lt;grid&gt;**"))
    }

    @Test(arguments: ReportLanguage.allCases)
    func explanationOfASmallGridInEachLanguage(_ language: ReportLanguage) throws {
        let csv = try RepositoryPaths.temporaryFile("id,sit,mois\n\"a|1\",sans_abri,80\nb,loge,3\n", name: "d.csv")
        let grid = try RepositoryPaths.temporaryFile("""
        name: "g *bold* <i>"
        id: id
        criteria:
          - {name: sit, column: sit, label_fr: Situation, label_en: Housing situation, categories: {sans_abri: 30, loge: -5}}
          - {name: mois, column: mois, per_unit: 1, cap: 60}

        """, name: "g.yaml")
        let explanation = try ApplicantExplanation.explain(grid: PointsGrid.load(path: grid), csvPath: csv, id: "a|1", dialect: CSVDialect())
        let doc = ExplanationReport.document(explanation, language: language)
        let md = MarkdownReport.render(doc)
        checkMarkdown(md, "explanation \(language)")
        checkHTML(doc, "explanation \(language)")
        let t = ReportText(language)
        #expect(md.hasPrefix("# " + Typography.set(ReportInline.plainText(t.runs(.explanationTitle, ["id": .text("`a|1`")])), language: language) + "\n\n"))
        #expect(md.contains(language == .fr ? "| Situation |" : "| Housing situation |"))
        #expect(md.contains("`sans_abri` → 30, `loge` → " + (language == .fr ? "−5" : "-5")))   // French prose: the minus sign U+2212
        #expect(md.contains("1. " + Typography.set(t(.explanationOpSum, ["sum": "90"]), language: language)))
        #expect(md.contains("g \\*bold\\* &lt;i&gt;"))
    }
}
