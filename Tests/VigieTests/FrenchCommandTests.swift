import AuditApplication
import AuditAssessment
import AuditData
@testable import AuditReport
import Foundation
import Testing
import TestSupport

/// Issue 17, "no English under `--lang fr`", "raw codes never face citizens", "out of N",
/// "Letter only by choice" and "the context in report.json": the command's messages, the
/// data warnings, the charts' labels, the French agreement, the paper, `assessment.context`.
@Suite struct FrenchCommandTests {
    typealias S = ReportTestSupport

    /// Text left when the paths, file names and quoted names are taken out: what must be French.
    static func words(_ text: String, removing folders: [String]) -> String {
        var t = text.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{a0}", with: " ")
        for f in folders { t = t.replacingOccurrences(of: f, with: "") }
        for quoted in t.matches(of: /'[^']*'/).map({ String($0.output) }) { t = t.replacingOccurrences(of: quoted, with: "") }
        // File names (report.html, manifest.json) and command words (vigie verify, --fail-on-…).
        return t.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," }).filter { !$0.contains(".") && !$0.hasPrefix("-") && $0 != "vigie" && $0 != "verify" }.joined(separator: " ")
    }

    @Test func demoVerifyAndRegisterSpeakFrench() throws {
        let scratch = Scratch()
        let out = scratch.folder().appendingPathComponent("demo")
        let demo = try CLI.run(["demo", "--lang", "fr", "--out", out.path])
        #expect(demo.status == 0, "\(demo.stderr)")
        let verify = try CLI.run(["verify", out.path, "--lang", "fr", "--inputs", CLI.root.appendingPathComponent("Fixtures/housing").path])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.hasPrefix("Vérifié "), "\(verify.stdout)")
        let register = try CLI.run(["register", "--format", "etalab", out.path, "--lang", "fr"])
        #expect(register.status == 0, "\(register.stderr)")
        #expect(register.stdout.contains("inventaire des algorithmes publics d'Etalab"), "\(register.stdout)")
        let water = scratch.folder().appendingPathComponent("water")
        let waterRun = try CLI.run(["demo", "water", "--lang", "fr", "--out", water.path])
        #expect(waterRun.status == 0, "\(waterRun.stderr)")
        for run in [demo, verify, register, waterRun] {
            let text = Self.words(run.stdout + "\n" + run.stderr, removing: [out.path, water.path])
            #expect(!text.isEmpty)
            for word in EnglishWords.list { #expect(!EnglishWords.contains(text, word), "English «\(word)» in: \(run.stdout)\(run.stderr)") }
        }
        // The same commands in English say it in English.
        let english = try CLI.run(["verify", out.path, "--inputs", CLI.root.appendingPathComponent("Fixtures/housing").path])
        #expect(english.stdout.hasPrefix("Verified "), "\(english.stdout)")
    }

