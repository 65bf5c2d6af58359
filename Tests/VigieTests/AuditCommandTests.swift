import TestSupport
import DecisionModels
import AuditAssessment
import AuditApplication
import Foundation
import Testing

@Suite(.serialized) final class AuditCommandTests {
    let scratch = Scratch()

    static let compasArguments = [
        "audit", "--data", RepositoryPaths.compas, "--protected", "race", "--protected", "sex", "--protected", "age_cat",
        "--label", "two_year_recid", "--decision", "decile_score", "--decision-threshold", "5",
        "--decision-is", "unfavourable", "--reference", "race=Caucasian", "--quiet",
    ]

    /// The committed COMPAS spec gives the same figures as the flags.
    @Test func compasSpecFile() throws {
        let out = scratch.folder()
        let run = try CLI.run(["audit", "--spec", CLI.root.appendingPathComponent("Fixtures/compas/audit.yaml").path, "--quiet", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let m = try CLI.metrics(out)
        #expect(abs(m["race|African-American|fpr"]!.value! - 0.4485) < 0.00005)
        #expect(abs(m["race|Caucasian|fnr"]!.value! - 0.4772) < 0.00005)
        // Unfavourable decision: the impact ratio compares rates of *not* being flagged, with the
        // maximum over groups of at least 30 rows (Native American, 18 rows, is left out).
        let aaLow = 1 - m["race|African-American|selection_rate"]!.value!
        let best = ["African-American", "Asian", "Caucasian", "Hispanic", "Other"].map { 1 - m["race|\($0)|selection_rate"]!.value! }.max()!
        #expect(abs(m["race|African-American|impact_ratio"]!.value! - aaLow / best) < 1e-12)
        #expect(m["race|African-American|adverse_impact"]!.value == 1)
    }

    /// ProPublica's published table on all 7,214 rows: FPR 44.85 % vs 23.45 %, FNR 27.99 % vs 47.72 %.
    @Test func reproducesProPublica() throws {
        let out = scratch.folder()
        let run = try CLI.run(Self.compasArguments + ["--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let m = try CLI.metrics(out)
        #expect(abs(m["race|African-American|fpr"]!.value! - 0.4485) < 0.00005)
        #expect(abs(m["race|Caucasian|fpr"]!.value! - 0.2345) < 0.00005)
        #expect(abs(m["race|African-American|fnr"]!.value! - 0.2799) < 0.00005)
        #expect(abs(m["race|Caucasian|fnr"]!.value! - 0.4772) < 0.00005)
        #expect(m["overall|all|count"]!.value == 7214)
        // Asian women (2 rows) are below the disclosure threshold: the count is published,
        // the rates are not (disclosure control, k = 10 by default).
        #expect(m["race*sex|Asian*Female|count"]!.value == 2)
        #expect(m["race*sex|Asian*Female|ppv"]!.status == "suppressed")
        #expect(m["race*sex|Asian*Female|ppv"]!.value == nil)
        // Without disclosure control: they have no positive decision, so PPV is undefined, never 0.
        let open = scratch.folder()
        #expect(try CLI.run(Self.compasArguments + ["--min-cell-size", "0", "--out", open.path]).status == 0)
        let raw = try CLI.metrics(open)
        #expect(raw["race*sex|Asian*Female|ppv"]!.status == "undefined")
        #expect(raw["race*sex|Asian*Female|ppv"]!.value == nil)
        let md = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(md.contains("## Summary") && md.contains("## Detailed findings"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as! [String: Any]
        #expect(json["schema_version"] as? String == "1.3")
    }

    @Test func sameInputsGiveIdenticalBytesOnOneOrTwoThreads() throws {
        let a = scratch.folder(), b = scratch.folder(), c = scratch.folder()
        let bootstrap = ["--bootstrap", "300", "--seed", "42"]
        #expect(try CLI.run(Self.compasArguments + bootstrap + ["--out", a.path, "--threads", "1"]).status == 0)
        #expect(try CLI.run(Self.compasArguments + bootstrap + ["--out", b.path, "--threads", "2"]).status == 0)
        #expect(try CLI.run(Self.compasArguments + ["--bootstrap", "300", "--seed", "43", "--out", c.path]).status == 0)
        let seed42 = try String(contentsOf: a.appendingPathComponent("metrics.csv"), encoding: .utf8)
        let seed43 = try String(contentsOf: c.appendingPathComponent("metrics.csv"), encoding: .utf8)
        #expect(seed42.contains("bootstrap_bca"))
        #expect(seed42 != seed43, "another seed gives other bootstrap intervals")
        for file in ["report.json", "metrics.csv", "findings.csv", "report.md"] {
            let x = try Data(contentsOf: a.appendingPathComponent(file))
            let y = try Data(contentsOf: b.appendingPathComponent(file))
            #expect(x == y, "\(file) differs between 1 and 2 threads")
        }
    }

    @Test func demoWritesTheThreeReportsAndFailOnDisparityGates() throws {
        let out = scratch.folder().appendingPathComponent("nested/report")
        let demo = try CLI.run(["demo", "--out", out.path])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("Audited 5000 rows"))
        for file in ["report.json", "metrics.csv", "findings.csv", "report.md", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path))
        }
        // The planted disparity (hors_UE, impact ratio ≈ 0.73) trips the gate.
        let gate = try CLI.run(["audit", "--spec", CLI.root.appendingPathComponent("Fixtures/housing/audit.yaml").path, "--intersections", "1", "--fail-on-disparity", "--quiet", "--out", scratch.folder().path])
        #expect(gate.status == 1)
        // Sex has no planted effect: no gate failure on it alone.
        let sexOnly = try CLI.run(["audit", "--spec", CLI.root.appendingPathComponent("Fixtures/housing/audit.yaml").path, "--protected", "sexe", "--reference", "sexe=M", "--fail-on-disparity", "--quiet", "--out", scratch.folder().path])
        #expect(sexOnly.status == 0, "\(sexOnly.stderr)")
        // The verdict gate: disability is a mandated priority (the card's mandated_priorities)
        // with a large, certain gap in its favour: intended, so neither gate trips on it.
        let spec = CLI.root.appendingPathComponent("Fixtures/housing/audit.yaml").path
        let handicap = try CLI.run(["audit", "--spec", spec, "--protected", "handicap", "--reference", "handicap=non", "--fail-on-verdict", "--quiet", "--out", scratch.folder().path])
        #expect(handicap.status == 0, "\(handicap.stderr)")
        #expect(!handicap.stderr.contains("handicap=oui"))
        let handicapRatio = try CLI.run(["audit", "--spec", spec, "--protected", "handicap", "--reference", "handicap=non", "--fail-on-disparity", "--quiet", "--out", scratch.folder().path])
        #expect(handicapRatio.status == 0, "the non-disabled are not adverse impact: \(handicapRatio.stderr)")
        let sexVerdict = try CLI.run(["audit", "--spec", spec, "--protected", "sexe", "--reference", "sexe=M", "--fail-on-verdict", "--quiet", "--out", scratch.folder().path])
        #expect(sexVerdict.status == 0, "\(sexVerdict.stderr)")
    }

    /// `score_mean` per group against a plain computation on the fixture (split on commas:
    /// the sample has no quoted fields).
    @Test func scoreMeanMatchesAPlainComputation() throws {
        let out = scratch.folder()
        #expect(try CLI.run(["demo", "--quiet", "--out", out.path]).status == 0)
        let text = try String(contentsOf: CLI.root.appendingPathComponent("Fixtures/housing/applicants-sample.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let nat = lines[0].firstIndex(of: "nationalite")!, score = lines[0].firstIndex(of: "score_total")!
        var sums: [String: (Double, Int)] = [:]
        for row in lines.dropFirst() {
            let group = row[nat].isEmpty ? "unknown" : row[nat]
            let (s, n) = sums[group] ?? (0, 0)
            sums[group] = (s + Double(row[score])!, n + 1)
        }
        let m = try CLI.metrics(out)
        for (group, (sum, n)) in sums {
            #expect(abs(m["nationalite|\(group)|score_mean"]!.value! - sum / Double(n)) < 1e-12, "\(group)")
        }
    }

    /// The water demo: allocation audit, tariff bills and affordability, drought, under the
    /// metric names of the issue; and the tariff comparison.
    @Test func waterDemoAndTariffComparison() throws {
        let out = scratch.folder()
        let run = try CLI.run(["demo", "water", "--quiet", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let m = try CLI.metrics(out)
        for name in ["gini", "theil_t", "ge_2", "atkinson_0.5", "cv", "palma", "allocation_mean", "allocation_median", "allocation_per_capita", "shortfall_share", "bill_mean", "effort_above_3pct_share"] {
            #expect(m["overall|all|\(name)"]?.status == "ok", "overall \(name)")
        }
        // Zeros in the volumes: Theil L and Atkinson ε = 1 are undefined, with a reason.
        #expect(m["overall|all|theil_l"]?.status == "undefined")
        #expect(m["overall|all|atkinson_1"]?.status == "undefined")
        #expect(m["overall|all|atkinson_2"]?.status == "undefined")
        for name in ["theil_t_between", "theil_t_within"] { #expect(m["type_compteur|all|\(name)"]?.status == "ok") }
        let total = m["overall|all|theil_t"]!.value!
        #expect(abs(m["type_compteur|all|theil_t_between"]!.value! + m["type_compteur|all|theil_t_within"]!.value! - total) < 1e-12)
        // Drought shares of the cut add up to 1 across a partition.
        let shares = ["individuel", "collectif"].map { m["type_compteur|\($0)|drought_reduction_share"]!.value! }
        #expect(abs(shares.reduce(0, +) - 1) < 1e-12)
        let compare = scratch.folder()
        let water = CLI.root.appendingPathComponent("Fixtures/water")
        let c = try CLI.run(["compare", "--spec", water.appendingPathComponent("audit.yaml").path,
                             "--tariff", water.appendingPathComponent("tariff-2023.yaml").path,
                             "--tariff", water.appendingPathComponent("tariff-alternative.yaml").path, "--out", compare.path])
        #expect(c.status == 0, "\(c.stderr)")
        let csv = try String(contentsOf: compare.appendingPathComponent("compare.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("attribute,group,households,bill_mean_a,bill_mean_b,bill_change_mean,share_paying_more,share_paying_less"))
    }

    /// Bills by hand under the 2023 tariff: 90 m³ on an individual meter = 0.95 × 75 (water)
    /// + 18 (subscription) + 2.31 × 90 (sanitation) + 5.5 % VAT on water and subscription;
    /// on a collective meter = 1.16 × 90 + 1.78 + 2.31 × 90 + 5.5 % × (104.4 + 1.78).
    @Test func billsByHand() throws {
        let folder = scratch.folder()
        let data = folder.appendingPathComponent("h.csv")
        try Data("id,meter,persons,volume,income\n1,individuel,4,90,30000\n2,collectif,4,90,30000\n".utf8).write(to: data)
        let out = folder.appendingPathComponent("out")
        let run = try CLI.run(["audit", "--data", data.path, "--protected", "meter", "--allocation", "volume", "--per", "persons",
                               "--tariff", CLI.root.appendingPathComponent("Fixtures/water/tariff-2023.yaml").path, "--meter", "meter",
                               "--income", "income", "--min-group-size", "1", "--min-cell-size", "0", "--quiet", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let m = try CLI.metrics(out)
        let individual = 0.95 * 75 + 18 + 2.31 * 90 + 0.055 * (0.95 * 75 + 18)
        let collective = 1.16 * 90 + 1.78 + 2.31 * 90 + 0.055 * (1.16 * 90 + 1.78)
        #expect(abs(m["meter|individuel|bill_mean"]!.value! - individual) < 1e-9)
        #expect(abs(m["meter|collectif|bill_mean"]!.value! - collective) < 1e-9)
        // Water part per m³: 0.95 × 75 / 90 with the free band; 1.16 flat on the collective meter.
        #expect(abs(m["meter|individuel|water_price_per_m3"]!.value! - 0.95 * 75 / 90) < 1e-12)
        #expect(abs(m["meter|collectif|water_price_per_m3"]!.value! - 1.16) < 1e-12)
    }

    /// A meter type the tariff does not know is an error at its line and column; missing
    /// incomes and negative volumes are warnings naming the first line.
    @Test func waterInputProblemsAreLocated() throws {
        let folder = scratch.folder()
        let tariff = CLI.root.appendingPathComponent("Fixtures/water/tariff-2023.yaml").path
        let bad = folder.appendingPathComponent("bad.csv")
        try Data("id,meter,persons,volume,income\n1,individuel,2,50,20000\n2,mixte,3,70,30000\n".utf8).write(to: bad)
        let run = try CLI.run(["audit", "--data", bad.path, "--protected", "meter", "--allocation", "volume", "--per", "persons",
                               "--tariff", tariff, "--meter", "meter", "--income", "income", "--out", folder.appendingPathComponent("o1").path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad.csv:3:2"), "\(run.stderr)")
        #expect(run.stderr.contains("'mixte'"))
        let odd = folder.appendingPathComponent("odd.csv")
        try Data("id,meter,persons,volume,income\n1,individuel,2,50,20000\n2,collectif,3,-4,\n3,collectif,1,30,15000\n".utf8).write(to: odd)
        let warned = try CLI.run(["audit", "--data", odd.path, "--protected", "meter", "--allocation", "volume", "--per", "persons",
                                  "--tariff", tariff, "--meter", "meter", "--income", "income", "--min-group-size", "1", "--min-cell-size", "0", "--out", folder.appendingPathComponent("o2").path])
        #expect(warned.status == 0, "\(warned.stderr)")
        #expect(warned.stderr.contains("'income' has 1 missing value (first on line 3)"))
        #expect(warned.stderr.contains("'volume' has 1 negative value (first on line 3)"))
    }

    @Test func reportsHoldNoInputRow() throws {
        let out = scratch.folder()
        #expect(try CLI.run(["demo", "--quiet", "--out", out.path]).status == 0)
        let sample = try String(contentsOf: CLI.root.appendingPathComponent("Fixtures/housing/applicants-sample.csv"), encoding: .utf8)
        let ids = sample.split(separator: "\n").dropFirst().prefix(500).map { String($0.split(separator: ",")[0]) }
        for file in ["report.json", "metrics.csv", "report.md"] {
            let text = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            #expect(!ids.contains { text.contains($0) }, "\(file) contains an applicant id")
        }
    }

    /// Bad input: a clear error naming file, line and column; exit 2; nothing written; input untouched.
    @Test(arguments: [
        ("ragged.csv", "sex,y,d\nM,1,0\nF,1\n", ":3", "expected 3 fields"),
        ("quote.csv", "sex,y,d\nM,1,0\n\"F,1,0\n", ":3", "quoted field"),
        ("bad-label.csv", "sex,y,d\nM,1,0\nF,peut-être,1\n", ":3:2", "expected a yes/no label"),
        ("empty.csv", "", "empty.csv", "header"),
        ("utf8.csv", "sex,y,d\nM\u{FF},1,0\n", ":2", "UTF-8"),
    ] as [(String, String, String, String)])
    func badInputFails(_ name: String, _ content: String, location: String, message: String) throws {
        let folder = scratch.folder()
        let data = folder.appendingPathComponent(name)
        var bytes = Data(content.utf8)
        if name == "utf8.csv" { bytes = Data("sex,y,d\nM".utf8) + Data([0xFF, 0xFE]) + Data(",1,0\n".utf8) }
        try bytes.write(to: data)
        let out = folder.appendingPathComponent("out")
        let run = try CLI.run(["audit", "--data", data.path, "--protected", "sex", "--label", "y", "--decision", "d", "--out", out.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains(name), "\(run.stderr)")
        #expect(run.stderr.contains(location), "\(run.stderr)")
        #expect(run.stderr.lowercased().contains(message.lowercased()), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "no partial output")
        #expect(try Data(contentsOf: data) == bytes, "input unchanged")
    }

    /// Weighted audits bootstrap rows (Poisson multipliers), with percentile intervals,
    /// reproducibly on any number of threads.
    @Test func weightedBootstrapResamplesRows() throws {
        let a = scratch.folder(), b = scratch.folder()
        let arguments = ["audit", "--data", CLI.root.appendingPathComponent("Fixtures/reference/small_weighted.csv").path, "--protected", "grp",
                         "--label", "y", "--decision", "yhat", "--weight", "w", "--bootstrap", "200", "--seed", "5", "--min-group-size", "1", "--min-cell-size", "0", "--quiet"]
        #expect(try CLI.run(arguments + ["--threads", "1", "--out", a.path]).status == 0)
        #expect(try CLI.run(arguments + ["--threads", "2", "--out", b.path]).status == 0)
        let x = try Data(contentsOf: a.appendingPathComponent("report.json")), y = try Data(contentsOf: b.appendingPathComponent("report.json"))
        #expect(x == y)
        let csv = try String(contentsOf: a.appendingPathComponent("metrics.csv"), encoding: .utf8)
        #expect(csv.contains("bootstrap_percentile"))
        #expect(!csv.contains("bootstrap_bca"))
    }

    @Test func badUsageExitsWithTwo() throws {
        let unknownFlag = try CLI.run(["audit", "--colour", "red"])
        #expect(unknownFlag.status == 2)
        let noProtected = try CLI.run(["audit", "--data", RepositoryPaths.compas, "--decision", "two_year_recid"])
        #expect(noProtected.status == 2)
        #expect(noProtected.stderr.contains("protected"))
        let badReference = try CLI.run(["audit", "--data", RepositoryPaths.compas, "--protected", "race", "--decision", "two_year_recid", "--reference", "race=Martian", "--out", scratch.folder().path])
        #expect(badReference.status == 2)
        #expect(badReference.stderr.contains("Martian") && badReference.stderr.contains("Caucasian"))
        let folder = scratch.folder()
        let spec = folder.appendingPathComponent("audit.yaml")
        try Data("data: x.csv\nprotected: [sex]\ndecision: y\nthreshold: 0.8\n".utf8).write(to: spec)
        let badSpec = try CLI.run(["audit", "--spec", spec.path])
        #expect(badSpec.status == 2)
        #expect(badSpec.stderr.contains("audit.yaml:4"), "\(badSpec.stderr)")
        #expect(badSpec.stderr.contains("threshold"))
        let help = try CLI.run(["audit", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Examples"))
    }

    @Test func initDraftsASpecThatRuns() throws {
        let folder = scratch.folder()
        let draft = try CLI.run(["init", "--data", CLI.root.appendingPathComponent("Fixtures/housing/applicants-sample.csv").path])
        #expect(draft.status == 0)
        #expect(draft.stdout.contains("column: \"sexe\""))  // every scalar from the data quoted (InjectionTests)
        #expect(draft.stdout.contains("column: \"nationalite\""))
        let spec = folder.appendingPathComponent("audit.yaml")
        try Data(draft.stdout.utf8).write(to: spec)
        let run = try CLI.run(["audit", "--spec", spec.path, "--decision", "propose_caleol", "--quiet", "--out", folder.appendingPathComponent("out").path])
        #expect(run.status == 0, "\(run.stderr)\n\(draft.stdout)")
    }

    @Test func generateIsDeterministic() throws {
        let a = try CLI.run(["generate", "housing", "--rows", "300", "--seed", "11"])
        let b = try CLI.run(["generate", "housing", "--rows", "300", "--seed", "11"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.split(separator: "\n").count == 301)
    }
}
