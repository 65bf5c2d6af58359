import TestSupport
import Foundation
import Testing

/// `vigie verify` on a `vigie amend` folder (`docs/amend.md`, "Verify"): the amendment is re-run
/// from the manifest's recorded settings and inputs, and every output compared byte for byte.
@Suite("AmendVerify")
struct AmendVerifyTests {
    let scratch = Scratch()

    /// An amend folder written from fresh inputs (with a holdout file, a floor and a reference).
    func amended() throws -> (out: URL, data: URL) {
        let folder = scratch.folder()
        let data = folder.appendingPathComponent("applicants.csv"), grid = folder.appendingPathComponent("grid.yaml")
        let holdout = folder.appendingPathComponent("next-year.csv")
        try Data(PlantedApplicants.csv(rows: 1_500, seed: 20_261_203).utf8).write(to: data)
        try Data(PlantedApplicants.csv(rows: 1_200, seed: 5).utf8).write(to: holdout)
        try Data(AmendCommandTests.grid.utf8).write(to: grid)
        let out = folder.appendingPathComponent("amend")
        let run = try CLI.run(["amend", "--model", grid.path, "--data", data.path, "--protected", "nationalite", "--reference", "nationalite=FR",
                               "--target", "impact_ratio>=0.8", "--target", "score_gap<=30", "--keep", "dalo>=50", "--candidates", "150",
                               "--proposals", "2", "--holdout", holdout.path, "--lang", "fr", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        return (out, data)
    }

    @Test func aFreshFolderVerifies() throws {
        let (out, _) = try amended()
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"amend\"") && manifest.contains("impact_ratio>=0.8") && manifest.contains("\"dalo\""))
        let verify = try CLI.run(["verify", out.path])
        #expect(verify.status == 0, "\(verify.stdout)\n\(verify.stderr)")
    }

    @Test func aTamperedProposalsFileFails() throws {
        let (out, _) = try amended()
        let file = out.appendingPathComponent("proposals.csv")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\n", with: "\n ", options: [], range: text.range(of: "\n"))
        try Data(text.utf8).write(to: file)
        let verify = try CLI.run(["verify", out.path])
        #expect(verify.status == 1)
        #expect((verify.stdout + verify.stderr).contains("proposals.csv"))
    }

    @Test func aChangedInputFails() throws {
        let (out, data) = try amended()
        let handle = try FileHandle(forWritingTo: data)
        handle.seekToEndOfFile()
        handle.write(Data("\n".utf8))
        try handle.close()
        let verify = try CLI.run(["verify", out.path])
        #expect(verify.status == 1)
        #expect((verify.stdout + verify.stderr).contains("changed"))
    }
}
