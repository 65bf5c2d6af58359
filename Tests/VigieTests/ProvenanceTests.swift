import TestSupport
import DecisionModels
import AuditAssessment
import AuditApplication
import AuditData
import AuditMetrics
@testable import AuditReport
import Foundation
import Testing
@testable import vigie

/// manifest.json, `vigie verify` and `vigie diff` (docs/provenance.md).
@Suite(.serialized) final class ProvenanceTests {
    let scratch = Scratch()

    static let housingSpec = CLI.root.appendingPathComponent("Fixtures/housing/audit.yaml")
    static let housingData = CLI.root.appendingPathComponent("Fixtures/housing/applicants-sample.csv")
    static let housingGrid = CLI.root.appendingPathComponent("Fixtures/housing/cotation-grid.yaml")

    /// `sha256sum FILE`, computed outside Vigie.
    static func sha256sum(_ url: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", url.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }

    static func json(_ url: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    /// Copies the housing fixture (data and spec) into a fresh folder and audits the copy.
    func auditedCopy() throws -> (inputs: URL, report: URL) {
        let inputs = scratch.folder(), report = scratch.folder().appendingPathComponent("report")
        for file in [Self.housingSpec, Self.housingData, Self.housingGrid] {
            try FileManager.default.copyItem(at: file, to: inputs.appendingPathComponent(file.lastPathComponent))
        }
        let run = try CLI.run(["audit", "--spec", inputs.appendingPathComponent("audit.yaml").path, "--quiet", "--out", report.path])
        #expect(run.status == 0, "\(run.stderr)")
        return (inputs, report)
    }

    @Test func sha256KnownVectors() throws {
        #expect(SHA256Hashing.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Hashing.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let file = scratch.folder().appendingPathComponent("abc.txt")
        try Data("abc".utf8).write(to: file)
        #expect(try SHA256Hashing.file(file.path) == ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 3))
    }

    @Test func manifestRecordsInputsOutputsAndSpec() throws {
        let out = scratch.folder()
        let run = try CLI.run(["audit", "--spec", Self.housingSpec.path, "--quiet", "--out", out.path, "--threads", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        let m = try Self.json(out.appendingPathComponent("manifest.json"))
        #expect(m["manifest_version"] as? Int == 1)
        let vigie = m["vigie"] as! [String: Any]
        #expect(vigie["version"] as? String == ReportVersion.vigie)
        let commit = vigie["commit"] as! String
        #expect(commit == "unknown" || (commit.count == 40 && commit.allSatisfy(\.isHexDigit)))
        #expect(!(m["blas"] as! String).isEmpty)
        #expect(m["threads"] == nil)

        let inputs = m["inputs"] as! [[String: Any]]
        #expect(inputs.map { $0["role"] as! String } == ["data", "spec", "model"])
        for (input, file) in zip(inputs, [Self.housingData, Self.housingSpec, Self.housingGrid]) {
            #expect(!((input["path"] as? String)?.hasPrefix("/") ?? false), "no absolute path")
            #expect(input["name"] as? String == file.lastPathComponent)
            #expect(input["sha256"] as? String == (try Self.sha256sum(file)))
            #expect(input["bytes"] as? Int == (try Data(contentsOf: file)).count)
        }
        let outputs = m["outputs"] as! [[String: Any]]
        #expect(outputs.map { $0["name"] as! String } == ["report.json", "metrics.csv", "findings.csv", "model-metrics.csv", "scan.csv", "report.md", "report.html"])
        for output in outputs {
            let file = out.appendingPathComponent(output["name"] as! String)
            #expect(output["sha256"] as? String == (try Self.sha256sum(file)))
            #expect(output["bytes"] as? Int == (try Data(contentsOf: file)).count)
        }

        // The resolved spec, every field, paths as the inputs are recorded.
        let spec = m["spec"] as! [String: Any]
        let dataInput = inputs[0]
        #expect(spec["data"] as? String == (dataInput["path"] as? String ?? dataInput["name"] as? String))
        #expect((spec["protected"] as! [[String: Any]]).count == 5)
        #expect((spec["bootstrap"] as! [String: Any])["seed"] as? Int == 0)
        for key in ["csv", "reference", "intersections", "impact_ratio_threshold", "min_group_size", "decision_is", "interval", "level", "alpha", "adjust", "difference_tolerance", "min_denominator", "power"] {
            #expect(spec[key] != nil, "spec.\(key)")
        }

        // Deterministic: the same audit on two threads writes the same manifest.
        let again = scratch.folder()
        #expect(try CLI.run(["audit", "--spec", Self.housingSpec.path, "--quiet", "--out", again.path, "--threads", "2"]).status == 0)
        #expect(try Data(contentsOf: out.appendingPathComponent("manifest.json")) == Data(contentsOf: again.appendingPathComponent("manifest.json")))

        // The housing spec has a system card and a scan block, which no flag expresses: no command line.
        #expect(m["command"] == nil || m["command"] is NSNull)
        #expect((spec["scan"] as? [String: Any])?["on"] as? [String] != nil)
        var scanned = try AuditSpec(contentsOfFile: Self.housingSpec.path)
        scanned.report.system = nil
        scanned.report.labels = DisplayLabels()
        #expect(SpecOptions.commandLine(for: scanned) == nil)
        // Without the card, the scan and the labels, the recorded command line gives the same bytes as the spec.
        var bare = scanned
        bare.scan = nil
        bare.report.labels = DisplayLabels()  // no flag for labels either
        let command = try #require(SpecOptions.commandLine(for: bare))
        let direct = scratch.folder(), rerun = scratch.folder()
        // Both runs in their own process: in this one, tests running alongside set OpenBLAS's
        // process-wide thread count (the amendment search, the weight sensitivity), which moves
        // LAPACK's least-squares results in their last bits.
        let bareSpec = scratch.folder().appendingPathComponent("bare.yaml")
        try JSONEncoder().encode(bare).write(to: bareSpec)  // JSON is YAML
        let d = try CLI.run(["audit", "--spec", bareSpec.path, "--quiet", "--out", direct.path, "--threads", "1"])
        #expect(d.status == 0, "\(d.stderr)")
        let r = try CLI.run(["audit"] + command + ["--quiet", "--out", rerun.path])
        #expect(r.status == 0, "\(r.stderr)")
        for name in AuditPipeline.files {
            #expect(try Data(contentsOf: direct.appendingPathComponent(name)) == Data(contentsOf: rerun.appendingPathComponent(name)), "\(name)")
        }
    }

    /// The manifest's spec gives back the same `AuditSpec`, both decoded and read as a spec file.
    @Test(arguments: ["housing", "water", "compas"])
    func specRoundTrips(fixture: String) throws {
        let spec = try AuditSpec(contentsOfFile: CLI.root.appendingPathComponent("Fixtures/\(fixture)/audit.yaml").path)
        try Self.roundTrip(spec)
    }

    @Test func specRoundTripsEveryField() throws {
        let data = DataSpec(
            path: "/data/x.csv",
            csv: CSVDialect(delimiter: UInt8(ascii: ";"), decimalComma: true, missingValues: ["", "-", "n/a"]),
            protected: [
                ProtectedAttributeSpec(column: "sexe", reference: .named("largest"), mapping: ["Homme": "M", "Femme": "F"]),
                ProtectedAttributeSpec(column: "age", binning: .bands([-5, 18.5, 66]), reference: .best),
                ProtectedAttributeSpec(column: "revenu", binning: .quantiles(4), reference: .overall),
            ],
            label: BinaryColumnSpec(column: "besoin", positive: "oui"),
            decision: BinaryColumnSpec(column: "score", threshold: -0.25),
            score: "score", weight: "poids",
            allocation: AllocationSpec(column: "volume", need: "besoin_m3", per: "personnes"), rankBy: "revenu", income: "revenu"
        )
        let analysis = AnalysisSpec(
            defaultReference: .named("FR"), intersections: 3, impactRatioThreshold: 0.75, minGroupSize: 12, minCellSize: 4, decisionIs: .unfavourable,
            inference: InferenceSpec(interval: .exact, level: 0.9, alpha: 0.01, adjust: .bh, differenceTolerance: 0.03, minDenominator: 7, power: 0.9, bootstrapReplicates: 0, seed: UInt64.max, bootstrapMethod: .percentile)
        )
        let models = DecisionModelSpec(tariff: TariffSpec(path: "/m/tariff.yaml", meter: "compteur"), drought: DroughtSpec(path: "/m/drought.yaml", level: "niveau"),
                                       grid: GridSpec(path: "/m/grid.yaml", applicationDate: "depot", allocationDate: "attribution", asOf: "2026-06-30"))
        let spec = AuditSpec(data: data, analysis: analysis, models: models, report: ReportSpec(language: .fr))
        try Self.roundTrip(spec)
        #expect(SpecOptions.commandLine(for: spec) == nil, "mappings have no flag")
        // A library caller's quote byte is recorded, and read back.
        var quoted = spec
        quoted.data.csv.quote = UInt8(ascii: "'")
        try Self.roundTrip(quoted)
    }

    /// The manifest's spec (the file's view) decodes to the same spec, as JSON and as a spec file.
    static func roundTrip(_ spec: AuditSpec) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(spec), as: UTF8.self)
        #expect(try JSONDecoder().decode(AuditSpec.self, from: Data(text.utf8)) == spec)
        #expect(try AuditSpec(yaml: text) == spec, "the manifest's spec is a valid spec file")
    }

    /// The manifest records where the inputs are relative to the audit folder, never an
    /// absolute path of the auditing machine.
    @Test func manifestHoldsNoAbsolutePath() throws {
        let (inputs, report) = try auditedCopy()
        let text = try String(contentsOf: report.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(!text.contains(FileManager.default.temporaryDirectory.path), "\(text)")
        #expect(!text.contains(CLI.root.path))
        let m = try Self.json(report.appendingPathComponent("manifest.json"))
        let recorded = (m["inputs"] as! [[String: Any]]).map { $0["path"] as? String }
        let up = "../../" + inputs.lastPathComponent + "/"
        #expect(recorded == [up + "applicants-sample.csv", up + "audit.yaml", up + "cotation-grid.yaml"])
        let spec = m["spec"] as! [String: Any]
        #expect(spec["data"] as? String == up + "applicants-sample.csv")
        #expect((spec["model"] as! [String: Any])["grid"] as? String == up + "cotation-grid.yaml")
    }

    @Test func verifyPassesOnAnUntouchedAudit() throws {
        let (inputs, report) = try auditedCopy()
        let run = try CLI.run(["verify", report.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("Verified"))
        #expect(run.stdout.contains("3 inputs match"))
        #expect(run.stdout.contains("7 outputs byte-identical"))

        // An auditor's own copy of the data, under another name, that hashes the same.
        let elsewhere = scratch.folder().appendingPathComponent("my-copy.csv")
        try FileManager.default.copyItem(at: inputs.appendingPathComponent("applicants-sample.csv"), to: elsewhere)
        let own = try CLI.run(["verify", report.path, "--data", elsewhere.path])
        #expect(own.status == 0, "\(own.stdout)\(own.stderr)")
    }

    @Test func verifyFailsWhenOneByteOfTheDataChanges() throws {
        let (inputs, report) = try auditedCopy()
        let data = inputs.appendingPathComponent("applicants-sample.csv")
        var bytes = try Data(contentsOf: data)
        let i = bytes.count - 3
        bytes[i] = bytes[i] == UInt8(ascii: "1") ? UInt8(ascii: "0") : UInt8(ascii: "1")
        try bytes.write(to: data)
        let run = try CLI.run(["verify", report.path])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("data \(data.path): changed"), "\(run.stdout)")

        try FileManager.default.removeItem(at: data)
        let missing = try CLI.run(["verify", report.path])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("missing"), "\(missing.stdout)")
    }

    @Test func verifyFailsWhenAReportIsEdited() throws {
        let (_, report) = try auditedCopy()
        let md = report.appendingPathComponent("report.md")
        var text = try String(contentsOf: md, encoding: .utf8)
        text = text.replacingOccurrences(of: "## Detailed findings", with: "## Detailed finding")
        try text.write(to: md, atomically: true, encoding: .utf8)
        let run = try CLI.run(["verify", report.path])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("report.md: differs from the re-run, first at line"), "\(run.stdout)")
        #expect(!run.stdout.contains("report.json"))
    }

    @Test func verifyBadUsage() throws {
        #expect(try CLI.run(["verify"]).status == 2)
        #expect(try CLI.run(["verify", "/nonexistent/vigie"]).status == 2)
        let empty = scratch.folder()
        let noManifest = try CLI.run(["verify", empty.path])
        #expect(noManifest.status == 2)
        #expect(noManifest.stderr.contains("manifest.json"))
    }

    @Test func diffListsChangedFindings() throws {
        let folder = scratch.folder()
        let old = folder.appendingPathComponent("old"), new = folder.appendingPathComponent("new"), out = folder.appendingPathComponent("diff")
        let other = folder.appendingPathComponent("other.csv")
        #expect(try CLI.run(["generate", "housing", "--rows", "5000", "--seed", "7", "--out", other.path]).status == 0)
        #expect(try CLI.run(["audit", "--spec", Self.housingSpec.path, "--quiet", "--out", old.path]).status == 0)
        let audit = try CLI.run(["audit", "--spec", Self.housingSpec.path, "--data", other.path, "--intersections", "1", "--quiet", "--out", new.path])
        #expect(audit.status == 0, "\(audit.stderr)")

        let run = try CLI.run(["diff", old.path, new.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("vanished"))
        let csv = try String(contentsOf: out.appendingPathComponent("diff.csv"), encoding: .utf8)
        let changes = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" }
        #expect(changes.contains("vanished"), "intersections are only in the old audit")
        #expect(changes.contains("grew") || changes.contains("shrank"), "another sample moves some gaps")
        let md = try String(contentsOf: out.appendingPathComponent("diff.md"), encoding: .utf8)
        #expect(md.contains("## Vanished"))
        #expect(md.contains("applicants-sample.csv") && md.contains("other.csv"))

        // Reversed, the vanished findings appear; an audit against itself has no change.
        let back = try AuditDiff.compare(old: AuditDiff.read(folder: new.path), new: AuditDiff.read(folder: old.path), threshold: 0.01)
        #expect(back.count(.appeared) == changes.filter { $0 == "vanished" }.count)
        let same = try AuditDiff.compare(old: AuditDiff.read(folder: old.path), new: AuditDiff.read(folder: old.path), threshold: 0.01)
        #expect(same.rows.isEmpty)

        #expect(try CLI.run(["diff", old.path, folder.appendingPathComponent("none").path, "--out", out.path]).status == 2)
    }

    @Test func diffClassifiesChanges() throws {
        func f(_ group: String, _ kind: String, _ value: Double?, _ verdict: String) -> AuditDiff.Finding {
            AuditDiff.Finding(attribute: "sexe", group: group, reference: "M", metric: "selection_rate", kind: kind, value: value, verdict: verdict)
        }
        let old = AuditDiff.Audit(folder: "old", dataFile: "a.csv", rows: 10, vigieVersion: "0.1.0", findings: [
            f("F", "difference", -0.10, "disparity"), f("F", "ratio", 0.8, "disparity"),
            f("X", "difference", 0.02, "no_disparity"), f("Y", "difference", 0.0, "no_disparity"),
            f("Z", "difference", 0.03, "no_disparity"), f("U", "difference", 0.1, "insufficient_evidence"),
            f("R", "ratio", 0.5, "disparity"),
        ])
        let new = AuditDiff.Audit(folder: "new", dataFile: "b.csv", rows: 10, vigieVersion: "0.1.0", findings: [
            f("F", "difference", 0.15, "disparity"), f("F", "ratio", 1.25, "disparity"),
            f("X", "difference", 0.025, "insufficient_evidence"), f("W", "difference", 0.2, "disparity"),
            f("Z", "difference", -0.035, "no_disparity"), f("U", "difference", nil, "insufficient_evidence"),
            f("R", "ratio", 0, "disparity"),
        ])
        let r = try AuditDiff.compare(old: old, new: new, threshold: 0.01)
        func change(_ group: String, _ kind: String = "difference") -> AuditDiff.Change? {
            r.rows.first { $0.key.group == group && $0.key.kind == kind }?.change
        }
        #expect(change("F") == .grew)              // |−0.10| → |0.15|
        #expect(change("F", "ratio") == nil)       // |ln 0.8| == |ln 1.25|: as far from parity
        #expect(change("X") == .verdict)           // within the threshold, verdict changed
        #expect(change("Y") == .vanished)
        #expect(change("W") == .appeared)
        #expect(change("Z") == nil)                // the sign flipped but the gap moved by 0.005
        #expect(change("U") == .becameUndefined)
        #expect(change("R", "ratio") == .grew)    // a ratio of 0 is infinitely far from parity
        #expect(r.unchanged == 2)
        #expect(r.verdictChanges == 1)
        #expect(AuditDiffReport.markdown(r).contains("| +∞ |"))
        #expect(AuditDiffReport.csv(r).contains(",0.5,0,0.6931471805599453,inf,inf,disparity,disparity\n"))
    }
}
