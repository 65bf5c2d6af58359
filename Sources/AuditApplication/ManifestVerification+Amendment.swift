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
        let current = Manifest.Build.current
        if manifest.vigie.version != current.version {
            report.notes.append("the amendment was made by Vigie \(manifest.vigie.version), this is \(current.version): identical outputs are only promised by the same version")
        } else if manifest.vigie.commit != current.commit {
            report.notes.append("the amendment was made by a build of commit \(manifest.vigie.commit), this binary was built from \(current.commit)")
        }
        let (located, _) = try locateInputs(manifest.inputs, folder: folder, overrides: overrides, inputsFolder: inputsFolder, report: &report)
        guard report.inputProblems.isEmpty, let settings = manifest.settings else { return report }

        let scratch: String
        do { scratch = try POSIXFiles.makeUniqueFolder(in: NSTemporaryDirectory(), prefix: "vigie-verify-") } catch {
            throw ManifestError(message: "cannot create a private folder for the re-run: \(error)")
        }
        defer { POSIXFiles.removeTree(scratch) }
        func staged(_ role: String) throws -> String? {
            guard let input = manifest.inputs.first(where: { $0.role == role }), let path = located[role] else { return nil }
            let roleFolder = scratch + "/inputs-" + role
            guard mkdir(roleFolder, 0o700) == 0 else { throw ManifestError(message: "cannot stage the \(role) input: \(POSIXFiles.lastError())") }
            let link = roleFolder + "/" + input.name
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: AuditSpec.absolute(path))
            return link
        }
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
