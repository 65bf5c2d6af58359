import AuditApplication
import Foundation
import Testing

/// `vigie verify` checks folders other people send: nothing in a manifest decides where
/// Vigie reads a report from or writes anything (the "verify writes outside its folder").
@Suite final class VerifyConfinementTests {
    let scratch = Scratch()

    /// A tiny audit: its data folder, its report folder, and the manifest as JSON.
    func audit() throws -> (data: URL, report: URL) {
        let data = scratch.folder(), report = scratch.folder().appendingPathComponent("report")
        let run = try TinyAudit.run(dataIn: data, out: report)
        #expect(run.status == 0, "\(run.stderr)")
        return (data, report)
    }

    static func editManifest(_ report: URL, _ edit: (inout [String: Any]) -> Void) throws {
        let url = report.appendingPathComponent("manifest.json")
        var m = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        edit(&m)
        try JSONSerialization.data(withJSONObject: m, options: [.sortedKeys]).write(to: url)
    }

    /// Runs verify from a fresh current folder, and checks that nothing was created in it,
    /// in the audit folder, or at the place the hostile name points to.
    func verify(_ report: URL, _ extra: [String] = [], untouched: [URL] = []) throws -> CLI.Output {
        let cwd = scratch.folder()
        let before = try untouched.map { try OutputFolderTests.snapshot($0) }
        let reportBefore = try OutputFolderTests.snapshot(report)
        let run = try CLI.run(["verify", report.path] + extra, in: cwd, timeout: 120)
        #expect(try OutputFolderTests.entries(cwd).isEmpty, "verify wrote into the current folder")
        #expect(try OutputFolderTests.snapshot(report) == reportBefore, "verify changed the audit folder")
        #expect(try untouched.map { try OutputFolderTests.snapshot($0) } == before)
        return run
    }

    @Test func anInputNameThatClimbsOutIsRefused() throws {
        let (_, report) = try audit()
        let target = scratch.folder()
        let climb = String(repeating: "../", count: 12) + target.path.dropFirst() + "/planted"
        for name in [climb, "/etc/passwd", "sub/data.csv", "..", ""] {
            try Self.editManifest(report) { m in
                var inputs = m["inputs"] as! [[String: Any]]
                inputs[0]["name"] = name
                m["inputs"] = inputs
            }
            let run = try verify(report, untouched: [target])
            #expect(run.status == 2, "\(name): \(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("inputs[0].name"), "\(name): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("planted").path))
    }

    @Test func anOutputNameThatClimbsOutIsRefused() throws {
        let (_, report) = try audit()
        for name in ["../../../../etc/passwd", "/etc/passwd", "a/b"] {
            try Self.editManifest(report) { m in
                var outputs = m["outputs"] as! [[String: Any]]
                outputs[0]["name"] = name
                m["outputs"] = outputs
            }
            let run = try verify(report)
            #expect(run.status == 2, "\(name): \(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("outputs[0].name"), "\(name): \(run.stderr)")
            #expect(!run.stdout.contains("root:"))
        }
    }

    @Test func aManifestWithNoInputsFails() throws {
        let (_, report) = try audit()
        try Self.editManifest(report) { $0["inputs"] = [[String: Any]]() }
        let run = try verify(report)
        #expect(run.status == 2)
        #expect(run.stderr.contains("no inputs recorded: there is nothing to verify the reports against"), "\(run.stderr)")
    }

    @Test func aManifestWithNoOutputsFails() throws {
        let (_, report) = try audit()
        try Self.editManifest(report) { $0["outputs"] = [[String: Any]]() }
        let run = try verify(report)
        #expect(run.status == 2)
        #expect(run.stderr.contains("no outputs recorded"), "\(run.stderr)")
    }

    /// A report replaced by a link is not read (its target's content never reaches the terminal).
    @Test func aLinkedReportIsNotRead() throws {
        let (_, report) = try audit()
        let secret = scratch.folder().appendingPathComponent("secret.txt")
        try Data("the secret line\n".utf8).write(to: secret)
        let md = report.appendingPathComponent("report.md")
        try FileManager.default.removeItem(at: md)
        try FileManager.default.createSymbolicLink(at: md, withDestinationURL: secret)
        let run = try verify(report)
        #expect(run.status == 1)
        #expect(run.stdout.contains("report.md: not a regular file"), "\(run.stdout)")
        #expect(!run.stdout.contains("secret"))
    }

    /// A recorded path to a device or a pipe is never read (it would never end): the next
    /// place is tried.
    @Test func aRecordedPathToADeviceIsNotRead() throws {
        let (data, report) = try audit()
        try Self.editManifest(report) { m in
            var inputs = m["inputs"] as! [[String: Any]]
            inputs[0]["path"] = String(repeating: "../", count: 12) + "dev/zero"
            m["inputs"] = inputs
        }
        let run = try verify(report)
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("data tiny.csv: missing"), "\(run.stdout)")
        let found = try verify(report, ["--inputs", data.path])
        #expect(found.status == 0, "\(found.stdout)\(found.stderr)")
    }

