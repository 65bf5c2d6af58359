import Foundation
import Testing

/// Inputs a hostile or unlucky user gives that the bad-input corpus (`Tests/BadInputs/`)
/// cannot hold as files: a named pipe, weights at the edges of double precision, and YAML
/// beyond its size limit. Each must end in a clear, located error or in a complete audit,
/// never a hang, a trap or a silently emptier report.
@Suite final class HostileInputTests {
    let scratch = Scratch()

    /// 40 rows of two groups with weights 1 to 4 and a decision, the weights written as
    /// `scale × w` (`1e-320` gives subnormal weights, `1e14` large ones).
    func weighted(scale: String) throws -> URL {
        var text = "g,d,w\n"
        for i in 0..<40 {
            let w = 1 + i % 4
            text += "\(i % 2 == 0 ? "a" : "b"),\(i % 3 == 0 ? 1 : 0),\(scale == "1" ? "\(w)" : "\(w)\(scale)")\n"
        }
        let url = scratch.folder().appendingPathComponent("data.csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The intervals of `metrics.csv`, by row key, as (low, high).
    func intervals(_ folder: URL) throws -> [String: (Double, Double)] {
        let text = try String(contentsOf: folder.appendingPathComponent("metrics.csv"), encoding: .utf8)
        var out: [String: (Double, Double)] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if let low = Double(f[7]), let high = Double(f[8]) { out["\(f[0])|\(f[1])|\(f[2])"] = (low, high) }
        }
        return out
    }

    /// Weights of 1e-320 (whose squares underflow to 0) used to leave every interval out
    /// while the status stayed `ok`: a positive weight below 1e-15 is now refused at its
    /// line; large weights (1e14, whose squares stay finite) keep every interval of the
    /// unscaled weights.
    @Test func tinyWeightsAreRefusedAndLargeOnesKeepTheirIntervals() throws {
        let tiny = try weighted(scale: "e-320")
        let refused = try CLI.run(["audit", "--data", tiny.path, "--protected", "g", "--decision", "d", "--weight", "w", "--quiet", "--out", scratch.folder().appendingPathComponent("out").path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(tiny.path):2:3 (column 'w'): expected a weight of 0 or from 1e-15 to 1e15, found '1e-320'"), "\(refused.stderr)")
        let reference = scratch.folder().appendingPathComponent("out")
        let plain = try CLI.run(["audit", "--data", try weighted(scale: "1").path, "--protected", "g", "--decision", "d", "--weight", "w", "--quiet", "--out", reference.path])
        #expect(plain.status == 0, "\(plain.stderr)")
        let out = scratch.folder().appendingPathComponent("out")
        let run = try CLI.run(["audit", "--data", try weighted(scale: "e14").path, "--protected", "g", "--decision", "d", "--weight", "w", "--quiet", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let expected = try intervals(reference), found = try intervals(out)
        #expect(expected.count >= 6)
        #expect(Set(found.keys) == Set(expected.keys), "intervals lost: \(Set(expected.keys).subtracting(found.keys).sorted())")
        for (key, (low, high)) in expected {
            guard let (l, h) = found[key] else { continue }
            #expect(abs(l - low) <= 1e-12 && abs(h - high) <= 1e-12, "\(key): [\(l), \(h)] vs [\(low), \(high)]")
        }
    }

    /// A named pipe with no writer used to hang for ever; it is refused at once, before a
    /// byte is read, and no output folder is written.
    @Test func aNamedPipeIsRefusedAtOnce() throws {
        let folder = scratch.folder()
        let pipe = folder.appendingPathComponent("data.csv").path
        #expect(mkfifo(pipe, 0o600) == 0)
        let out = folder.appendingPathComponent("out")
        let run = try CLI.run(["audit", "--data", pipe, "--protected", "g", "--decision", "d", "--quiet", "--out", out.path], timeout: 60)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("\(pipe): the data file is a pipe, not a regular file"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// `/dev/zero` never ends: every command refuses it before reading a byte (an audit
    /// because it is not a regular file, `explain` because it is a device).
    @Test func aDeviceIsRefusedByEveryReader() throws {
        let explain = try CLI.run(["explain", "--model", CLI.root.appendingPathComponent("Tests/BadInputs/grid/unknown-key/grid.yaml").path,
                                   "--data", "/dev/zero", "--id", "A1", "--stdout"], timeout: 60)
        #expect(explain.status == 2, "\(explain.stderr)")
        let init_ = try CLI.run(["init", "--data", "/dev/zero"], timeout: 60)
        #expect(init_.status != 0 && init_.status != 132, "\(init_.stderr)")
        #expect(init_.stderr.contains("/dev/zero: the data file is a device: Vigie reads a file (or a pipe, once)"), "\(init_.stderr)")
    }

    /// A YAML document above 1 MiB is refused before it is parsed (a 50 MB one took 40 s and
    /// a gigabyte), naming the file and its size, and showing none of its content.
    @Test func aSpecAboveOneMebibyteIsRefused() throws {
        let folder = scratch.folder()
        let spec = folder.appendingPathComponent("audit.yaml")
        let line = "# secret-comment \(String(repeating: "x", count: 100))\n"
        try ("version: 1\n" + String(repeating: line, count: 11_000)).write(to: spec, atomically: true, encoding: .utf8)
        let run = try CLI.run(["audit", "--spec", spec.path, "--quiet", "--out", folder.appendingPathComponent("out").path], timeout: 60)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("\(spec.path): spec: the spec file is "), "\(run.stderr)")
        #expect(run.stderr.contains("more than the 1048576 bytes it may hold"), "\(run.stderr)")
        #expect(!run.stderr.contains("secret-comment"))
    }

    /// `--max-groups` raises the cap on groups, and the manifest's command line keeps it, so
    /// that `vigie verify` re-runs the same audit.
    @Test func maxGroupsRaisesTheCapAndIsRecorded() throws {
        let folder = scratch.folder()
        let data = folder.appendingPathComponent("data.csv")
        var text = "id,d\n"
        for i in 0..<1_200 { text += "A\(i),\(i % 2)\n" }
        try text.write(to: data, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let refused = try CLI.run(["audit", "--data", data.path, "--protected", "id", "--decision", "d", "--quiet", "--out", out.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(data.path):1002:1 (column 'id'): protected attribute 'id' has more than 1000 distinct values"), "\(refused.stderr)")
        let run = try CLI.run(["audit", "--data", data.path, "--protected", "id", "--decision", "d", "--max-groups", "1200", "--min-cell-size", "0", "--quiet", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"--max-groups\",\n    \"1200\"") || manifest.contains("\"max_groups\" : 1200"), "\(manifest.prefix(800))")
        let verify = try CLI.run(["verify", out.path])
        #expect(verify.status == 0, "\(verify.stderr)")
    }
}
