@testable import AuditApplication
import Foundation
import Testing

/// Outputs are written all at once or not at all (`ReportWriter`): a staging folder beside
/// the target replaces it whole; a folder that is not Vigie's is refused unless --force.
@Suite(.serialized) final class OutputFolderTests {
    let scratch = Scratch()
    static let housingSpec = CLI.root.appendingPathComponent("Fixtures/housing/audit.yaml").path
    static let housingData = CLI.root.appendingPathComponent("Fixtures/housing/applicants-sample.csv").path

    /// Every entry under `folder` (hidden ones too), with its bytes, sorted by path.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: folder.path) {
            let path = folder.appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: path, isDirectory: &isDirectory)
            if (try? fm.destinationOfSymbolicLink(atPath: path)) != nil {
                out[name] = Data(("link:" + (try fm.destinationOfSymbolicLink(atPath: path))).utf8)
            } else if isDirectory.boolValue {
                for (inner, data) in try snapshot(URL(fileURLWithPath: path)) { out[name + "/" + inner] = data }
                out[name + "/"] = Data()
            } else {
                out[name] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return out
    }

    /// The tiny audit (``TinyAudit``), its data in a scratch folder, into `out`.
    @discardableResult
    func tinyAudit(_ out: URL, _ extra: [String] = []) throws -> CLI.Output {
        try TinyAudit.run(dataIn: scratch.folder(), out: out, extra)
    }

    static func entries(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func aFolderThatIsNotVigiesIsRefusedAndLeftAsItWas() throws {
        let parent = scratch.folder()
        let target = parent.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: target.appendingPathComponent("notes.txt"))
        let before = try Self.snapshot(parent)
        let run = try tinyAudit(target)
        #expect(run.status == 2)
        #expect(run.stderr.contains("'\(target.path)' is not empty and is not a Vigie output folder (no readable manifest.json)"), "\(run.stderr)")
        #expect(run.stderr.contains("--force"))
        #expect(try Self.snapshot(parent) == before)

        let forced = try tinyAudit(target, ["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Self.entries(target) == TinyAudit.files)
        #expect(try Self.entries(parent) == ["notes"])  // no staging folder stays
    }

    @Test func anEntryTheManifestDoesNotListIsRefused() throws {
        let target = scratch.folder().appendingPathComponent("report")
        #expect(try tinyAudit(target).status == 0)
        try Data("x".utf8).write(to: target.appendingPathComponent("extra.txt"))
        let before = try Self.snapshot(target)
        let run = try tinyAudit(target)
        #expect(run.status == 2)
        #expect(run.stderr.contains("holds an entry its manifest.json does not list ('extra.txt')"), "\(run.stderr)")
        #expect(try Self.snapshot(target) == before)
    }

    @Test func aFileOrALinkAtTheTargetIsRefused() throws {
        let parent = scratch.folder()
        let file = parent.appendingPathComponent("file")
        try Data("keep".utf8).write(to: file)
        let link = parent.appendingPathComponent("link")
        let elsewhere = scratch.folder()
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: elsewhere)
        let before = try Self.snapshot(parent)
        let a = try tinyAudit(file)
        #expect(a.status == 2 && a.stderr.contains("exists and is not a folder"), "\(a.stderr)")
        let b = try tinyAudit(link)
        #expect(b.status == 2 && b.stderr.contains("is a symbolic link"), "\(b.stderr)")
        #expect(try Self.snapshot(parent) == before)
        #expect(try Self.entries(elsewhere).isEmpty)  // nothing written through the link
        for dot in [".", "..", "/"] {
            let c = try CLI.run(["demo", "--quiet", "--out", dot], in: parent)
            #expect(c.status == 2 && c.stderr.contains("cannot be an output folder"), "\(dot): \(c.stderr)")
        }
    }

    /// The case: an earlier audit with a decision model, then one without, into the
    /// same folder: model-metrics.csv cannot survive (and `verify` cannot accept it).
    @Test func aStaleOutputOfAnEarlierAuditDoesNotSurvive() throws {
        let target = scratch.folder().appendingPathComponent("report")
        #expect(try CLI.run(["audit", "--spec", Self.housingSpec, "--quiet", "--out", target.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("model-metrics.csv").path))
        let run = try CLI.run([
            "audit", "--data", Self.housingData, "--protected", "sexe", "--decision", "attribue", "--positive-decision", "1",
            "--quiet", "--out", target.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.entries(target) == ["findings.csv", "manifest.json", "metrics.csv", "report.html", "report.json", "report.md"])
        #expect(try Self.entries(target.deletingLastPathComponent()) == ["report"])
    }

    /// The case: an earlier audit, one of whose output names is now a folder. The new
    /// audit replaces the folder whole; nothing is half old, half new.
    @Test func anOutputNameTakenByAFolderIsReplacedWithTheRest() throws {
        let target = scratch.folder().appendingPathComponent("report")
        #expect(try tinyAudit(target).status == 0)
        let html = target.appendingPathComponent("report.html")
        try FileManager.default.removeItem(at: html)
        try FileManager.default.createDirectory(at: html, withIntermediateDirectories: false)
        try Data("old".utf8).write(to: html.appendingPathComponent("inside"))
        let run = try tinyAudit(target)
        #expect(run.status == 0, "\(run.stderr)")
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: html.path, isDirectory: &isDirectory) && !isDirectory.boolValue)
        let verify = try CLI.run(["verify", target.path])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    /// A failure at the last moment before the swap leaves the target exactly as it was and
    /// no temporary folder beside it.
    @Test func aFailureBeforeTheSwapChangesNothing() throws {
        let parent = scratch.folder()
        let target = parent.appendingPathComponent("out")
        try ReportWriter.write([("a.txt", Data("old a".utf8)), ("b.txt", Data("old b".utf8))], to: target.path, writtenBy: "test")
        let before = try Self.snapshot(parent)
        struct Interrupted: Error {}
        var staged: [String] = []
        #expect(throws: ReportWriterError.self) {
            try ReportWriter.write(
                ReportWriter.finalised([("a.txt", Data("new a".utf8)), ("c.txt", Data("new c".utf8)), ("manifest.json", Data("{}".utf8))]),
                to: target.path, force: false, beforeSwap: { folder in staged = try Self.entries(URL(fileURLWithPath: folder)); throw Interrupted() }
            )
        }
        #expect(staged == ["a.txt", "c.txt", "manifest.json"])  // everything was written, then the swap failed
        #expect(try Self.snapshot(parent) == before)

        // And the parent folders a failed write created are removed too.
        let deep = parent.appendingPathComponent("x/y/out")
        #expect(throws: ReportWriterError.self) {
            try ReportWriter.write([("a.txt", Data())], to: deep.path, force: false, beforeSwap: { _ in throw Interrupted() })
        }
        #expect(try Self.snapshot(parent) == before)
    }

    @Test func outputNamesMustBePlain() throws {
        let target = scratch.folder().appendingPathComponent("out")
        for name in ["../escape.txt", "/tmp/abs.txt", "..", ".", "", "a\nb", "sub/file"] {
            #expect(throws: ReportWriterError.self, "\(name)") { try ReportWriter.write([(name, Data("x".utf8))], to: target.path, writtenBy: "test") }
        }
        #expect(!FileManager.default.fileExists(atPath: target.path))
        #expect(!FileManager.default.fileExists(atPath: target.deletingLastPathComponent().appendingPathComponent("escape.txt").path))
    }

    /// Temporary names are unpredictable and no link is followed: links planted under every
    /// name the old writer used (`.NAME.tmp-PID`) point at a file that must not change.
    @Test func plantedLinksAreNotFollowed() throws {
        let parent = scratch.folder()
        let victim = scratch.folder().appendingPathComponent("victim.txt")
        try Data("precious".utf8).write(to: victim)
        let target = parent.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        for name in ["report.md", "a.txt", "manifest.json"] {
            for folder in [parent, target] {
                try FileManager.default.createSymbolicLink(
                    at: folder.appendingPathComponent(".\(name).tmp-\(getpid())"), withDestinationURL: victim)
            }
        }
        try ReportWriter.write([("a.txt", Data("new".utf8)), ("report.md", Data("new".utf8))], to: target.path, force: true, writtenBy: "test")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
        #expect(try Self.entries(target) == ["a.txt", "manifest.json", "report.md"])
    }

    /// A staging folder of a process that was killed while writing is removed by the next
    /// write beside it; one of a live process is left alone.
    @Test func abandonedStagingFoldersAreRemoved() throws {
        let parent = scratch.folder()
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        let abandoned = parent.appendingPathComponent(".vigie-staging-\(dead.processIdentifier)-Ab3dEf")
        let live = parent.appendingPathComponent(".vigie-staging-1-Ab3dEf")
        for folder in [abandoned, live] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
            try Data("half".utf8).write(to: folder.appendingPathComponent("report.json"))
        }
        try ReportWriter.write([("a.txt", Data())], to: parent.appendingPathComponent("out").path, writtenBy: "test")
        #expect(try Self.entries(parent) == [".vigie-staging-1-Ab3dEf", "out"])
    }

    @Test func theFolderGetsTheUsualPermissions() throws {
        let target = scratch.folder().appendingPathComponent("out")
        try ReportWriter.write([("a.txt", Data("x".utf8))], to: target.path, writtenBy: "test")
        let mask = POSIXFiles.creationMask()
        let folderMode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        let fileMode = try FileManager.default.attributesOfItem(atPath: target.appendingPathComponent("a.txt").path)[.posixPermissions] as? Int
        #expect(folderMode == Int(0o777 & ~mask))
        #expect(fileMode == Int(0o666 & ~mask))
    }

    /// compare, diff and explain write a manifest too, so their folders can be replaced by the next run.
    @Test func everyCommandsFolderCanBeRewritten() throws {
        let a = scratch.folder().appendingPathComponent("a"), d = scratch.folder().appendingPathComponent("d")
        #expect(try tinyAudit(a).status == 0)
        for _ in 0..<2 {
            let run = try CLI.run(["diff", a.path, a.path, "--quiet", "--out", d.path])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: d.appendingPathComponent("manifest.json"))) as? [String: Any]
        #expect(manifest?["written_by"] as? String == "diff")
        #expect((manifest?["outputs"] as? [[String: Any]])?.map { $0["name"] as? String } == ["diff.md", "diff.csv"])
        let verify = try CLI.run(["verify", d.path])
        #expect(verify.status == 2 && verify.stderr.contains("written by vigie diff; only audits"), "\(verify.stderr)")
    }

    @Test func helpSaysSo() throws {
        for command in ["audit", "demo", "compare", "diff", "explain"] {
            let help = try CLI.run([command, "--help"]).stdout.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
            #expect(help.contains("--force"), "\(command)")
            #expect(help.contains("replaces it whole"), "\(command)")
        }
    }
}
