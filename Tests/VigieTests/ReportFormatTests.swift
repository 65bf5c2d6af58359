import TestSupport
import AuditAssessment
import AuditData
import AuditMetrics
@testable import AuditReport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The catalogue, the HTML's well-formedness and self-containment, escaping of hostile labels,
/// and the golden housing reports in English and French.
@Suite(.serialized) struct ReportFormatTests {
    typealias S = ReportTestSupport

    /// Every message exists in every language (the exhaustive switches make a missing one a
    /// compile error; this catches an empty one) with the English placeholders.
    @Test func everyKeyHasEveryLanguageWithTheSamePlaceholders() {
        #expect(MessageKey.allCases.count > 500)
        for language in ReportLanguage.allCases { #expect(Catalogue.of(language).language == language) }
        for key in MessageKey.allCases {
            let english = Catalogue.english.template(key)
            for language in ReportLanguage.allCases {
                let text = Catalogue.of(language).template(key)
                #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(key.rawValue): empty in \(language)")
                #expect(Catalogue.placeholders(in: text) == Catalogue.placeholders(in: english), "\(key.rawValue): placeholders differ in \(language)")
            }
            #expect(MessageKey.named(key.rawValue) == key)
        }
        #expect(Catalogue.placeholders(in: "{a} and {b_c} {a} {not a}") == ["a", "b_c"])
        // Every key built from a domain value has its message: field, concern, objective, status, source, verdict, adjustment, interval.
        var needed = SystemCard.Field.allCases.map { "field.\($0.rawValue)" }
        needed += ConventionConcern.allCases.flatMap { ["concern.\($0.rawValue)", "concern.\($0.rawValue).what"] }
        needed += ConventionObjective.allCases.flatMap { ["objective.\($0.rawValue)", "objective.\($0.rawValue).what"] }
        needed += AssessmentStatus.allCases.map { "status.\($0.rawValue)" } + EvidenceSource.allCases.map { "source.\($0.rawValue)" }
        needed += Verdict.allCases.map { "verdict.\($0.rawValue)" }
        needed += ["holm", "bh", "none"].map { "adjust.\($0)" } + ["wilson", "exact"].map { "interval.\($0)" }
        needed += ["id", "criterion", "segment", "tie_break", "capacity", "dates"].map { "explanation.use.\($0)" }
        for key in needed { #expect(MessageKey.named(key) != nil, "missing key \(key)") }
    }

    /// Every sentence `AuditAssessment` names by a literal key (evidence, words) has its message:
    /// those keys are strings, since that module knows no catalogue.
    @Test func everyKeyTheAssessmentsNameHasItsMessage() throws {
        let folder = RepositoryPaths.root.appendingPathComponent("Sources/AuditAssessment")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "swift" }
        let literal = try Regex(#""((?:evidence|field|status|concern|objective|ll144)\.[a-z_.]+)""#)
        var keys = Set<String>()
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: literal) { if let key = match.output[1].substring { keys.insert(String(key)) } }
        }
        #expect(keys.count > 25)
        for key in keys.sorted() { #expect(MessageKey.named(key) != nil, "missing key \(key)") }
        for exclusion in ["suppressed", "unknown", "small", "undefined"] { #expect(MessageKey.named("ll144.excluded." + exclusion) != nil) }
    }

    /// No rendered report shows a missing key (⟦…⟧) or an unfilled placeholder.
    @Test func renderedReportsUseOnlyKnownKeys() throws {
        for fixture in ["housing", "water"] {
            for language in ReportLanguage.allCases {
                let (result, report) = try S.fixture(fixture, language: language)
                let doc = ReportBuilder.document(result, report: report)
                for text in [MarkdownReport.render(doc), HTMLReport.render(doc)] {
                    #expect(!text.contains("⟦"), "\(fixture) \(language): \(text.components(separatedBy: "⟦").dropFirst().first?.prefix(40) ?? "")")
                    #expect(text.range(of: "\\{[a-z_]+\\}", options: .regularExpression) == nil, "\(fixture) \(language): unfilled placeholder")
                }
                let legal = LegalChecklist.items(result, card: report.card, grid: nil).map { "legal.\($0.id)" }
                for key in legal + legal.map({ $0 + ".name" }) { #expect(MessageKey.named(key) != nil, "\(key)") }
            }
        }
    }

    /// Parses the HTML as XML; returns the parser's error, if any.
    func xmlError(_ html: String) -> String? {
        let parser = XMLParser(data: Data(html.utf8))
        return parser.parse() ? nil : "\(parser.parserError.map { "\($0)" } ?? "unknown") at line \(parser.lineNumber), column \(parser.columnNumber)"
    }

    /// No resource outside the file: no `src`, no `<link>`, `<script>`, `url(…)` but a chart's `url(#…)`, or `@import`,
    /// and every `href` an anchor in the page.
    func externalReferences(_ html: String) -> [String] {
        var found: [String] = []
        for bad in ["src=", "<link", "<script", "@import", "<iframe", "<object", "<embed", "<img"] where html.contains(bad) { found.append(bad) }
        // `url(#…)` is a chart's own pattern (its hatching); any other `url(` is external.
        for part in html.components(separatedBy: "url(").dropFirst() where !part.hasPrefix("#") { found.append("url(" + part.prefix(30)) }
        for part in html.components(separatedBy: "href=\"").dropFirst() where !part.hasPrefix("#") { found.append("href=\"" + part.prefix(30)) }
        return found
    }

    @Test func htmlIsWellFormedAndSelfContained() throws {
        for language in ReportLanguage.allCases {
            let (result, report) = try S.fixture("housing", language: language)
            let html = HTMLReport.render(result, report: report)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">"))
            #expect(xmlError(html) == nil, "\(xmlError(html) ?? "")")
            #expect(externalReferences(html).isEmpty, "\(externalReferences(html))")
            // Printed on A4 with no forced page break (no near-empty pages).
            #expect(html.contains("@media print") && html.contains("@page { size: A4") && !html.contains("break-before: page"))
            for id in ["summary", "system", "convention", "legal", "findings", "method", "glossary"] {
                #expect(html.contains("<section id=\"\(id)\" class=\"major\">"), "\(id)")
            }
            // Each figure's data table is in place, marked for its chart.
            // Its numbered title first, then the chart in its box for the page (a minimum width: its
            // 11 px axis labels at 12 px, 640 × 12 / 11 = 698.2 → 699 px), then the same chart drawn
            // 360 units wide for a phone (no text under 12 units; one of the two shown, by the width).
            #expect(html.contains("<figure id=\"figure-group-rates-1\" class=\"figure\">\n<figcaption>"))
            #expect(html.contains("<div class=\"chart-box chart-wide\"><svg style=\"min-width:699px\" xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(html.contains("</div>\n<div class=\"chart-box chart-phone\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 360 "))
            #expect(html.contains(".chart-phone { display: none; }") && html.contains("@media (max-width: 40rem) { .chart-wide { display: none; } .chart-phone { display: block; }"))
            #expect(html.contains("<figure id=\"figure-impact-ratios-1\""))
        }
        let (waterResult, waterReport) = try S.fixture("water")
        let water = HTMLReport.render(waterResult, report: waterReport)
        #expect(xmlError(water) == nil, "\(xmlError(water) ?? "")")
        #expect(externalReferences(water).isEmpty)
        #expect(water.contains("<figure id=\"figure-allocation-1\""))
    }

    static let hostile = ["<script>alert(1)</script>", "a|b", "`tick`", "*star*_under_", "[x](http://evil.example)", "&amp; \"q\" 'a'", "line\nbreak", "\\back"]

    @Test func hostileLabelsRenderAsText() throws {
        var lines = ["g,d,y"]
        for (i, label) in Self.hostile.enumerated() {
            let quoted = "\"" + label.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            for j in 0..<(40 + i) { lines.append("\(quoted),\(j % (i + 2) == 0 ? 1 : 0),\(j % 2)") }
        }
        var spec = S.spec(card: SystemCard(values: [.name: ["<b>bold</b> & *system*"], .contact: ["x|y"]]))
        spec.data.protected = [ProtectedAttributeSpec(column: "g")]
        let result = try S.audit(csv: lines.joined(separator: "\n") + "\n", spec: spec)
        #expect(Set(result["g"]!.groups.map(\.label)).isSuperset(of: Set(Self.hostile)))

        let html = HTMLReport.render(result, report: spec.report)
        #expect(xmlError(html) == nil, "\(xmlError(html) ?? "")")
        #expect(!html.contains("<script>") && !html.contains("<b>bold"))
        #expect(html.contains("<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>"))
        #expect(html.contains("&amp;amp; \"q\" 'a'"))
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt; &amp; *system*"))
        #expect(externalReferences(html).isEmpty, "\(externalReferences(html))")

        let md = MarkdownReport.render(result, report: spec.report)
        // Outside code spans, no raw HTML and no Markdown syntax from the data.
        var outside = ""
        var inCode = false
        for ch in md {
            if ch == "`" { inCode.toggle(); continue }
            if !inCode { outside.append(ch) }
        }
        #expect(!outside.contains("<script") && !outside.contains("<b>"))
        #expect(md.contains("&lt;b&gt;bold&lt;/b&gt; &amp; \\*system\\*"))
        // Inside tables, every row has as many cells as the header: pipes are escaped.
        for block in md.components(separatedBy: "\n\n") where block.hasPrefix("| ") {
            let rows = block.split(separator: "\n").map { row in
                row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            }
            #expect(Set(rows).count == 1, "\(block.prefix(300))")
        }
        // A backtick in a label cannot close its code span, a line break cannot end a line.
        #expect(md.contains("`'tick'`"))
        #expect(md.contains("`line break`"))
        #expect(md.contains("`a\\|b`"))
    }

    static let golden = ReportTestSupport.root.appendingPathComponent("Fixtures/golden")

    /// The housing demo's reports, byte for byte; `VIGIE_UPDATE_GOLDEN=1` rewrites them.
    @Test func goldenHousingReports() throws {
        let update = ProcessInfo.processInfo.environment["VIGIE_UPDATE_GOLDEN"] == "1"
        for language in ReportLanguage.allCases {
            let doc = try S.fixtureDocument("housing", language: language)
            for (ext, text) in [("md", MarkdownReport.render(doc)), ("html", HTMLReport.render(doc))] {
                let file = Self.golden.appendingPathComponent("housing-\(language.rawValue).\(ext)")
                if update {
                    try Data(text.utf8).write(to: file)
                    continue
                }
                let expected = try String(contentsOf: file, encoding: .utf8)
                if text != expected {
                    let a = text.split(separator: "\n", omittingEmptySubsequences: false), b = expected.split(separator: "\n", omittingEmptySubsequences: false)
                    let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                    Issue.record("\(file.lastPathComponent) differs at line \(line + 1): got «\(line < a.count ? a[line] : "")», expected «\(line < b.count ? b[line] : "")» (VIGIE_UPDATE_GOLDEN=1 to accept)")
                }
            }
        }
    }

    /// `vigie demo` (and `--lang fr`) writes exactly the golden reports, and `vigie verify` passes.
    @Test func demoWritesTheGoldenReports() throws {
        let scratch = Scratch()
        for language in ReportLanguage.allCases {
            let out = scratch.folder()
            let run = try CLI.run(["demo", "--quiet", "--lang", language.rawValue, "--out", out.path])
            #expect(run.status == 0, "\(run.stderr)")
            for ext in ["md", "html"] {
                let written = try Data(contentsOf: out.appendingPathComponent("report.\(ext)"))
                let golden = try Data(contentsOf: Self.golden.appendingPathComponent("housing-\(language.rawValue).\(ext)"))
                #expect(written == golden, "report.\(ext) in \(language) differs from the golden file")
            }
            let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
            #expect(manifest.contains("\"report.html\""))
            // The fixtures are found by name in --inputs: the manifest records no path when the
            // audit folder and the inputs share no folder but the root (/tmp and the clone).
            let verify = try CLI.run(["verify", out.path, "--inputs", CLI.root.appendingPathComponent("Fixtures/housing").path])
            #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        }
    }

    @Test func reportJSONCarriesLanguageCardAndAssessment() throws {
        let (result, report) = try S.fixture("housing", language: .fr)
        let json = try JSONSerialization.jsonObject(with: ReportJSON.render(result, report: report)) as! [String: Any]
        #expect(json["schema_version"] as? String == "1.3")
        #expect(json["language"] as? String == "fr")
        let system = try #require(json["system"] as? [String: Any])
        #expect(system["hosting"] as? String == "serveurs de la Métropole")
        #expect((system["fria"] as? [String: Any])?["period"] as? String == "en continu, commissions hebdomadaires")
        let assessment = try #require(json["assessment"] as? [String: Any])
        let concerns = try #require(assessment["concerns"] as? [[String: Any]])
        #expect(concerns.map { $0["id"] as! String } == ConventionConcern.allCases.map(\.rawValue))
        let legal = try #require(assessment["legal"] as? [[String: Any]])
        #expect(legal.last?["id"] as? String == "four_fifths")
        let evidence = try #require((concerns.first?["evidence"] as? [[String: Any]])?.first)
        #expect((evidence["text"] as? String)?.hasPrefix("sur les motifs suspects") == true)
    }
}
