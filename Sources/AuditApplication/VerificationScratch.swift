import Foundation

/// The private temporary folder where `vigie verify` re-runs what a folder's manifest records
/// (an audit, a scan, an amendment): created with an unpredictable name (mode 0700), each
/// input staged in a folder of its own under its recorded name (a link to the file found and
/// checked), removed whole afterwards.
struct VerificationScratch {
    let path: String
    private let inputs: [Manifest.Input]
    private let located: [String: String]

    /// Creates the folder; `located` is each input's path found by role (`locateInputs`).
    init(inputs: [Manifest.Input], located: [String: String]) throws {
        do { path = try POSIXFiles.makeUniqueFolder(in: NSTemporaryDirectory(), prefix: "vigie-verify-") } catch {
            throw ManifestError(message: "cannot create a private folder for the re-run: \(error)")
        }
        self.inputs = inputs
        self.located = located
    }

    /// The input of `role` under its recorded name in the folder, or nil when none is recorded.
    func staged(_ role: String) throws -> String? {
        guard let input = inputs.first(where: { $0.role == role }), let found = located[role] else { return nil }
        let roleFolder = path + "/inputs-" + role
        guard mkdir(roleFolder, 0o700) == 0 else { throw ManifestError(message: "cannot stage the \(role) input: \(POSIXFiles.lastError())") }
        let link = roleFolder + "/" + input.name
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: AuditSpec.absolute(found))
        return link
    }

    /// Removes the folder and everything in it.
    func remove() { POSIXFiles.removeTree(path) }
}
