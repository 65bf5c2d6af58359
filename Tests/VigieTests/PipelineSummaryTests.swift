import AuditApplication
import AuditData
import AuditMetrics
import AuditAssessment
@testable import AuditReport
import Foundation
import Testing

/// `vigie audit --summary-md`: the gates' outcome, the findings that matter most with their
/// intervals (disparities first), a link to the report; escaped labels; no suppressed group.
@Suite struct PipelineSummaryTests {
    typealias S = ReportTestSupport

    /// 200 rows per group, the same rates in both: no disparity, no group below the threshold.
    static func evenAudit() throws -> AuditResult {
        var lines = ["g,d,y"]
        for i in 0..<400 { lines.append("\(i % 2 == 0 ? "a" : "b"),\((i / 2) % 2),\((i / 4) % 2)") }
        let spec = AuditSpec(data: DataSpec(protected: [ProtectedAttributeSpec(column: "g")], label: BinaryColumnSpec(column: "y"), decision: BinaryColumnSpec(column: "d")), analysis: AnalysisSpec(intersections: 1))
        return try S.audit(csv: lines.joined(separator: "\n") + "\n", spec: spec)
    }

    @Test func outcomeFollowsTheEnforcedGates() throws {
        // Without the card's mandated priority: the demo's disparities (all in favour of
        // `handicap`) are then disparities, and the verdict gate fails.
        let (housing, _) = try S.fixture("housing", mandatedPriorities: false)
        func outcome(_ r: AuditResult, _ ratio: Bool, _ verdicts: Bool) -> String {
            let md = PipelineSummary(r, gates: AuditGates(r, enforcesImpactRatio: ratio, enforcesVerdicts: verdicts), reportLink: "r/report.html").render()
            return String(md.split(separator: "\n")[1].prefix { $0 != "—" })
        }
        #expect(outcome(housing, false, false) == "**No gate enforced** ")
        #expect(outcome(housing, true, false) == "**Gate failed** ")
        #expect(outcome(housing, false, true) == "**Gate failed** ")
        let even = try Self.evenAudit()
        #expect(even.findings.allSatisfy { $0.verdict != .disparity } && even.adverseImpacts.isEmpty)
        #expect(outcome(even, true, true) == "**Gate passed** ")
        let md = PipelineSummary(even, gates: AuditGates(even, enforcesImpactRatio: true, enforcesVerdicts: true), reportLink: "r/report.html").render()
        #expect(md.contains("| impact-ratio threshold 0.80 (four-fifths rule) | passed — enforced (--fail-on-disparity) |"))
        #expect(md.contains("| no finding with the verdict disparity | passed — enforced (--fail-on-verdict) |"))
        #expect(!md.contains("Below the impact-ratio threshold"))
    }

    @Test func worstFindingsComeWithTheirIntervals() throws {
        let (result, _) = try S.fixture("housing", mandatedPriorities: false)
        let gates = AuditGates(result, enforcesVerdicts: true)
        let md = PipelineSummary(result, gates: gates, reportLink: "r/report.html").render()
        let worst = PipelineSummary.worstFindings(result, limit: 5)
        #expect(worst.count == 5)
        // Disparities first (the verdict gate fails on them), then the report's ranking.
        let disparities = ReportBuilder.keyFindings(result, limit: Int.max).filter { $0.verdict == .disparity }
        #expect(!disparities.isEmpty)
        #expect(Array(worst.prefix(disparities.count)) == Array(disparities.prefix(5)))
        let rows = md.split(separator: "\n").filter { $0.hasPrefix("| `") }
        #expect(rows.count == 5)
        for (f, row) in zip(worst, rows) {
            let d = try #require(f.value.value), ci = try #require(f.interval)
            func points(_ x: Double) -> String { (x < 0 ? "−" : "+") + NumberFormat.fixed(abs(x) * 100, digits: 1) }
            #expect(row.hasPrefix("| `\(f.attribute)` = `\(f.group)` vs `\(f.reference)`: "), "\(row)")
            #expect(row.contains(" | \(points(d)) | \\[\(points(ci.low)), \(points(ci.high))\\] | "), "\(row)")
            #expect(row.hasSuffix(f.verdict == .disparity ? " | disparity |" : " | insufficient evidence |"))
        }
        #expect(md.contains("| **failed** — enforced (--fail-on-verdict) |"))
        #expect(md.contains("Below the impact-ratio threshold: `\(gates.belowThreshold[0].attribute)` = `\(gates.belowThreshold[0].group.label)` "))
        #expect(md.contains("and \(gates.belowThreshold.count - 5) more"))
        #expect(md.hasSuffix("Full report: [report.html](r/report.html) (every finding: findings.csv; provenance: manifest.json).\n"))
    }

