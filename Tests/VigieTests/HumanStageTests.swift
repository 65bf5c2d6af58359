import TestSupport
import AuditApplication
import AuditData
import AuditMetrics
import Foundation
import ModelAudit
import Testing

/// The human decision after the grid (issue 15, `docs/human-stage.md`): the housing demo
/// against pandas, scikit-learn and statsmodels (Fixtures/reference/human), the exact stage
/// split, thread independence, a commission planted to override one group, disclosure
/// control and located errors.
@Suite(.serialized) final class HumanStageTests {
    let scratch = Scratch()

    /// The demo's human stage on one thread, computed once for the suite.
    static let demo = Result { try housing(threads: 1) }

    static func housing(threads: Int = 1) throws -> HumanStageResult {
        let spec = try AuditSpec(contentsOfFile: CLI.root.appendingPathComponent("Fixtures/housing/audit.yaml").path)
        let (store, grid) = try AuditPipeline.load(spec)
        let result = try AuditPipeline.compute(store: store, spec: spec, threads: threads)
        let model = try #require(try AuditPipeline.computeModel(store: store, spec: spec, result: result, grid: grid, threads: threads))
        return try #require(model.human)
    }

    static func close(_ x: Double?, _ y: Double?, _ tolerance: Double = 1e-9, _ what: String) {
        guard let x, let y else { Issue.record("\(what): \(String(describing: x)) vs \(String(describing: y))"); return }
        #expect(abs(x - y) <= tolerance * max(1, abs(y)), "\(what): \(x) vs \(y)")
    }

    @Test func demoMatchesTheReferenceTools() throws {
        let h = try Self.demo.get()
        let url = CLI.root.appendingPathComponent("Fixtures/reference/human/human_reference.json")
        let reference = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let overall = try #require(reference["overall"] as? [String: Double])
        func entry(_ name: String) -> MetricEntry? { h.overall.first { $0.name == name } }
        Self.close(entry("grid_agreement")?.value.value, overall["agreement"], 1e-12, "agreement")
        Self.close(entry("cohen_kappa")?.value.value, overall["kappa"], 1e-12, "kappa (sklearn)")
        Self.close(entry("cohen_kappa_se")?.value.value, overall["kappa_se"], 1e-12, "kappa SE (statsmodels)")
        Self.close(entry("cohen_kappa")?.interval?.low, overall["kappa_low"], 1e-9, "kappa low")
        Self.close(entry("cohen_kappa")?.interval?.high, overall["kappa_high"], 1e-9, "kappa high")
        let segments = try #require(reference["segments"] as? [String: [String: Double]])
        #expect(h.segments.map(\.label) == segments.keys.sorted())
        for s in h.segments {
            Self.close(s[.cohenKappa]?.value.value, segments[s.label]?["kappa"], 1e-12, "kappa \(s.label)")
            Self.close(s[.gridAgreement]?.value.value, segments[s.label]?["agreement"], 1e-12, "agreement \(s.label)")
        }
        var compared = 0
        for name in ["nationalite", "age"] {
            let expected = try #require(reference[name] as? [String: Any])
            let a = try #require(h[name])
            #expect(a.reference == expected["reference"] as? String)
            let groups = try #require(expected["groups"] as? [String: [String: Double]])
            for (label, values) in groups {
                let g = try #require(a.groups.first { $0.label == label }, "\(name)=\(label)")
                #expect(Double(g.count) == values["count"])
                for (key, value) in values where key != "count" {
                    let x: Double? = switch key {
                    case "mh_low": g[.mhOddsRatio]?.interval?.low
                    case "mh_high": g[.mhOddsRatio]?.interval?.high
                    default: g.entry(named: key)?.value.value
                    }
                    Self.close(x, value, key.hasSuffix("p_value") ? 1e-6 : 1e-9, "\(name)=\(label) \(key)")
                    compared += 1
                }
            }
        }
        #expect(compared == 82)
        // The issue's figures: the grid selects 66+ most, the decision least.
        let age = try #require(h["age"])
        let senior = try #require(age[">=66"])
        #expect(abs(try #require(senior[.actualSelectionRate]?.value.value) - 0.0815) < 0.0001)
    }

