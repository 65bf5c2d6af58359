import TestSupport
import Foundation
import Testing

/// The spec's `amend:` section (`docs/amend.md`, "In the spec"): the same run as the flags,
/// flags overriding it, and errors located in the spec file.
@Suite("AmendSpec")
struct AmendSpecTests {
    let scratch = Scratch()

    func inputs(amend: String) throws -> (folder: URL, spec: URL, data: URL, grid: URL) {
        let folder = scratch.folder()
        let data = folder.appendingPathComponent("applicants.csv"), grid = folder.appendingPathComponent("grid.yaml")
        try Data(PlantedApplicants.csv(rows: 1_500, seed: 20_261_203).utf8).write(to: data)
        try Data(AmendCommandTests.grid.utf8).write(to: grid)
        let spec = folder.appendingPathComponent("spec.yaml")
        try Data("""
        data: applicants.csv
        protected: [nationalite]
        model: {grid: grid.yaml}
        \(amend)
        """.utf8).write(to: spec)
        return (folder, spec, data, grid)
    }

    static let amend = """
    amend:
      targets: [impact_ratio>=0.8]
      keep: {dalo: 50}
      max_change: {anciennete: 0}
      reference: FR

    """

    func settings(_ out: URL) throws -> [String: Any] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json"))) as! [String: Any]
        return json["amend"] as! [String: Any]
    }

    @Test func theSpecSectionRunsAsTheFlags() throws {
        let (folder, spec, data, grid) = try inputs(amend: Self.amend)
        let fromSpec = folder.appendingPathComponent("a"), fromFlags = folder.appendingPathComponent("b")
        let a = try CLI.run(["amend", "--spec", spec.path, "--candidates", "150", "--proposals", "2", "--out", fromSpec.path])
        #expect(a.status == 0, "\(a.stderr)")
        let b = try CLI.run(["amend", "--model", grid.path, "--data", data.path, "--protected", "nationalite", "--target", "impact_ratio>=0.8",
                             "--keep", "dalo>=50", "--max-change", "anciennete=±0", "--reference", "nationalite=FR",
                             "--candidates", "150", "--proposals", "2", "--out", fromFlags.path])
        #expect(b.status == 0, "\(b.stderr)")
        let csvA = try Data(contentsOf: fromSpec.appendingPathComponent("proposals.csv"))
        let csvB = try Data(contentsOf: fromFlags.appendingPathComponent("proposals.csv"))
        #expect(csvA == csvB)
        let s = try settings(fromSpec)
        #expect(s["targets"] as? [String] == ["impact_ratio>=0.8"])
        #expect((s["floors"] as? [String: Double]) == ["dalo": 50])
        #expect((s["maximum_changes"] as? [String: Double]) == ["anciennete": 0])
        #expect(s["reference"] as? String == "FR")
    }

    @Test func flagsOverrideTheSpec() throws {
        let (folder, spec, _, _) = try inputs(amend: Self.amend)
        let out = folder.appendingPathComponent("c")
        let run = try CLI.run(["amend", "--spec", spec.path, "--target", "score_gap<=20", "--keep", "dalo>=55", "--candidates", "100", "--proposals", "1", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let s = try settings(out)
        #expect(s["targets"] as? [String] == ["score_gap<=20"])
        #expect((s["floors"] as? [String: Double]) == ["dalo": 55])
        #expect((s["maximum_changes"] as? [String: Double]) == ["anciennete": 0])
    }

    @Test func aBadTargetInTheSpecIsLocated() throws {
        let (folder, spec, _, _) = try inputs(amend: "amend:\n  targets: [impact_ratio>=2]\n")
        let out = folder.appendingPathComponent("d")
        let run = try CLI.run(["amend", "--spec", spec.path, "--out", out.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("spec.yaml:5") && run.stderr.contains("targets") && run.stderr.contains("(0, 1]"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let unknown = try inputs(amend: "amend:\n  target: [impact_ratio>=0.8]\n")
        let again = try CLI.run(["amend", "--spec", unknown.spec.path, "--out", out.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("target"), "\(again.stderr)")
    }
}