    @Test func frenchSummary() throws {
        let (result, report) = try S.fixture("housing", language: .fr)
        let md = PipelineSummary(result, gates: AuditGates(result), reportLink: "r/report.html", report: report).render()
        #expect(md.hasPrefix("# Audit Vigie\u{202F}: Cotation de la demande de logement social"))   // French spaces (Typography)
        #expect(md.contains("**Aucun contrôle appliqué** — 5\u{202f}000 lignes de `applicants-sample.csv`"))
        #expect(md.contains("| Constat | Différence (points) | Intervalle à 95 % | Verdict |"))
        #expect(md.contains("Rapport complet : [report.html](r/report.html)"))
        #expect(!md.contains("⟦"))
    }

    /// Labels are code spans, pipes cannot split a cell, no HTML passes; suppressed groups
    /// (a 5-row group and its complement) are not named.
    @Test func hostileLabelsAreEscapedAndSuppressedGroupsAbsent() throws {
        var lines = ["g,d,y"]
        let labels = ["<b>x</b>", "a|b", "`tick`", "secret"]
        for (i, label) in labels.enumerated() {
            let quoted = "\"" + label.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let n = [400, 300, 350, 5][i]
            // Group i selects one row in (i + 2): unequal rates, so there are disparities.
            for j in 0..<n { lines.append("\(quoted),\(j % (i + 2) == 0 ? 1 : 0),\(j % 2)") }
        }
        let spec = AuditSpec(data: DataSpec(protected: [ProtectedAttributeSpec(column: "g")], label: BinaryColumnSpec(column: "y"), decision: BinaryColumnSpec(column: "d")), analysis: AnalysisSpec(intersections: 1))
        let result = DisclosureControl.apply(to: try S.audit(csv: lines.joined(separator: "\n") + "\n", spec: spec), minimumCellSize: 10)
        let hidden = Set((result.disclosure?.cells ?? []).map(\.group))
        #expect(hidden.contains("secret"))
        let md = PipelineSummary(result, gates: AuditGates(result), reportLink: "a b(c).html").render()
        // A hidden group is named only as a withheld failure of the gate (judged on the true
        // values), with the word "suppressed" and no figure.
        for label in hidden {
            let named = md.replacingOccurrences(of: MarkdownEscape.code(label, inTable: false) + " suppressed (disclosure control)", with: "")
            #expect(!named.contains(MarkdownEscape.code(label, inTable: true)) && !named.contains(MarkdownEscape.code(label, inTable: false)), "\(label)")
        }
        // Outside code spans, no raw HTML.
        var outside = ""
        var inCode = false
        for ch in md {
            if ch == "`" { inCode.toggle(); continue }
            if !inCode { outside.append(ch) }
        }
        #expect(!outside.contains("<b>"))
        #expect(hidden.contains("<b>x</b>") || md.contains("`<b>x</b>`"))
        for block in md.components(separatedBy: "\n\n") where block.hasPrefix("| ") {
            let cells = block.split(separator: "\n").map { $0.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
            #expect(Set(cells).count == 1, "\(block)")
        }
        #expect(md.contains("[report.html](a%20b%28c%29.html)"))
        #expect(PipelineSummary.linkTarget("é") == "%C3%A9")
    }
}