    /// Kaplan–Meier medians within bands and the stratified log-rank test against statsmodels
    /// (`SurvfuncRight`, `survdiff(strata=)`): a median beyond the follow-up is undefined.
    @Test func waitsAtEqualPointsMatchStatsmodels() throws {
        let h = try Self.demo.get()
        let url = CLI.root.appendingPathComponent("Fixtures/reference/human/human_reference.json")
        let reference = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let waits = try #require(reference["waits"] as? [String: Any])
        let age = try #require(h["age"])
        for group in ["[36,51)", ">=66"] {
            for band in [1, 2] {
                let entry = try #require(age[group]?[.kmMedianWaitBand(band)])
                if let expected = waits["\(group)|\(band)"] as? Double {
                    Self.close(entry.value.value, expected, 1e-12, "\(group) band \(band)")
                } else {
                    #expect(entry.value.status == "undefined" && entry.value.reason?.contains("beyond the follow-up") == true, "\(group) band \(band)")
                }
            }
        }
        for name in ["age", "nationalite"] {
            let expected = try #require(waits["logrank|\(name)"] as? [Double])
            let a = try #require(h[name])
            Self.close(a.aggregates.first { $0.name == "stratified_logrank_chi2" }?.value.value, expected[0], 1e-9, "\(name) chi2")
            Self.close(a.aggregates.first { $0.name == "stratified_logrank_p_value" }?.value.value, expected[1], 1e-9, "\(name) p")
        }
    }

    /// grid_stage_gap + human_stage_gap = actual gap: exactly as fractions over n_g·n_r, and
    /// to the last bits as published doubles; the actual gap is the audit's own
    /// selection-rate difference.
    @Test func stageSplitAddsUpExactly() throws {
        let h = try Self.demo.get()
        var checked = 0
        for a in h.attributes {
            for g in a.groups where !g.isReference && !g.isSuppressed {
                guard let actual = g[.actualGap]?.value.value, let grid = g[.gridStageGap]?.value.value,
                      let human = g[.humanStageGap]?.value.value else { continue }
                #expect(abs(grid + human - actual) <= 4 * Double.ulpOfOne * max(1, abs(actual)), "\(a.name)=\(g.label)")
                checked += 1
            }
        }
        #expect(checked >= 9)
        // The exact numerators, on a small table by hand: group 3 of 10 selected by the grid,
        // 2 by the people; reference 5 of 20 and 8 of 20.
        let cells = [SIMD4(6, 1, 2, 1), SIMD4(10, 5, 2, 3)]
        let s = try #require(StageSplit.split(cells: cells, reference: 1, groups: [0], inference: InferenceSpec(), replicates: 0, stream: 0, threads: 1).first)
        let exact = try #require(s.exact)
        #expect(exact.denominator == 200)
        #expect(exact.gridNumerator == 3 * 20 - 5 * 10)         // 0.3 − 0.25
        #expect(exact.gridNumerator + exact.humanNumerator == 2 * 20 - 8 * 10)   // 0.2 − 0.4
        #expect(s.gridStageGap == .defined(0.05))
        #expect(s.humanStageGap == .defined(-0.25))
        #expect(s.actualGap == .defined(-0.2))
    }

    /// Same inputs and seed: the same result on 1 and 4 threads, bootstrap intervals included.
    @Test func sameResultWhateverTheThreads() throws {
        let one = try Self.demo.get()
        let four = try Self.housing(threads: 4)
        #expect(one == four)
        let gap = try #require(one["age"]?[">=66"]?[.humanStageGap]?.bootstrapInterval)
        #expect(gap.method == .bootstrapBCa && gap.high < 0)
    }

