import TestSupport
import AuditApplication
import AuditData
import AuditMetrics
import AuditReport
import Foundation
import ModelAudit
import Testing

/// The decision model audited itself, on the housing demo: per-group values against pandas,
/// scipy and lifelines (Fixtures/reference/model), the exact score-gap decomposition, the
/// planted proxy, disclosure control, and the command line.
@Suite(.serialized) final class ModelAuditTests {
    let scratch = Scratch()

    static func housing() throws -> (AuditResult, ModelAuditResult) {
        let spec = try AuditSpec(contentsOfFile: CLI.root.appendingPathComponent("Fixtures/housing/audit.yaml").path)
        let (store, grid) = try AuditPipeline.load(spec)
        let result = try AuditPipeline.compute(store: store, spec: spec, threads: 1)
        let model = try #require(try AuditPipeline.computeModel(store: store, spec: spec, result: result, grid: grid))
        return (result, model)
    }

    @Test func groupValuesMatchTheReferenceTools() throws {
        let (_, model) = try Self.housing()
        let url = CLI.root.appendingPathComponent("Fixtures/reference/model/model_reference.json")
        let reference = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: [String: Any]])
        var compared = 0
        for (attribute, expected) in reference {
            let a = try #require(model[attribute])
            let groups = try #require(expected["groups"] as? [String: [String: Double]])
            for (label, values) in groups {
                let g = try #require(a.groups.first { $0.label == label })
                #expect(Double(g.count) == values["count"])
                for (name, value) in values where name != "count" {
                    let x = try #require(g.entry(named: name)?.value.value, "\(attribute)=\(label) \(name)")
                    #expect(abs(x - value) <= 1e-9 * max(1, abs(value)), "\(attribute)=\(label) \(name): \(x) vs \(value)")
                    compared += 1
                }
            }
            let v = try #require(expected["cramers_v_lien_commune"] as? Double)
            let lien = try #require(a.proxies?.ranked.first { $0.feature == "lien_commune" }?.value.value)
            #expect(abs(lien - v) < 1e-12)
        }
        #expect(compared == 25)
    }

    /// The parts of each score gap add up to the gap; lien_commune, planted as a proxy for
    /// nationality, comes first among the criteria associated with nationalite.
    @Test func gapPartsAddUpAndTheProxyIsFound() throws {
        let (_, model) = try Self.housing()
        for a in model.attributes {
            for (_, gap) in a.scoreGaps {
                let total = try #require(gap.gap.difference.value)
                let parts = gap.criteria.compactMap(\.part.difference.value).reduce(0, +)
                #expect(abs(parts - total) < 1e-9)
            }
            for (_, d) in a.oaxaca {
                let gap = try #require(d.gap.value), e = try #require(d.explained.value), u = try #require(d.unexplained.value)
                #expect(abs(e + u - gap) < 1e-9)
            }
        }
        #expect(model["nationalite"]?.proxies?.ranked.first?.feature == "lien_commune")
        #expect(model.selected == 462)
    }

    /// A 7-person group keeps its count and nothing else, and is in no decomposition.
    @Test func smallGroupsAreSuppressed() throws {
        let folder = scratch.folder()
        let grid = folder.appendingPathComponent("grid.yaml")
        try Data("""
        name: petite grille
        id: id
        criteria:
          - {name: anciennete, column: mois, per_unit: 1, cap: 24}
          - {name: urgence, column: urgence, flag: 30}
        allocation: {rule: threshold, threshold: 20}
        tie_break: [id asc]
        """.utf8).write(to: grid)
        var csv = "id,groupe,mois,urgence\n"
        let groups = Array(repeating: "grand", count: 60) + Array(repeating: "moyen", count: 25) + Array(repeating: "petit", count: 7)
        for (i, g) in groups.enumerated() { csv += "\(i + 1),\(g),\(i % 30),\(i % 4 == 0 ? "oui" : "non")\n" }
        let data = folder.appendingPathComponent("d.csv")
        try Data(csv.utf8).write(to: data)
        let out = folder.appendingPathComponent("out")
        let run = try CLI.run(["audit", "--data", data.path, "--protected", "groupe", "--model", grid.path, "--reference", "groupe=grand",
                               "--min-group-size", "5", "--quiet", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOf: out.appendingPathComponent("model-metrics.csv"), encoding: .utf8)
        let petit = text.split(separator: "\n").filter { $0.hasPrefix("groupe,petit,") }
        #expect(!petit.isEmpty)
        #expect(petit.allSatisfy { $0.contains(",suppressed,") || $0.contains("applicant_share") })
        #expect(!text.contains("groupe,petit,score_gap_part"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as! [String: Any]
        let model = try #require(json["model"] as? [String: Any])
        let attribute = try #require((model["attributes"] as? [[String: Any]])?.first)
        let gaps = (attribute["score_gaps"] as? [[String: Any]] ?? []).compactMap { $0["group"] as? String }
        #expect(!gaps.contains("petit") && !gaps.contains("moyen"), "suppressed groups have no decomposition: \(gaps)")
        let verify = try CLI.run(["verify", out.path])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    @Test func badModelInputsAreClearErrors() throws {
        let folder = scratch.folder()
        let data = folder.appendingPathComponent("d.csv")
        try Data("id,g,mois\n1,a,3\n2,b,x\n".utf8).write(to: data)
        let grid = folder.appendingPathComponent("grid.yaml")
        try Data("name: g\nid: id\ncriteria:\n  - {name: anciennete, column: mois, per_unit: 1, cap: 24}\n".utf8).write(to: grid)
        let out = folder.appendingPathComponent("out")
        let run = try CLI.run(["audit", "--data", data.path, "--protected", "g", "--model", grid.path, "--quiet", "--out", out.path])
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("d.csv:3"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "no partial output")
        let missing = try CLI.run(["audit", "--data", data.path, "--protected", "g", "--model", folder.appendingPathComponent("none.yaml").path, "--quiet", "--out", out.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.yaml"), "\(missing.stderr)")
    }
}
