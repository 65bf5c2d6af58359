import TestSupport
import Foundation
import Testing

/// `vigie stats` and `vigie merge` (`docs/holders.md`), run as holders and a coordinator would:
/// the merge of holders' bundles gives the pooled audit's `metrics.csv` and `findings.csv`
/// byte for byte; `holders.csv`'s Mantel–Haenszel, CMH and Breslow–Day values equal statsmodels'
/// (`Fixtures/reference/holders/`); disclosure control covers the holders' cells; bundles that
/// do not belong together are refused with exit 2 and nothing written.
@Suite("HolderMerge")
struct HolderMergeTests {
    let scratch = Scratch()

    static let housingArguments = ["--protected", "nationalite", "--protected", "sexe", "--protected", "age:18,26,36,51,66",
                                   "--protected", "handicap", "--protected", "commune_souhaitee", "--label", "besoin_prioritaire",
                                   "--decision", "propose_caleol", "--score", "score_total"]

    /// The housing sample split into holders by `holderOf(line index, fields)`.
    func split(into count: Int, holderOf: (Int, [Substring]) -> Int) throws -> (pooled: String, holders: [String]) {
        let folder = scratch.folder()
        let text = try String(contentsOfFile: RepositoryPaths.housing("applicants-sample.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var parts = [[Substring]](repeating: [lines[0]], count: count)
        for (i, line) in lines.dropFirst().enumerated() where !line.isEmpty {
            parts[holderOf(i, line.split(separator: ",", omittingEmptySubsequences: false))].append(line)
        }
        let paths = parts.enumerated().map { folder.appendingPathComponent("holder-\($0.offset).csv").path }
        for (path, part) in zip(paths, parts) { try (part.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8) }
        return (RepositoryPaths.housing("applicants-sample.csv"), paths)
    }

    func bundles(_ holders: [String], _ arguments: [String]) throws -> [String] {
        var made: [String] = []
        for (i, path) in holders.enumerated() {
            let out = scratch.folder().appendingPathComponent("h\(i).vstats").path
            let r = try CLI.run(["stats", "--data", path, "--quiet", "--out", out, "--holder", "landlord-\(i)"] + arguments)
            #expect(r.status == 0, "\(r.stderr)")
            made.append(out)
        }
        return made
    }

    func same(_ a: URL, _ b: URL, _ name: String) throws -> Bool {
        try Data(contentsOf: a.appendingPathComponent(name)) == Data(contentsOf: b.appendingPathComponent(name))
    }

    @Test("holders split by rows, and by commune (categories united): metrics.csv and findings.csv byte-identical to the pooled audit, with a bootstrap and small cells")
    func mergeEqualsPooled() throws {
        for (count, holderOf) in [(3, { (i: Int, _: [Substring]) in i % 3 }),
                                  (3, { (_: Int, f: [Substring]) in f[2].first.map { $0 < "M" ? 0 : $0 == "M" ? 1 : 2 } ?? 2 })] {
            let (pooled, holders) = try split(into: count, holderOf: holderOf)
            let arguments = Self.housingArguments + ["--min-cell-size", "25", "--bootstrap", "100"]
            let reference = scratch.folder()
            #expect(try CLI.run(["audit", "--data", pooled, "--quiet", "--out", reference.path] + arguments).status == 0)
            let merged = scratch.folder()
            let r = try CLI.run(["merge", "--quiet", "--out", merged.path] + (try bundles(holders, arguments)))
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try same(reference, merged, "metrics.csv"))
            #expect(try same(reference, merged, "findings.csv"))
            let files = try FileManager.default.contentsOfDirectory(atPath: merged.path).sorted()
            #expect(files == ["findings.csv", "holders.csv", "manifest.json", "metrics.csv", "report.html", "report.json", "report.md"])
        }
    }

    @Test("holders.csv against statsmodels' StratifiedTable and pandas (Fixtures/reference/holders)")
    func holdersAgainstStatsmodels() throws {
        struct Reference: Decodable {
            struct Rate: Decodable { let attribute, group, holder: String; let n: Int; let selection_rate: Double }
            struct Test: Decodable {
                let attribute, group, reference: String
                let informative_holders: Int
                let mh_odds_ratio, ci_low, ci_high, cmh_chi2, cmh_p, cmh_p_adjusted, breslow_day_chi2, breslow_day_p, breslow_day_p_adjusted: Double
            }
            let rates: [Rate]
            let tests: [Test]
        }
        let expected = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.reference("holders/holders_reference.json"))))
        let paths = ["north", "centre", "south"].map { RepositoryPaths.reference("holders/holder-\($0).csv") }
        let arguments = ["--protected", "origin", "--protected", "sex", "--label", "label", "--decision", "decision",
                         "--reference", "origin=A", "--reference", "sex=F", "--min-cell-size", "0"]
        var made: [String] = []
        for (i, path) in paths.enumerated() {
            let out = scratch.folder().appendingPathComponent("\(i).vstats").path
            // By default a holder is named after its data file: holder-north.
            #expect(try CLI.run(["stats", "--quiet", "--data", path, "--out", out] + arguments).status == 0)
            made.append(out)
        }
        let merged = scratch.folder()
        let r = try CLI.run(["merge", "--quiet", "--out", merged.path] + made)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try String(contentsOf: merged.appendingPathComponent("holders.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        func row(_ attribute: String, _ group: String, _ holder: String, _ metric: String) -> [String]? {
            rows.first { $0[0] == attribute && $0[1] == group && $0[3] == holder && $0[4] == metric }
        }
        for rate in expected.rates {
            let line = try #require(row(rate.attribute, rate.group, "holder-" + rate.holder, "selection_rate"), "\(rate)")
            #expect(Int(line[6]) == rate.n)
            #expect(isClose(Double(line[5]), rate.selection_rate, tolerance: 1e-14))
        }
        #expect(rows.filter { $0[4] == "selection_rate" }.count == expected.rates.count, "no rate for a group absent at a holder")
        for test in expected.tests {
            let or = try #require(row(test.attribute, test.group, "all", "mh_odds_ratio"))
            #expect(or[2] == test.reference)
            #expect(isClose(Double(or[5]), test.mh_odds_ratio, tolerance: 1e-12))
            #expect(isClose(Double(or[9]), test.ci_low, tolerance: 1e-12))
            #expect(isClose(Double(or[10]), test.ci_high, tolerance: 1e-12))
            let cmh = try #require(row(test.attribute, test.group, "all", "cmh_chi2"))
            #expect(isClose(Double(cmh[5]), test.cmh_chi2, tolerance: 1e-12))
            #expect(isClose(Double(cmh[12]), test.cmh_p, tolerance: 1e-12))
            #expect(isClose(Double(cmh[13]), test.cmh_p_adjusted, tolerance: 1e-12))
            let bd = try #require(row(test.attribute, test.group, "all", "breslow_day_chi2"))
            #expect(isClose(Double(bd[5]), test.breslow_day_chi2, tolerance: 1e-11))
            #expect(isClose(Double(bd[12]), test.breslow_day_p, tolerance: 1e-11))
            #expect(isClose(Double(bd[13]), test.breslow_day_p_adjusted, tolerance: 1e-11))
            #expect(Int(try #require(row(test.attribute, test.group, "all", "informative_holders"))[5]) == test.informative_holders)
        }
    }

    @Test("disclosure: a holder's small cell and its complement are hidden, no rate published for them, the tests that would give them away withheld")
    func holderCellsAreControlled() throws {
        let (_, holders) = try split(into: 3, holderOf: { i, _ in i % 3 })
        let arguments = Self.housingArguments + ["--min-cell-size", "25"]
        let merged = scratch.folder()
        #expect(try CLI.run(["merge", "--quiet", "--out", merged.path] + (try bundles(holders, arguments))).status == 0)
        let rows = try String(contentsOf: merged.appendingPathComponent("holders.csv"), encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let breakdown = rows.filter { $0[4] == "selection_rate" }
        let small = breakdown.filter { (Int($0[6]) ?? 0) < 25 }
        #expect(!small.isEmpty, "the split has small holder cells")
        #expect(small.allSatisfy { $0[7] == "suppressed" && $0[5].isEmpty })
        // Each (attribute, group) line across holders, and each (attribute, holder) line across
        // groups, has 0 or at least 2 hidden cells: none is the published total minus the rest.
        for key in Set(breakdown.map { "\($0[0])|\($0[1])" }) {
            let hidden = breakdown.filter { "\($0[0])|\($0[1])" == key && $0[7] == "suppressed" }.count
            #expect(hidden != 1, "\(key)")
        }
        for key in Set(breakdown.map { "\($0[0])|\($0[3])" }) {
            let hidden = breakdown.filter { "\($0[0])|\($0[3])" == key && $0[7] == "suppressed" }.count
            #expect(hidden != 1, "\(key)")
        }
        // A group with a hidden holder cell (or whose reference has one) has no published test.
        for test in rows.filter({ $0[3] == "all" && $0[4] == "mh_odds_ratio" }) {
            let involved = breakdown.filter { $0[0] == test[0] && ($0[1] == test[1] || $0[1] == test[2]) }
            if involved.contains(where: { $0[7] == "suppressed" }) { #expect(test[7] == "suppressed", "\(test)") }
        }
    }

    @Test("refused with exit 2 and nothing written: one bundle, different specs, a tampered bundle, a file that is not a bundle, a model spec, quantile bands")
    func refusals() throws {
        let (_, holders) = try split(into: 2, holderOf: { i, _ in i % 2 })
        let a = try bundles([holders[0]], Self.housingArguments)[0]
        let b = try bundles([holders[1]], Self.housingArguments + ["--intersections", "1"])[0]
        let out = scratch.folder().appendingPathComponent("out")
        var r = try CLI.run(["merge", "--out", out.path, a])
        #expect(r.status == 2 && r.stderr.contains("at least two"))
        r = try CLI.run(["merge", "--out", out.path, a, b])
        #expect(r.status == 2 && r.stderr.contains("another spec"), "\(r.stderr)")
        r = try CLI.run(["merge", "--out", out.path, a, a])
        #expect(r.status == 2 && r.stderr.contains("also the holder"), "\(r.stderr)")
        let tampered = scratch.folder().appendingPathComponent("t.vstats").path
        let text = try String(contentsOfFile: a, encoding: .utf8)
        try text.replacingOccurrences(of: "\"holder\" : \"landlord-0\"", with: "\"holder\" : \"x\"")
            .replacingOccurrences(of: "\"scored_rows\" : ", with: "\"scored_rows\" : -").write(toFile: tampered, atomically: true, encoding: .utf8)
        r = try CLI.run(["merge", "--out", out.path, a, tampered])
        #expect(r.status == 2 && r.stderr.contains("t.vstats"), "\(r.stderr)")
        r = try CLI.run(["merge", "--out", out.path, a, RepositoryPaths.housing("applicants-sample.csv")])
        #expect(r.status == 2 && r.stderr.contains("line 1"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let bundle = scratch.folder().appendingPathComponent("m.vstats").path
        r = try CLI.run(["stats", "--spec", RepositoryPaths.housing("audit.yaml"), "--out", bundle])
        #expect(r.status == 2 && r.stderr.contains("model"), "\(r.stderr)")
        r = try CLI.run(["stats", "--data", holders[0], "--protected", "age:q4", "--decision", "propose_caleol", "--out", bundle])
        #expect(r.status == 2 && r.stderr.contains("quantiles"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: bundle))
    }

    @Test("a bundle is deterministic, says on its first line that it is confidential, and holds no row")
    func bundleContent() throws {
        let (_, holders) = try split(into: 2, holderOf: { i, _ in i % 2 })
        let one = try bundles([holders[0]], Self.housingArguments)[0]
        let two = try bundles([holders[0]], Self.housingArguments + ["--threads", "1"])[0]
        #expect(try Data(contentsOf: URL(fileURLWithPath: one)) == Data(contentsOf: URL(fileURLWithPath: two)))
        let text = try String(contentsOfFile: one, encoding: .utf8)
        #expect(text.hasPrefix("VIGIE STATISTICS BUNDLE — CONFIDENTIAL"))
        #expect(!text.contains("034-2023-"), "no identifier")
        #expect(text.contains("\"sha256\""))
    }

    @Test("vigie merge --lang fr: the report and the command's messages in French; without it, the bundles' spec's language")
    func mergeSpeaksTheLanguageAsked() throws {
        let (_, holders) = try split(into: 2, holderOf: { i, _ in i % 2 })
        let made = try bundles(holders, Self.housingArguments)
        let french = scratch.folder()
        let r = try CLI.run(["merge", "--lang", "fr", "--out", french.path] + made)
        #expect(r.status == 0, "\(r.stderr)")
        let said = r.stdout.replacingOccurrences(of: "\u{202F}", with: " ")
        #expect(said.hasPrefix("2 détenteurs fusionnés : 5000 lignes auditées comme une seule population ; "), "\(r.stdout)")
        #expect(said.contains("\nRapport : "), "\(r.stdout)")
        let text = FrenchCommandTests.words(r.stdout + r.stderr, removing: [french.path])
        for word in EnglishWords.list { #expect(!EnglishWords.contains(text, word), "English «\(word)» in: \(r.stdout)\(r.stderr)") }
        let html = try String(contentsOf: french.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<html lang=\"fr\""))
        let english = scratch.folder()
        let e = try CLI.run(["merge", "--out", english.path] + made)
        #expect(e.status == 0 && e.stdout.hasPrefix("Merged 2 holders: 5000 rows audited as one population; "), "\(e.stdout)\(e.stderr)")
        #expect(try String(contentsOf: english.appendingPathComponent("report.html"), encoding: .utf8).contains("<html lang=\"en\""))
        // A bad --map under --lang fr: the French frame.
        let bad = try CLI.run(["merge", "--lang", "fr", "--map", "x", "--out", scratch.folder().path] + made)
        #expect(bad.status == 2 && bad.stderr.hasPrefix("erreur"), "\(bad.stderr)")
    }
}
