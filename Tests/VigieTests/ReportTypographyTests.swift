import AuditData
@testable import AuditReport
import Foundation
import Testing

/// The form of the reports for people (issue 17, points 2, 3, 4 and 7): French typography,
/// intervals, ratios next to their threshold, the order of category labels, the page's
/// structure. Expected values are worked out by hand from the rules in `Typography`,
/// `NumberStyle`, `LabelOrder` and `HTMLReport`.
@Suite struct ReportTypographyTests {
    typealias S = ReportTestSupport
    let en = Catalogue.english.numbers
    let fr = Catalogue.french.numbers
    static let nnbsp = "\u{202F}"

    // MARK: French spaces

    @Test func frenchSpacesBeforeHighPunctuationAndInsideGuillemets() {
        let set = { (s: String) in Typography.set(s, language: .fr) }
        #expect(set("Tolérance : 5 points ; voir ci-dessous !") == "Tolérance\u{202F}: 5 points\u{202F}; voir ci-dessous\u{202F}!")
        #expect(set("Conclure?") == "Conclure\u{202F}?")                 // a missing space is added
        #expect(set("a\u{a0}: b") == "a\u{202F}: b")                        // a no-break space becomes the narrow one
        #expect(set("« disparité »") == "«\u{202F}disparité\u{202F}»")
        #expect(set("«disparité»") == "«\u{202F}disparité\u{202F}»")
        // Tokens are left alone: a time, an address, a query string, a ratio.
        #expect(set("à 04:45, https://example.org/?x=1, 3:1") == "à 04:45, https://example.org/?x=1, 3:1")
        // Idempotent, and English is left as written.
        #expect(set(set("Résumé : a ; b")) == set("Résumé : a ; b"))
        #expect(Typography.set("Note: a; b", language: .en) == "Note: a; b")
        // Across runs: a text run opening with a colon after a data label takes its space.
        let runs = Typography.set([.label("FR"), .text(": 12 %")], language: .fr)
        #expect(runs == [.label("FR"), .text("\u{202F}: 12 %")])
    }

    @Test func missingGroupIsAWordForPeopleButACodeForMachines() {
        #expect(Typography.missingGroup("unknown", language: .fr) == "inconnu")
        #expect(Typography.missingGroup("FR*unknown", language: .fr) == "FR*inconnu")
        #expect(Typography.missingGroup("unknown (missing)", language: .fr) == "inconnu (manquant)")
        #expect(Typography.missingGroup("unknownish", language: .fr) == "unknownish")
        #expect(Typography.missingGroup("unknown", language: .en) == "unknown")
    }

    // MARK: Numbers

    @Test func intervalsAreUnambiguousWithADecimalComma() {
        #expect(fr.interval(0.8, 1.25, 2) == "[0,80\u{202F};\u{a0}1,25]")
        #expect(en.interval(0.8, 1.25, 2) == "[0.80, 1.25]")
        #expect(fr.range(0.12, 0.34, 2) == "[0,12\u{202F};\u{a0}0,34]")
        #expect(en.range(0.12, 0.34, 2) == "0.12–0.34")
        #expect(fr.signedRange(-3.4, 0.6, 1) == "[−3,4\u{202F};\u{a0}+0,6]")
    }

    @Test func aRatioBelowTheThresholdNeverPrintsAsTheThreshold() {
        #expect(en.ratio(0.7988, against: 0.8) == "0.799")            // 0.80 would read as meeting the rule
        #expect(fr.ratio(0.7988, against: 0.8) == "0,799")
        #expect(en.ratio(0.795, against: 0.8) == "0.795")
        #expect(en.ratio(0.79999996, against: 0.8) == "0.799999")     // cut, not rounded, at 6 decimals
        #expect(en.ratio(0.8, against: 0.8) == "0.80")                // at the threshold: meets it
        #expect(en.ratio(0.8123, against: 0.8) == "0.81")
        #expect(en.ratio(0.5, against: 0.8) == "0.50")
        #expect(en.ratio(1.2, against: 0.8) == "1.20")
    }

    // MARK: Order of labels

    @Test func labelsSortInFrenchDictionaryOrderAndBandsByTheirLowerBound() {
        #expect(LabelOrder.sorted(["Prades-le-Lez", "Pérols", "Montpellier", "Lattes"]) == ["Lattes", "Montpellier", "Pérols", "Prades-le-Lez"])
        #expect(LabelOrder.sorted(["50+", "25-49", "<25"]) == ["<25", "25-49", "50+"])
        #expect(LabelOrder.sorted([">=66", "[26,36)", "<18", "[18,26)"]) == ["<18", "[18,26)", "[26,36)", ">=66"])
        #expect(LabelOrder.sorted(["Greater than 45", "Less than 25", "25 - 45"]) == ["Less than 25", "25 - 45", "Greater than 45"])
        #expect(LabelOrder.sorted(["etre", "Été", "été", "ete"]) == ["ete", "été", "Été", "etre"])
        #expect(LabelOrder.sorted(["D10", "D2", "D1"]) == ["D1", "D2", "D10"])
        #expect(LabelOrder.sorted(["œuvre", "oeuf", "ofa"]) == ["oeuf", "œuvre", "ofa"])
        // Bands before words; equal keys fall back to bytes, so the order is total.
        #expect(LabelOrder.sorted(["non", "10-19", "oui"]) == ["10-19", "non", "oui"])
        let labels = ["Pérols", "pérols", "Perols", "perols", "<25", "25-49", "50+", "hors_UE", "UE", "FR"]
        let once = LabelOrder.sorted(labels)
        for shift in 1..<labels.count {
            #expect(LabelOrder.sorted(Array(labels[shift...] + labels[..<shift])) == once)
        }
    }