    /// A failed verification in French: the header lines and the closing line.
    @Test func aFailedVerificationInFrench() throws {
        let scratch = Scratch()
        let out = scratch.folder().appendingPathComponent("demo")
        #expect(try CLI.run(["demo", "--quiet", "--out", out.path]).status == 0)
        let run = try CLI.run(["verify", out.path, "--lang", "fr", "--inputs", scratch.folder().path])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("Entrées qui ne correspondent pas au manifeste"), "\(run.stdout)")
        #expect(run.stderr.replacingOccurrences(of: "\u{202F}", with: " ").contains("vigie : la vérification de \(out.path) a échoué : 3 problèmes"), "\(run.stderr)")
        let lines = run.stdout.replacingOccurrences(of: "\u{202F}", with: " ").split(separator: "\n").dropFirst()
        #expect(lines.count == 3 && lines.allSatisfy { $0.contains(" : introuvable (cherché : ") }, "\(run.stdout)")
        #expect(lines.contains { $0.hasPrefix("  données applicants-sample.csv") }, "\(run.stdout)")
    }

    /// Every verification problem: English exactly as before (`description`), French from the catalogue.
    @Test func verificationProblemsInBothLanguages() {
        let all: [VerificationProblem] = [
            .inputChanged(role: "data", path: "/d.csv", sha256: "ab", bytes: 3, recordedSHA256: "cd", recordedBytes: 4),
            .inputMissing(role: "spec", name: "audit.yaml", candidates: ["a/audit.yaml", "audit.yaml"]),
            .outputMissing(name: "report.md", folder: "rapports"), .outputNotRegular(name: "report.md"), .outputNoLongerWritten(name: "x.csv"),
            .outputDiffers(name: "report.md", line: 3, expected: "a", found: nil), .outputDiffers(name: "report.md", line: nil, expected: nil, found: nil),
            .outputHashMismatch(name: "report.md", recordedSHA256: "ef"), .notRecorded(name: "y.csv"),
            .otherVersion(what: "scan", made: "0.0.9", current: "0.1.0"), .otherCommit(what: "amendment", made: "abc", current: "def"),
        ]
        for p in all {
            #expect(p.text(.en) == p.description)
            let text = Self.words(p.text(.fr), removing: [])
            for word in EnglishWords.list { #expect(!EnglishWords.contains(text, word), "English «\(word)» in: \(p.text(.fr))") }
        }
        #expect(all[5].description == "report.md: differs from the re-run, first at line 3: expected «a», found end of file")
        #expect(all[1].description == "spec audit.yaml: missing (looked for 'a/audit.yaml', 'audit.yaml')")
        #expect(all[5].text(.fr) == "report.md : diffère de la nouvelle exécution, d'abord à la ligne 3 : attendu «a», trouvé fin du fichier")
    }

    /// Every data warning: English exactly as `report.json` records it (`description`), French
    /// with no English word (the names it quotes left out).
    @Test func dataWarningsInBothLanguages() {
        let all: [DataWarning] = [
            .duplicateColumn(name: "race"), .allNegative(role: "label"), .allPositive(role: "decision"),
            .unknownIsCategory(attribute: "sexe"), .unknownAndMissing(attribute: "sexe", literalRows: 2, missingRows: 3, missingLabel: "unknown (missing)"),
            .tiedQuantiles(attribute: "revenu", groups: 3, asked: 5),
            .referenceFallback(attribute: "a*b", reference: "x"), .missingScores(count: 4, column: "score"),
            .holder(name: "nord", warning: .duplicateColumn(name: "race")),
        ] + DataWarning.Effect.allCases.flatMap { e in [true, false].map { DataWarning.valuesLeftOut(column: "v", count: 2, negative: $0, line: 7, effect: e) } }
        let en = ReportText(.en), fr = ReportText(.fr)
        for w in all {
            #expect(en.warning(w) == w.description)
            let text = Self.words(fr.warning(w), removing: [])
            for word in EnglishWords.list { #expect(!EnglishWords.contains(text, word), "English «\(word)» in: \(fr.warning(w))") }
        }
        #expect(DataWarning.valuesLeftOut(column: "v", count: 1, negative: true, line: 4, effect: .inequalityIndices).description
                == "column 'v' has 1 negative value (first on line 4): the inequality indices are undefined for allocations below 0")
        #expect(fr.warning(.valuesLeftOut(column: "v", count: 2, negative: false, line: 3, effect: .shortfall))
                == "la colonne 'v' a 2 valeurs manquantes (la première ligne 3) : ces ménages sont exclus des chiffres de manque")
    }

    /// The housing demo in French: no code the spec names in a chart, no "la décision
    /// proposé", the grid's scores out of 290.
    @Test func theFrenchReportNamesWhatItShows() throws {
        let doc = try S.fixtureDocument("housing", language: .fr)
        let html = HTMLReport.render(doc)
        let svg = html.matches(of: /<svg[\s\S]*?<\/svg>/).map { String($0.output) }.joined()
        #expect(!svg.isEmpty)
        for code in ["hors_UE", "propose_caleol", "residence_qpv", "nationalite", ">FR<", ">F<", ">M<"] {
            #expect(!svg.contains(code), "\(code) in a chart")
        }
        #expect(svg.contains(">hors UE<"))
        #expect(svg.contains("Ratios d&apos;impact\u{202F}: nationalité"))
        #expect(!html.contains("la décision proposé"))
        #expect(html.contains("la décision «\u{202F}proposé par la commission d'attribution (CALEOL)\u{202F}»"))
        #expect(html.contains("score moyen (sur 290)"))
        #expect(html.contains("@page { size: A4;"))
        // No French template puts a label straight after a feminine noun it would have to agree with.
        let french = MessageKey.allCases.map { Catalogue.french.template($0) }
        for template in french {
            #expect(!template.contains("la décision {decision}") && !template.contains("le label {label}"), "\(template)")
        }
    }

    @Test func letterOnlyWhenAsked() throws {
        var (result, report) = try S.fixture("water")
        #expect(HTMLReport.render(result, report: report).contains("@page { size: A4; margin: 16mm 14mm; }"))
        report.paper = .letter
        let letter = HTMLReport.render(result, report: report)
        #expect(letter.contains("@page { size: Letter; margin: 16mm 14mm; }"))
        #expect(!letter.contains("size: A4"))
        _ = result
        // The spec's key, and the flag that overrides it, recorded for the manifest.
        let scratch = Scratch()
        let spec = scratch.folder().appendingPathComponent("audit.yaml")
        let csv = scratch.folder().appendingPathComponent("d.csv")
        try Data(S.csv([("A", 40, 20), ("B", 40, 10)]).utf8).write(to: csv)
        try Data("version: 1\ndata: \(csv.path)\nprotected: [g]\ndecision: d\npaper: letter\n".utf8).write(to: spec)
        let out = scratch.folder().appendingPathComponent("out")
        let run = try CLI.run(["audit", "--spec", spec.path, "--quiet", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8).contains("size: Letter"))
        let out2 = scratch.folder().appendingPathComponent("out2")
        #expect(try CLI.run(["audit", "--spec", spec.path, "--paper", "a4", "--quiet", "--out", out2.path]).status == 0)
        #expect(try String(contentsOf: out2.appendingPathComponent("report.html"), encoding: .utf8).contains("size: A4"))
        let bad = try CLI.run(["audit", "--spec", spec.path, "--paper", "a3", "--quiet", "--out", scratch.folder().appendingPathComponent("out3").path])
        #expect(bad.status == 2)
    }

    /// `assessment.context`: without a French public body's card, no convention and no CRPA
    /// item in report.json, as in report.html.
    @Test func reportJSONAssessesTheConventionOnlyForAFrenchPublicBody() throws {
        let csv = S.csv([("A", 40, 20), ("B", 40, 10)])
        let generic = try S.audit(csv: csv, spec: S.spec())
        let json = try JSONSerialization.jsonObject(with: ReportJSON.render(generic)) as? [String: Any]
        let a = try #require(json?["assessment"] as? [String: Any])
        #expect(a["context"] as? String == "generic")
        #expect(a["objectives"] == nil && a["concerns"] == nil)
        let legal = (a["legal"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(!legal.isEmpty && !legal.contains { $0.hasPrefix("crpa_") })
        var card = SystemCard()
        card.values[.jurisdiction] = ["FR"]
        card.values[.sector] = ["public"]
        let french = try S.audit(csv: csv, spec: S.spec(card: card))
        let fj = try JSONSerialization.jsonObject(with: ReportJSON.render(french, report: ReportSpec(system: card))) as? [String: Any]
        let fa = try #require(fj?["assessment"] as? [String: Any])
        #expect(fa["context"] as? String == "french_public_body")
        #expect((fa["objectives"] as? [Any])?.count == 4 && (fa["concerns"] as? [Any])?.count == 8)
        #expect(((fa["legal"] as? [[String: Any]]) ?? []).contains { ($0["id"] as? String)?.hasPrefix("crpa_") == true })
    }

    /// vigie amend in French: targets in words with a decimal comma (not `impact_ratio>=0.8`),
    /// metric names in words, and nouns and verbs agreeing with a count of 1.
    @Test func amendInFrenchAgreesWithItsCounts() throws {
        let scratch = Scratch()
        let folder = scratch.folder()
        let data = folder.appendingPathComponent("applicants.csv"), grid = folder.appendingPathComponent("grid.yaml")
        try Data(PlantedApplicants.csv(rows: 1_000, seed: 20_261_203).utf8).write(to: data)
        try Data(AmendCommandTests.grid.utf8).write(to: grid)
        let out = folder.appendingPathComponent("amend")
        let run = try CLI.run(["amend", "--model", grid.path, "--data", data.path, "--protected", "nationalite", "--reference", "nationalite=FR",
                               "--target", "impact_ratio>=0.8", "--target", "score_gap<=30", "--candidates", "40", "--proposals", "1",
                               "--lang", "fr", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let said = run.stdout.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{a0}", with: " ")
        #expect(said.contains("grilles candidates évaluées ; 1 proposition, "), "\(run.stdout)")
        let md = try String(contentsOf: out.appendingPathComponent("amend.md"), encoding: .utf8)
            .replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{a0}", with: " ")
        #expect(md.contains("Cibles : ratio d'impact ≥ 0,8, écart de score moyen ≤ 30 points."), "\(md.prefix(600))")
        for raw in ["impact_ratio", "score_gap", "min_impact_ratio", "max_abs_score_gap", "1 propositions", "1 ne sont pas", "1 demandes"] {
            #expect(!md.contains(raw), "\(raw) in amend.md")
        }
        #expect(md.contains("ratio d'impact le plus bas : "), "\(md)")
        let front = try #require(md.firstMatch(of: /; (\d+) (n'est|ne sont) pas dominées?/))
        #expect((Int(front.output.1) == 1) == (front.output.2 == "n'est"), "\(front.output.0)")
    }

    /// Count-bearing sentences agree with their count in both languages: French is singular
    /// for 0 and 1, English for 1 only.
    @Test func singularAndPluralForms() {
        let fr = ReportText(.fr), en = ReportText(.en)
        #expect([0, 1, 2].map(fr.s) == ["", "", "s"] && [0, 1, 2].map(en.s) == ["s", "", "s"])
        let more = { (t: ReportText, n: Int) in ReportInline.plainText(t.runs(.findingsMore, one: .findingsMoreOne, count: n, ["count": .text(t.count(n)), "file": .text("f.csv")])) }
        #expect(more(fr, 1) == "… et 1 autre dans f.csv." && more(fr, 3) == "… et 3 autres dans f.csv.")
        #expect(more(en, 1) == "… and 1 more in f.csv.")
        let withheld = ReportInline.plainText(fr.runs(.headlineWithheld, one: .headlineWithheldOne, count: 1, ["count": .text("1")]))
        #expect(withheld.hasPrefix("1 autre comparaison avec une disparité est retenue"))
        // Every singular form has the placeholders of its plural form.
        let pairs: [(MessageKey, MessageKey)] = [(.headlineDisparities, .headlineDisparitiesOne), (.headlineWithheld, .headlineWithheldOne),
                                                 (.methodDisclosureAttribute, .methodDisclosureAttributeOne), (.scanPopulationTooSmall, .scanPopulationTooSmallOne),
                                                 (.findingsMore, .findingsMoreOne), (.summaryMdMore, .summaryMdMoreOne), (.cardUndeclared, .cardUndeclaredOne),
                                                 (.amendEvaluatedMany, .amendEvaluatedOne), (.amendFrontMany, .amendFrontOne)]
        for language in ReportLanguage.allCases {
            let c = Catalogue.of(language)
            for (many, one) in pairs { #expect(Catalogue.placeholders(in: c.template(many)) == Catalogue.placeholders(in: c.template(one)), "\(one)") }
        }
    }
}
