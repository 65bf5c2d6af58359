import AuditData
import Foundation

extension ManifestVerification {
    /// `vigie verify` on a `vigie amend` folder (``AmendmentManifest/readIfAmendment(folder:)``):
    /// the same three steps as an audit's — every input (`model`, `data`, `holdout`) found and
    /// hashed as recorded; the amendment re-run with the recorded settings
    /// (``AmendmentSettings``) into a new private temporary folder, each input under its
    /// recorded name; every recorded output compared byte for byte.
    static func verifyAmendment(folder: String, manifest: AmendmentManifest, overrides: [String: String], inputsFolder: String?) throws -> Report {
        var report = Report()
        for role in overrides.keys where !manifest.inputs.contains(where: { $0.role == role }) {
            throw ManifestError(message: "the amendment has no \(role) input to replace (recorded: \(manifest.inputs.map(\.role).joined(separator: ", ")))")
        }
        report.notes += versionNotes(manifest.vigie, what: "amendment")
        let (located, _) = try locateInputs(manifest.inputs, folder: folder, overrides: overrides, inputsFolder: inputsFolder, report: &report)
        guard report.inputProblems.isEmpty, let settings = manifest.settings else { return report }

        let staging = try VerificationScratch(inputs: manifest.inputs, located: located)
        defer { staging.remove() }
        let scratch = staging.path
        let staged = staging.staged
        guard let model = try staged("model"), let data = try staged("data") else { return report }
        let holdout = try staged("holdout")
        let rerun = scratch + "/out"
        do {
            let run = try AmendmentRun(gridPath: model, dataPath: data, holdoutPath: holdout, settings: settings)
            _ = try run.write(to: rerun, force: false, command: manifest.command)
        } catch {
            throw ManifestError(message: "the amendment could not be re-run from the manifest: \(error)")
        }
        compareOutputs(manifest.outputs, folder: folder, rerun: rerun, report: &report)
        return report
    }
}