    /// A grid and applicants in which the commission, after the grid, drops 40 % of the
    /// applicants of group C it selects (on top of everyone's 10 % overrides out and 3 %
    /// overrides in); criteria independent of the group. C's human-stage gap and odds ratio
    /// at equal points name it; its grid-stage gap stays near 0; B, untouched, is not named.
    @Test func aCommissionOverridingOneGroupIsNamed() throws {
        let folder = scratch.folder()
        let grid = folder.appendingPathComponent("grid.yaml")
        try Data("""
        name: grille plantée
        id: id
        criteria:
          - {name: anciennete, column: mois, per_unit: 1, cap: 60}
          - {name: urgence, column: urgence, flag: 30}
        allocation:
          rule: capacity
          segment_by: [typ]
          capacity: {segments: [{typ: T1, k: 300}, {typ: T2, k: 300}]}
        tie_break: [mois desc, id asc]
        """.utf8).write(to: grid)
        var random = SplitMix64(state: 15)
        var rows: [(id: String, group: String, mois: Int, urgence: Bool, typ: String)] = []
        for i in 0..<6_000 {
            let u = random.uniform()
            rows.append((String(format: "a%05d", i), u < 0.6 ? "A" : (u < 0.85 ? "B" : "C"), random.int(80), random.uniform() < 0.2,
                         random.uniform() < 0.5 ? "T1" : "T2"))
        }
        // The grid's selection, computed here: the top 300 of each segment by points, then
        // months descending, then id.
        func points(_ r: (id: String, group: String, mois: Int, urgence: Bool, typ: String)) -> Int { min(r.mois, 60) + (r.urgence ? 30 : 0) }
        var selected = Set<String>()
        for typ in ["T1", "T2"] {
            let ranked = rows.filter { $0.typ == typ }.sorted {
                (points($0), $0.mois, $1.id) > (points($1), $1.mois, $0.id)
            }
            selected.formUnion(ranked.prefix(300).map(\.id))
        }
        var csv = "id,groupe,mois,urgence,typ,decision\n"
        for r in rows {
            let chosen = selected.contains(r.id)
            let decided = chosen ? random.uniform() >= (r.group == "C" ? 0.5 : 0.1) : random.uniform() < 0.03
            csv += "\(r.id),\(r.group),\(r.mois),\(r.urgence ? "oui" : "non"),\(r.typ),\(decided ? 1 : 0)\n"
        }
        let data = folder.appendingPathComponent("d.csv")
        try Data(csv.utf8).write(to: data)
        let out = folder.appendingPathComponent("out")
        let run = try CLI.run(["audit", "--data", data.path, "--protected", "groupe", "--decision", "decision", "--model", grid.path,
                               "--reference", "groupe=A", "--quiet", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as! [String: Any]
        let human = try #require((json["model"] as? [String: Any])?["human"] as? [String: Any])
        #expect(human["grid_selected"] as? Int == 600)
        let attribute = try #require((human["attributes"] as? [[String: Any]])?.first)
        let groups = try #require(attribute["groups"] as? [[String: Any]])
        func metric(_ group: String, _ name: String) throws -> [String: Any] {
            let g = try #require(groups.first { $0["group"] as? String == group })
            return try #require((g["metrics"] as? [String: Any])?[name] as? [String: Any], "\(group) \(name)")
        }
        func value(_ group: String, _ name: String) throws -> Double { try #require(try metric(group, name)["value"] as? Double) }
        func bounds(_ group: String, _ name: String, _ key: String = "ci") throws -> (Double, Double) {
            let ci = try #require(try metric(group, name)[key] as? [String: Any])
            return (try #require(ci["low"] as? Double), try #require(ci["high"] as? Double))
        }
        // C: named after the grid, not by it.
        #expect(abs(try value("C", "grid_stage_gap")) < 0.03)
        #expect(try bounds("C", "human_stage_gap", "bootstrap_ci").1 < -0.02)
        #expect(try bounds("C", "mh_odds_ratio").1 < 0.6)
        #expect(try value("C", "cmh_p_value") < 1e-6)
        let findings = try #require(attribute["findings"] as? [[String: Any]])
        let out_ = try #require(findings.first { $0["group"] as? String == "C" && $0["metric"] as? String == "override_out_rate" && $0["kind"] as? String == "difference" })
        #expect(out_["verdict"] as? String == "disparity", "\(out_)")
        // B: untouched.
        let (low, high) = try bounds("B", "mh_odds_ratio")
        #expect(low < 1 && high > 1)
        let (hl, hh) = try bounds("B", "human_stage_gap", "bootstrap_ci")
        #expect(hl < 0 && hh > 0)
        let csvText = try String(contentsOf: out.appendingPathComponent("model-metrics.csv"), encoding: .utf8)
        #expect(csvText.contains("\ngroupe,C,human_stage_gap,"))
        #expect(csvText.contains("\noverall,all,cohen_kappa,"))
        #expect(csvText.contains("\ntyp,T1,grid_agreement,"))
    }

    /// A group the audit suppresses keeps its count and no sub-count; a group of whom the
    /// grid selects fewer than min_cell_size has no override rate.
    @Test func smallGroupsAndCellsAreSuppressed() throws {
        let folder = scratch.folder()
        let grid = folder.appendingPathComponent("grid.yaml")
        try Data("""
        name: petite grille
        id: id
        criteria:
          - {name: anciennete, column: mois, per_unit: 1, cap: 60}
        allocation: {rule: threshold, threshold: 50}
        tie_break: [id asc]
        """.utf8).write(to: grid)
        var csv = "id,groupe,mois,decision\n"
        // grand: 100 rows, 20 selected by the grid; moyen: 60 rows, 4 selected; autre: 30 rows
        // (the audit's complementary cell); petit: 6 rows.
        for i in 0..<100 { csv += "g\(i),grand,\(i < 20 ? 55 : i % 40),\(i % 5 == 0 ? 1 : 0)\n" }
        for i in 0..<60 { csv += "m\(i),moyen,\(i < 4 ? 55 : i % 40),\(i % 4 == 0 ? 1 : 0)\n" }
        for i in 0..<30 { csv += "a\(i),autre,\(i < 10 ? 55 : i % 40),\(i % 3 == 0 ? 1 : 0)\n" }
        for i in 0..<6 { csv += "p\(i),petit,\(i < 3 ? 55 : 10),\(i % 2)\n" }
        let data = folder.appendingPathComponent("d.csv")
        try Data(csv.utf8).write(to: data)
        let out = folder.appendingPathComponent("out")
        let run = try CLI.run(["audit", "--data", data.path, "--protected", "groupe", "--decision", "decision", "--model", grid.path,
                               "--reference", "groupe=grand", "--min-group-size", "5", "--quiet", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOf: out.appendingPathComponent("model-metrics.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let humanNames = ["actual_selection_rate", "override_in_rate", "override_out_rate", "human_stage_gap", "mh_odds_ratio"]
        let petit = lines.filter { l in l.hasPrefix("groupe,petit,") && humanNames.contains { l.hasPrefix("groupe,petit,\($0),") } }
        #expect(!petit.isEmpty)
        #expect(petit.allSatisfy { $0.contains(",suppressed,") && $0.contains(",6,suppressed,") }, "\(petit)")
        let moyen = lines.filter { $0.hasPrefix("groupe,moyen,override_") }
        #expect(!moyen.isEmpty && moyen.allSatisfy { $0.contains(",suppressed,") }, "\(moyen)")
        #expect(lines.contains { $0.hasPrefix("groupe,moyen,actual_selection_rate,0.25,60,ok") }, "\(lines.filter { $0.hasPrefix("groupe,moyen,actual") })")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as! [String: Any]
        let human = try #require((json["model"] as? [String: Any])?["human"] as? [String: Any])
        let findings = try #require((human["attributes"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])
        let named = Set(findings.compactMap { $0["group"] as? String })
        #expect(!named.contains("petit") && !named.contains("moyen") && !named.contains("autre"), "\(named)")
    }

    @Test func segmentsThatDifferAreLocatedErrors() throws {
        let folder = scratch.folder()
        let grid = folder.appendingPathComponent("grid.yaml")
        try Data("""
        name: grille
        id: id
        criteria:
          - {name: anciennete, column: mois, per_unit: 1, cap: 60}
        allocation:
          rule: capacity
          segment_by: [typ]
          capacity: {segments: [{typ: T1, k: 2}, {typ: T9, k: 1}]}
        tie_break: [id asc]
        """.utf8).write(to: grid)
        var csv = "id,groupe,mois,typ,decision\n"
        for i in 0..<40 { csv += "r\(i),\(i % 2 == 0 ? "a" : "b"),\(i),T1,\(i % 7 == 0 ? 1 : 0)\n" }
        let data = folder.appendingPathComponent("d.csv")
        try Data(csv.utf8).write(to: data)
        let out = folder.appendingPathComponent("out")
        let args = ["audit", "--data", data.path, "--protected", "groupe", "--decision", "decision", "--model", grid.path, "--quiet", "--out", out.path]
        let declared = try CLI.run(args)
        #expect(declared.status == 2, "\(declared.stdout)\(declared.stderr)")
        #expect(declared.stderr.contains("grid.yaml") && declared.stderr.contains("T9") && declared.stderr.contains("allocation.capacity.segments"), "\(declared.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "no partial output")

        // A data segment with no capacity in which the decision selects someone.
        try Data(csv.replacingOccurrences(of: "r7,b,7,T1,1", with: "r7,b,7,T2,1").utf8).write(to: data)
        try Data(String(contentsOf: grid, encoding: .utf8).replacingOccurrences(of: ", {typ: T9, k: 1}", with: "").utf8).write(to: grid)
        let undeclared = try CLI.run(args)
        #expect(undeclared.status == 2, "\(undeclared.stdout)\(undeclared.stderr)")
        #expect(undeclared.stderr.contains("d.csv:9") && undeclared.stderr.contains("T2"), "\(undeclared.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "no partial output")

        // A decision the grid's selection cannot be compared with.
        try Data(csv.replacingOccurrences(of: "r5,b,5,T1,0", with: "r5,b,5,T1,peut-être").utf8).write(to: data)
        let notBinary = try CLI.run(args)
        #expect(notBinary.status == 2, "\(notBinary.stdout)\(notBinary.stderr)")
        #expect(notBinary.stderr.contains("d.csv:7") && notBinary.stderr.contains("decision"), "\(notBinary.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "no partial output")

        // An applicant without a segment.
        try Data(csv.replacingOccurrences(of: "r3,b,3,T1,0", with: "r3,b,3,,0").utf8).write(to: data)
        let missing = try CLI.run(args)
        #expect(missing.status == 2, "\(missing.stdout)\(missing.stderr)")
        #expect(missing.stderr.contains("d.csv:5") && missing.stderr.contains("typ"), "\(missing.stderr)")
    }
}
