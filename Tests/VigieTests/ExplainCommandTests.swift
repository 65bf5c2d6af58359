import AuditData
import TestSupport
import AuditReport
import Foundation
import Testing

/// `vigie explain` run as a user would, on the committed grid and sample.
@Suite("ExplainCommand")
final class ExplainCommandTests {
    let scratch = Scratch()
    static let grid = CLI.root.appendingPathComponent("Fixtures/housing/cotation-grid.yaml").path
    static let data = CLI.root.appendingPathComponent("Fixtures/housing/applicants-sample.csv").path
    static let id = "034-2023-000001"

    /// (id, score_total) of every row, read with a plain split (the sample has no quoted fields).
    static func rows() throws -> [(id: String, score: Double)] {
        let lines = try String(contentsOfFile: data, encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let idColumn = try #require(header.firstIndex(of: "demande_id"))
        let scoreColumn = try #require(header.firstIndex(of: "score_total"))
        return try lines.dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return (f[idColumn], try #require(Double(f[scoreColumn])))
        }
    }

    static let headingKeys: [MessageKey] = [.explanationHeadingRole, .explanationHeadingData, .explanationHeadingCriteria, .explanationHeadingOperations,
                                            .explanationHeadingRights, .explanationHeadingSummary]

    @Test(arguments: ReportLanguage.allCases)
    func writesBothFilesWithTheFourItemsAndNoOtherApplicant(_ language: ReportLanguage) throws {
        let t = ReportText(language)
        let out = scratch.folder().appendingPathComponent("explanation")
        let run = try CLI.run(["explain", "--model", Self.grid, "--data", Self.data, "--id", Self.id, "--lang", language.rawValue, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let md = try String(contentsOf: out.appendingPathComponent("explanation.md"), encoding: .utf8)
        let jsonData = try Data(contentsOf: out.appendingPathComponent("explanation.json"))
        for key in Self.headingKeys {
            #expect(md.contains("## " + Typography.set(t(key), language: language)), "\(key.rawValue)")   // typeset as every document
        }
        let json = try #require(try JSONSerialization.jsonObject(with: jsonData) as? [String: Any])
        for key in ["schema", "language", "id", "grid", "score", "contribution", "data", "criteria", "operations", "standing", "wait", "rights"] {
            #expect(json[key] != nil, "\(key)")
        }
        #expect(json["language"] as? String == language.rawValue && json["id"] as? String == Self.id)

        // The total is the generator's score_total of that row (independent of the grid code).
        let rows = try Self.rows()
        let expected = try #require(rows.first { $0.id == Self.id }).score
        #expect((json["score"] as? NSNumber)?.doubleValue == expected)
        #expect(md.contains(Typography.set(t(.explanationSummaryScore, ["total": String(Int(expected))]), language: language)))
        #expect(!md.contains("⟦") && md.range(of: "\\{[a-z_]+\\}", options: .regularExpression) == nil)
        // Rank 1,059 of 1,270 T3 applications (Fixtures/reference/explain/expected.json), numbers in the reader's language.
        #expect(md.contains(language == .en ? "Rank 1,059 of 1,270 comparable applications (same `typologie`: `T3`)."
                                            : "Rang 1\u{202F}059 sur 1\u{202F}270 demandes comparables (même `typologie`\u{202F}: `T3`)."))
        let standing = try #require(json["standing"] as? [String: Any])
        #expect(standing["rank"] is Int && standing["comparable_count"] is Int && standing["selected"] is Bool)
        let criteria = try #require(json["criteria"] as? [[String: Any]])
        #expect(criteria.count == 14)
        for item in criteria { for key in ["name", "label", "rule", "value", "points", "counted", "counted_points"] { #expect(item[key] != nil) } }
        let data = try #require(json["data"] as? [[String: Any]])
        #expect(data.allSatisfy { $0["source"] is String })

        // No other applicant's id anywhere.
        let jsonText = String(decoding: jsonData, as: UTF8.self)
        let leaked = rows.map(\.id).filter { $0 != Self.id && (md.contains($0) || jsonText.contains($0)) }
        #expect(leaked.isEmpty, "\(leaked.prefix(3))")
        #expect(md.contains(Self.id))
    }

    @Test func stdoutPrintsTheMarkdown() throws {
        let run = try CLI.run(["explain", "--model", Self.grid, "--data", Self.data, "--id", Self.id, "--lang", "en", "--stdout"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("# Explanation of the score of application `\(Self.id)`"))
        #expect(run.stdout.contains("CADA"))
    }

    @Test func unknownIDExitsTwoAndListsNothingElse() throws {
        let run = try CLI.run(["explain", "--model", Self.grid, "--data", Self.data, "--id", "034-2023-999999"], in: scratch.folder())
        #expect(run.status == 2)
        #expect(run.stderr.contains("034-2023-999999"))
        let others = try Self.rows().map(\.id).filter { run.stderr.contains($0) || run.stdout.contains($0) }
        #expect(others.isEmpty)
        #expect(run.stdout.isEmpty)
    }

    @Test func duplicatedIDNamesBothLines() throws {
        let folder = scratch.folder()
        let csv = folder.appendingPathComponent("d.csv")
        try Data("id,x\nA,oui\nB,non\nA,non\n".utf8).write(to: csv)
        let grid = folder.appendingPathComponent("g.yaml")
        try Data("name: g\nid: id\ncriteria:\n  - {name: x, column: x, flag: 1}\n".utf8).write(to: grid)
        let run = try CLI.run(["explain", "--model", grid.path, "--data", csv.path, "--id", "B", "--stdout"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("lines 2 and 4"), "\(run.stderr)")
    }

    @Test func proposalsRuleSaysPutBeforeTheCommission() throws {
        let folder = scratch.folder()
        let csv = folder.appendingPathComponent("d.csv")
        try Data("id,x,t\nA,oui,0.5\nB,non,1.25\nC,non,0.5\n".utf8).write(to: csv)
        let grid = folder.appendingPathComponent("g.yaml")
        try Data("""
        name: g
        id: id
        criteria:
          - {name: x, label_en: Ex, column: x, flag: 10}
          - {name: t, column: t, per_unit: 2.5}
        allocation: {rule: proposals, per_unit: 1, capacity: {default: 2}}
        """.utf8).write(to: grid)
        let run = try CLI.run(["explain", "--model", grid.path, "--data", csv.path, "--id", "B", "--lang", "en", "--stdout"])
        #expect(run.status == 0, "\(run.stderr)")
        // B: 0 + 2.5 × 1.25 = 3.125; A: 10 + 1.25 = 11.25; C: 1.25 → B ranks 2 of 3, within 1 × 2 proposals.
        #expect(run.stdout.contains("Total score: 3.125 points."))
        #expect(run.stdout.contains("Rank 2 of 3 comparable applications (all applications)."))
        #expect(run.stdout.contains("Your application is among those put before the allocation commission, which decides."))
        #expect(run.stdout.contains("| Ex |") && run.stdout.contains("| `t` |"))  // label, else the name
        #expect(run.stdout.contains("The grid does not declare its role in the decision."))
    }

    @Test func dataTextIsEscapedInMarkdown() throws {
        let folder = scratch.folder()
        let csv = folder.appendingPathComponent("d.csv")
        try Data("id,sit\n\"a`*<b>|1\",\"<script>x</script>\"\n".utf8).write(to: csv)
        let grid = folder.appendingPathComponent("g.yaml")
        try Data("name: \"g *bold* <i>\"\nid: id\ncriteria:\n  - {name: sit, column: sit, categories: {sans_abri: 30}}\n".utf8).write(to: grid)
        let run = try CLI.run(["explain", "--model", grid.path, "--data", csv.path, "--id", "a`*<b>|1", "--lang", "en", "--stdout"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("`a'*<b>\\|1`"))          // code span: backtick replaced, pipe escaped
        #expect(run.stdout.contains("`<script>x</script>`"))  // only ever inside a code span
        #expect(!run.stdout.contains("| <script>"))
        #expect(run.stdout.contains("g \\*bold\\* &lt;i&gt;"))  // grid text escaped as prose
        #expect(run.stdout.contains("source not declared"))
        #expect(run.stdout.contains("no date columns"))
    }
}

/// The explanation's sentences are filled in one pass, like every sentence of the catalogue.
@Suite("ExplanationText")
struct ExplanationTextTests {
    @Test func substitutionIsOnePass() {
        #expect(ReportText(.en)(.explanationOpTotal, ["total": "{total}"]) == "Total score: {total} points.")
        #expect(ReportText(.fr)(.explanationSummaryRank, ["rank": "3", "count": "1\u{202F}204", "segment": "{rank}"])
                == "Rang 3 sur 1\u{202F}204 demandes comparables ({rank}).")
        #expect(ReportText(.fr)(named: "no.such.key") == "⟦no.such.key⟧")
    }
}
