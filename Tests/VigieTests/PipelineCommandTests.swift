import Foundation
import Testing

/// `vigie audit --junit FILE --summary-md FILE` end to end: written with the reports (also
/// when a gate exits with 1), checked before any work, nothing written on bad input, the
/// same bytes whatever the thread count; the JUnit file valid against the JUnit XML schema
/// and read by `junitparser` (Python), when Python has them.
@Suite(.serialized) final class PipelineCommandTests {
    let scratch = Scratch()
    static let data = CLI.root.appendingPathComponent("Fixtures/housing/applicants-sample.csv")
    static let flags = ["--protected", "nationalite", "--protected", "sexe", "--protected", "age:18,26,36,51,66",
                        "--label", "besoin_prioritaire", "--decision", "propose_caleol", "--quiet"]

    func audit(_ extra: [String], data: URL = PipelineCommandTests.data) throws -> CLI.Output {
        try CLI.run(["audit", "--data", data.path] + Self.flags + extra)
    }

    @Test func writesJUnitAndSummaryWithTheReports() throws {
        let folder = scratch.folder()
        let out = folder.appendingPathComponent("report"), ci = folder.appendingPathComponent("ci")
        try FileManager.default.createDirectory(at: ci, withIntermediateDirectories: true)
        let junit = ci.appendingPathComponent("junit.xml"), summary = ci.appendingPathComponent("summary.md")
        // The impact-ratio gate trips (exit 1): the files are written all the same, as the reports are.
        let run = try audit(["--out", out.path, "--junit", junit.path, "--summary-md", summary.path, "--fail-on-disparity"])
        #expect(run.status == 1, "\(run.stderr)")
        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"Vigie audit: applicants-sample.csv\""))
        let md = try String(contentsOf: summary, encoding: .utf8)
        #expect(md.contains("**Gate failed**"))
        #expect(md.hasSuffix("Full report: [report.html](../report/report.html) (every finding: findings.csv; provenance: manifest.json).\n"))
        // Not in the manifest, which lists only the report folder's files; no temporaries left.
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(!manifest.contains("junit.xml") && !manifest.contains("summary.md"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: ci.path).sorted() == ["junit.xml", "summary.md"])
        #expect(try CLI.run(["verify", out.path, "--inputs", Self.data.deletingLastPathComponent().path]).status == 0)

        let linked = try audit(["--out", out.path, "--summary-md", summary.path, "--report-url", "https://ci.example/jobs/1/artifacts/report.html"])
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect(try String(contentsOf: summary, encoding: .utf8).contains("[report.html](https://ci.example/jobs/1/artifacts/report.html)"))
    }

    @Test func sameBytesWhateverTheThreads() throws {
        let folder = scratch.folder()
        var texts: [String] = []
        for threads in ["1", "2"] {
            let junit = folder.appendingPathComponent("j\(threads).xml"), summary = folder.appendingPathComponent("s\(threads).md")
            let run = try audit(["--out", folder.appendingPathComponent("r\(threads)").path, "--threads", threads, "--bootstrap", "100", "--seed", "3",
                                 "--junit", junit.path, "--summary-md", summary.path])
            #expect(run.status == 0, "\(run.stderr)")
            texts.append(try String(contentsOf: junit, encoding: .utf8) + String(contentsOf: summary, encoding: .utf8).replacingOccurrences(of: "r\(threads)/", with: "r/"))
        }
        #expect(texts[0] == texts[1])
    }

    @Test func badPathsAreRejectedBeforeAnyWork() throws {
        let folder = scratch.folder()
        let out = folder.appendingPathComponent("report")
        let missing = try audit(["--out", out.path, "--junit", folder.appendingPathComponent("no/such/junit.xml").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--junit") && missing.stderr.contains("does not exist"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing is computed or written")

        let existing = scratch.folder()
        let clobber = try audit(["--out", existing.path, "--summary-md", existing.appendingPathComponent("report.md").path])
        #expect(clobber.status == 2 && clobber.stderr.contains("is inside the output folder"), "\(clobber.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: existing.path).isEmpty)
        // Any name inside the folder: the folder is replaced whole, so the file would not stay.
        let inside = try audit(["--out", existing.path, "--junit", existing.appendingPathComponent("junit.xml").path])
        #expect(inside.status == 2 && inside.stderr.contains("is inside the output folder"), "\(inside.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: existing.path).isEmpty)
        let same = folder.appendingPathComponent("x").path
        #expect(try audit(["--out", out.path, "--junit", same, "--summary-md", same]).status == 2)
        #expect(try audit(["--out", out.path, "--junit", folder.path]).status == 2)
        #expect(try audit(["--out", out.path, "--report-url", "https://x"]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// Bad data: exit 2, and neither the reports nor the CI files appear.
    @Test func badInputWritesNothing() throws {
        let folder = scratch.folder()
        let bad = folder.appendingPathComponent("bad.csv")
        try Data("nationalite,sexe,age,besoin_prioritaire,propose_caleol\nFR,F,30,1,1\nFR,M,40,1\n".utf8).write(to: bad)
        let junit = folder.appendingPathComponent("junit.xml"), summary = folder.appendingPathComponent("summary.md")
        let run = try audit(["--out", folder.appendingPathComponent("report").path, "--junit", junit.path, "--summary-md", summary.path], data: bad)
        #expect(run.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bad.csv"])
    }

    /// The JUnit file as a CI test reporter reads it: `Tests/junit/check_junit.py` validates it
    /// against the Jenkins xUnit plugin's `junit-10.xsd` and loads it with `junitparser`, then
    /// matches every finding of `findings.csv` to its test case (`pip install xmlschema junitparser`;
    /// `.ci/run` installs them and runs the same check).
    @Test(.enabled(if: PythonJUnitCheck.available)) func validAgainstTheSchemaAndReadByJunitparser() throws {
        let folder = scratch.folder()
        for lang in ["en", "fr"] {
            let out = folder.appendingPathComponent("report-\(lang)"), junit = folder.appendingPathComponent("junit-\(lang).xml")
            let run = try audit(["--lang", lang, "--out", out.path, "--junit", junit.path])
            #expect(run.status == 0, "\(run.stderr)")
            let report = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any]
            let cells = (report?["disclosure"] as? [String: Any])?["suppressed_cells"] as? [[String: Any]] ?? []
            #expect(!cells.isEmpty)
            let suppressed = cells.flatMap { ["--suppressed", "\($0["attribute"] ?? "")=\($0["group"] ?? "")"] }
            let check = try PythonJUnitCheck.run([junit.path, "--findings", out.appendingPathComponent("findings.csv").path] + suppressed)
            #expect(check.status == 0, "\(check.stdout)\n\(check.stderr)")
            #expect(check.stdout.contains("valid against junit-10.xsd; junitparser read"))
        }
        // The check fails on a file that is not valid against the schema.
        let invalid = folder.appendingPathComponent("invalid.xml")
        try Data("<testsuites skipped=\"1\"><testsuite name=\"x\" tests=\"0\" failures=\"0\" errors=\"0\"/></testsuites>".utf8).write(to: invalid)
        #expect(try PythonJUnitCheck.run([invalid.path]).status == 1)
    }
}

/// `python3 Tests/junit/check_junit.py`, when python3 has `xmlschema` and `junitparser`.
enum PythonJUnitCheck {
    static let script = CLI.root.appendingPathComponent("Tests/junit/check_junit.py")

    static let available: Bool = {
        guard let run = try? python(["-c", "import xmlschema, junitparser"]) else { return false }
        return run.status == 0
    }()

    static func run(_ arguments: [String]) throws -> CLI.Output { try python([script.path] + arguments) }

    static func python(_ arguments: [String]) throws -> CLI.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        // stderr to a file: a checker listing many problems fills a pipe (64 KiB) and would
        // block while stdout is read to its end.
        let errPath = FileManager.default.temporaryDirectory.appendingPathComponent("vigie-python-\(UUID().uuidString).err")
        FileManager.default.createFile(atPath: errPath.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errPath) }
        let out = Pipe(), err = try FileHandle(forWritingTo: errPath)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        let e = (try? Data(contentsOf: errPath)) ?? Data()
        return CLI.Output(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