    // MARK: The rendered French housing report

    /// The French housing demo's report, as text a person reads: Markdown, and HTML without
    /// its style sheet, tags and data labels (code spans are data, shown literally).
    static func frenchTexts() throws -> [(String, String)] {
        let doc = try S.fixtureDocument("housing", language: .fr)
        var md = MarkdownReport.render(doc)
        md = md.replacingOccurrences(of: "`[^`\n]*`", with: "x", options: .regularExpression)
        md = md.replacingOccurrences(of: "\\]\\([^)]*\\)", with: "]", options: .regularExpression)   // link targets
        for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"), ("\\[", "["), ("\\]", "]")] { md = md.replacingOccurrences(of: entity, with: char) }
        var html = HTMLReport.render(doc)
        html = html.replacingOccurrences(of: "(?s)<style>.*?</style>", with: "", options: .regularExpression)
        html = html.replacingOccurrences(of: "(?s)<code>.*?</code>", with: "x", options: .regularExpression)
        html = html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            html = html.replacingOccurrences(of: entity, with: char)
        }
        return [("report.md", md), ("report.html", html)]
    }

    @Test func frenchHousingReportFollowsFrenchTypography() throws {
        for (name, text) in try Self.frenchTexts() {
            // No ordinary or no-break space before ; : ! ? — only the narrow one.
            let wrongSpace = text.ranges(of: "[ \u{a0}][;:!?]")
            #expect(wrongSpace.isEmpty, "\(name): \(Self.context(text, wrongSpace))")
            // No punctuation glued to the word before it (a sentence's, followed by a space or the end of a line).
            let glued = text.ranges(of: "[\\p{L}\\p{N})\\]»%][;:!?](?=[ \n]|$)")
            #expect(glued.isEmpty, "\(name): \(Self.context(text, glued))")
            // Guillemets take the narrow space inside, never an ordinary one.
            #expect(text.ranges(of: "«[ \u{a0}]|[ \u{a0}]»").isEmpty, "\(name)")
            // No English word for the missing group; intervals with a semicolon.
            #expect(text.ranges(of: "\\bunknown\\b").isEmpty, "\(name)")
            #expect(!text.ranges(of: "\\[0,80\u{202F};[ \u{a0}]1,25\\]").isEmpty, "\(name)")
            #expect(text.contains("inconnu"), "\(name)")
        }
    }

    /// The first few matches with the 20 characters before each.
    static func context(_ text: String, _ ranges: [Range<String.Index>]) -> [String] {
        ranges.prefix(3).map { r -> String in
            let start = text.index(r.lowerBound, offsetBy: -20, limitedBy: text.startIndex) ?? text.startIndex
            return String(text[start..<r.upperBound])
        }
    }

    // MARK: The page

    @Test func htmlHasTwoLevelContentsNumberedFiguresAndPrintsOnA4() throws {
        let doc = try S.fixtureDocument("housing", language: .en)
        let html = HTMLReport.render(doc)
        let md = MarkdownReport.render(doc)
        // Two-level contents, with anchors that exist.
        let nav = try #require(html.range(of: "(?s)<nav class=\"toc\".*?</nav>", options: .regularExpression).map { String(html[$0]) })
        #expect(nav.contains("<ol>\n<li>") && nav.contains("</a>\n<ol>\n<li>"))
        for anchor in nav.ranges(of: "href=\"#[^\"]+\"").map({ String(nav[$0]).dropFirst(7).dropLast() }) {
            #expect(html.contains("id=\"\(anchor)\""), "no target for #\(anchor)")
        }
        // Every chart has a visible numbered title before it and its data table after it, named.
        let figures = doc.figureNumbers
        #expect(figures.count == html.ranges(of: "<div class=\"chart-box chart-wide\"><svg ").count + html.ranges(of: "<div class=\"chart-box\"><svg ").count)
        for n in 1...figures.count {
            #expect(html.contains("<figcaption>Figure \(n) — "), "figure \(n)")
            #expect(html.contains("Data of figure \(n)<") || html.contains("Data of figure \(n) ("), "data of figure \(n)")
            #expect(md.contains("**Figure \(n) — "), "figure \(n) in Markdown")
        }
        // A4, no forced page break, long tables folded but printed open, no script.
        #expect(html.contains("@page { size: A4"))
        #expect(!html.contains("break-before: page") && !html.contains("page-break-before"))
        #expect(html.contains("<details class=\"long\">") && html.contains("details::details-content { content-visibility: visible"))
        #expect(!html.contains("<script"))
        // Provenance on the first page: the data file's SHA-256 before the first section.
        let firstSection = try #require(html.range(of: "<section"))
        let head = html[..<firstSection.lowerBound]
        let data = try Data(contentsOf: S.root.appendingPathComponent("Fixtures/housing/applicants-sample.csv"))
        #expect(head.contains(Self.sha256(data)))
        #expect(head.contains("Vigie "))
        #expect(md.prefix(2000).contains(Self.sha256(data)))
    }

    static func sha256(_ data: Data) -> String {
        let tool = Process()
        tool.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tool.arguments = ["sha256sum"]
        let input = Pipe(), output = Pipe()
        tool.standardInput = input
        tool.standardOutput = output
        try? tool.run()
        input.fileHandleForWriting.write(data)
        try? input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        tool.waitUntilExit()
        return String(text.prefix(64))
    }
}

private extension String {
    func ranges(of pattern: String) -> [Range<String.Index>] {
        guard let re = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]) else { return [] }
        return re.matches(in: self, range: NSRange(startIndex..., in: self)).compactMap { Range($0.range, in: self) }
    }
}
