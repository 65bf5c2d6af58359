import TestSupport
import Foundation
import Testing

/// `vigie audit` with a `scan:` block (`docs/scan.md`, "In an audit"): the audit writes
/// scan.csv — byte for byte what `vigie scan` writes with the same settings —, a section
/// "Groups no one declared" after the human decision in both languages, and report.json's
/// `scan` object (valid under docs/report.schema.json and docs/validate_report.py); a bad
/// block is refused at its line and column with nothing written; `vigie verify` re-runs it.
@Suite("ScanAudit")
struct ScanAuditTests {
    let scratch = Scratch()

    /// The planted data and grid of `ScanCommandTests`, and a spec auditing `typologie` with a scan block.
    func folder(scan: String, rows: Int = 6_000) throws -> (folder: URL, spec: URL, data: URL, grid: URL) {
        let folder = scratch.folder()
        let data = folder.appendingPathComponent("applicants.csv"), grid = folder.appendingPathComponent("grid.yaml")
        try Data(ScanCommandTests.csv(rows: rows, seed: 7).utf8).write(to: data)
        try Data(ScanCommandTests.grid.utf8).write(to: grid)
        let spec = folder.appendingPathComponent("audit.yaml")
        try Data("""
        version: 1
        data: applicants.csv
        protected:
          - column: typologie
            reference: largest
        decision:
          column: propose
        model:
          grid: grid.yaml
        \(scan)
        """.utf8).write(to: spec)
        return (folder, spec, data, grid)
    }

    static let block = """
    scan:
      on: [commune, revenu, taille]
      seed: 3
    """

    @Test func theAuditWritesTheScanAsVigieScanDoes() throws {
        let f = try folder(scan: Self.block)
        let out = scratch.folder().appendingPathComponent("audit")
        let run = try CLI.run(["audit", "--spec", f.spec.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let scanned = scratch.folder().appendingPathComponent("scan")
        let alone = try CLI.run(["scan", "--data", f.data.path, "--model", f.grid.path, "--decision", "propose", "--on", "commune",
                                 "--on", "revenu", "--on", "taille", "--seed", "3", "--out", scanned.path])
        #expect(alone.status == 0, "\(alone.stderr)")
        let csv = try Data(contentsOf: out.appendingPathComponent("scan.csv"))
        #expect(csv == (try Data(contentsOf: scanned.appendingPathComponent("scan.csv"))))
        let lines = String(decoding: csv, as: UTF8.self).split(separator: "\n")
        #expect(lines.count > 1 && lines.dropFirst().contains { $0.contains(",grid_selected,") }, "\(lines)")

        // The section comes after the human decision, before the method, with its limits.
        let md = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        let human = try #require(md.range(of: "The human decision after the grid"))
        let scan = try #require(md.range(of: "## Groups no one declared"))
        #expect(human.upperBound < scan.lowerBound)
        #expect(md[scan.upperBound...].contains("not a proof of discrimination"))
        #expect(md[scan.upperBound...].contains("Applicants the grid selects: did the commission keep them?"))
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("id=\"scan\""))

        // report.json: the scan object, as many clusters as scan.csv, valid.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as! [String: Any]
        let object = try #require(json["scan"] as? [String: Any])
        #expect(object["columns"] as? [String] == ["commune", "revenu", "taille"])
        #expect(object["decision"] as? String == "propose")
        let populations = try #require(object["populations"] as? [[String: Any]])
        #expect(populations.map { $0["name"] as? String } == ["grid_selected", "grid_not_selected"])
        let clusters = populations.reduce(0) { $0 + (($1["clusters"] as? [Any])?.count ?? 0) }
        #expect(clusters == lines.count - 1)
        if (try? PythonJUnitCheck.python(["-c", "import jsonschema"]))?.status == 0 {
            let script = CLI.root.appendingPathComponent("docs/validate_report.py").path
            let validate = try PythonJUnitCheck.python([script, out.appendingPathComponent("report.json").path])
            #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        }

        // French: the same section in French, the same scan.csv.
        let fr = scratch.folder().appendingPathComponent("fr")
        let french = try CLI.run(["audit", "--spec", f.spec.path, "--lang", "fr", "--out", fr.path])
        #expect(french.status == 0, "\(french.stderr)")
        let mdFR = try String(contentsOf: fr.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(mdFR.contains("## Les groupes que personne n'a déclarés") && mdFR.contains("pas une preuve de discrimination"))
        #expect(try Data(contentsOf: fr.appendingPathComponent("scan.csv")) == csv)

        // The manifest records the block: verify re-runs the audit with its scan.
        let verify = try CLI.run(["verify", out.path])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    @Test func aBadBlockIsRefusedAtItsLineWithNothingWritten() throws {
        let cases: [(block: String, message: String)] = [
            ("scan:\n  on: [commune]\n  sead: 3", "audit.yaml:12:3"),
            ("scan:\n  on: [typologie]", "protected attribute"),
            ("scan:\n  on: [commune]\n  min_cluster_size: 5", "min_cluster_size"),
            ("scan:\n  on: [commune]\n  alpha: 2", "audit.yaml:12:10"),
            ("scan:\n  on: [commune]\n  decision: taille", "scan.decision"),
            ("scan:\n  on: [commune]\n  outcome: revenu", "scan.outcome"),
            ("scan:\n  on: []", "at least one column"),
            ("scan:\n  on: [quartier]", "quartier"),
        ]
        for c in cases {
            let f = try folder(scan: c.block, rows: 200)
            let out = scratch.folder().appendingPathComponent("out")
            let run = try CLI.run(["audit", "--spec", f.spec.path, "--out", out.path])
            #expect(run.status == 2, "\(c.block): \(run.stderr)")
            #expect(run.stderr.contains(c.message), "\(c.block): \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path), "\(c.block)")
        }
        // Asked for explicitly, a protected attribute may be scanned on.
        let f = try folder(scan: "scan:\n  on: [typologie, revenu]\n  allow_protected: true", rows: 600)
        let out = scratch.folder().appendingPathComponent("out")
        let run = try CLI.run(["audit", "--spec", f.spec.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
    }
}