    /// With --inputs, inputs are found there by name, and only there.
    @Test func inputsAreLookedUpInTheGivenFolder() throws {
        let (data, report) = try audit()
        let copies = scratch.folder()
        try FileManager.default.copyItem(at: data.appendingPathComponent("tiny.csv"), to: copies.appendingPathComponent("tiny.csv"))
        try FileManager.default.removeItem(at: data.appendingPathComponent("tiny.csv"))
        let without = try verify(report)
        #expect(without.status == 1 && without.stdout.contains("missing"), "\(without.stdout)")
        let with = try verify(report, ["--inputs", copies.path])
        #expect(with.status == 0, "\(with.stdout)\(with.stderr)")

        // A copy that differs by one byte is reported as changed, not silently replaced by another.
        try Data((TinyAudit.csv + "a,1\n").utf8).write(to: copies.appendingPathComponent("tiny.csv"))
        let changed = try verify(report, ["--inputs", copies.path])
        #expect(changed.status == 1 && changed.stdout.contains("changed"), "\(changed.stdout)")
    }

    /// The recorded path is used only if its SHA-256 matches; else a file of the same name
    /// in the current folder.
    @Test func theRecordedPathMustHashAsRecorded() throws {
        let (data, report) = try audit()
        try Data((TinyAudit.csv + "b,0\n").utf8).write(to: data.appendingPathComponent("tiny.csv"))
        let cwd = scratch.folder()
        try Data(TinyAudit.csv.utf8).write(to: cwd.appendingPathComponent("tiny.csv"))
        let run = try CLI.run(["verify", report.path], in: cwd)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    /// The commit is the build's, fixed at build time: the binary runs no git (an empty PATH
    /// changes nothing), and the manifest says the same as this test bundle's build.
    @Test func theCommitIsTheBuilds() throws {
        let (_, report) = try audit()
        let m = try JSONSerialization.jsonObject(with: Data(contentsOf: report.appendingPathComponent("manifest.json"))) as! [String: Any]
        let vigie = m["vigie"] as! [String: Any]
        #expect(vigie["commit"] as? String == Manifest.Build.current.commit)
        let commit = Manifest.Build.current.commit
        #expect(commit == "unknown" || (commit.count == 40 && commit.allSatisfy(\.isHexDigit)))
        // No source starts a process (git or anything else) at run time.
        let sources = FileManager.default.enumerator(atPath: CLI.root.appendingPathComponent("Sources").path)!
        for case let file as String in sources where file.hasSuffix(".swift") {
            let text = try String(contentsOf: CLI.root.appendingPathComponent("Sources/" + file), encoding: .utf8)
            #expect(!text.contains("Process()") && !text.contains("posix_spawn"), "\(file)")
        }
    }
}
