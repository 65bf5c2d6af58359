import TestSupport
import Foundation
import Testing

/// `vigie verify` on a `vigie scan` folder (`docs/scan.md`, "Verify"): the scan is re-run from
/// its manifest and every output compared byte for byte; a tampered scan.csv, a changed data
/// file or a manifest whose arguments name a file fail.
@Suite("ScanVerify")
struct ScanVerifyTests {
    let scratch = Scratch()

    func scanFolder() throws -> (out: URL, data: URL) {
        let folder = scratch.folder()
        let data = folder.appendingPathComponent("applicants.csv"), grid = folder.appendingPathComponent("grid.yaml")
        try Data(ScanCommandTests.csv(rows: 3_000, seed: 5).utf8).write(to: data)
        try Data(ScanCommandTests.grid.utf8).write(to: grid)
        let out = folder.appendingPathComponent("scan")
        let run = try CLI.run(["scan", "--data", data.path, "--model", grid.path, "--decision", "propose", "--on", "commune", "--on", "revenu",
                               "--on", "taille", "--seed", "4", "--lang", "fr", "--delimiter", ",", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        return (out, data)
    }

    @Test func verifyReRunsTheScanAndCatchesATamperedFile() throws {
        let (out, data) = try scanFolder()
        let ok = try CLI.run(["verify", out.path])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("2 inputs match their SHA-256, 3 outputs byte-identical"), "\(ok.stdout)")

        // One digit changed in scan.csv: exit 1, the file and line named.
        let csv = out.appendingPathComponent("scan.csv")
        let original = try Data(contentsOf: csv)
        var text = String(decoding: original, as: UTF8.self)
        let digit = try #require(text.firstIndex { $0.isNumber && $0 != "1" })
        text.replaceSubrange(digit...digit, with: "1")
        try Data(text.utf8).write(to: csv)
        let tampered = try CLI.run(["verify", out.path])
        #expect(tampered.status == 1, "\(tampered.stdout)\(tampered.stderr)")
        #expect(tampered.stdout.contains("scan.csv: differs from the re-run, first at line 2"), "\(tampered.stdout)")
        try original.write(to: csv)

        // The French scan.md edited: caught too.
        let md = out.appendingPathComponent("scan.md")
        let words = try String(contentsOf: md, encoding: .utf8)
        #expect(words.contains("pas une preuve de discrimination"))
        try Data((words + "\n").utf8).write(to: md)
        let edited = try CLI.run(["verify", out.path])
        #expect(edited.status == 1 && edited.stdout.contains("scan.md"), "\(edited.stdout)")
        try Data(words.utf8).write(to: md)

        // The data changed: the input is reported and the scan not re-run.
        let rows = try Data(contentsOf: data)
        try (rows + Data("d9999,1,T1,Nord,900,5,non,0\n".utf8)).write(to: data)
        let changed = try CLI.run(["verify", out.path])
        #expect(changed.status == 1 && changed.stdout.contains("data") && changed.stdout.contains("changed"), "\(changed.stdout)")
        try rows.write(to: data)
        #expect(try CLI.run(["verify", out.path]).status == 0)
    }

    @Test func aManifestWhoseArgumentsNameAFileIsRefused() throws {
        let (out, _) = try scanFolder()
        let manifest = out.appendingPathComponent("manifest.json")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"--seed\",", with: "\"--out\", \"/tmp/elsewhere\", \"--seed\",").utf8).write(to: manifest)
        let run = try CLI.run(["verify", out.path])
        #expect(run.status == 2 && run.stderr.contains("may not name an input or output"), "\(run.stdout)\(run.stderr)")
    }
}
