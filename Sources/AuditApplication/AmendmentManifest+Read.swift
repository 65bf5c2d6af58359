import AuditData
import Foundation

extension AmendmentManifest {
    /// Reads `DIR/manifest.json` when `vigie amend` wrote it (`written_by: amend`), with the
    /// checks of ``Manifest/read(folder:)``: a regular file of at most 16 MiB, never through a
    /// link; every input and output a plain file name (``PlainFileName``); roles `model`, `data`
    /// and `holdout`, each once, `model` and `data` present; the run's settings recorded.
    /// - Returns: `nil` when the folder's manifest was written by another command (or cannot be
    ///   read: ``Manifest/read(folder:)`` then says why).
    /// - Throws: `ManifestError` for an amend manifest that cannot be re-run.
    public static func readIfAmendment(folder: String) throws -> AmendmentManifest? {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(Manifest.fileName).path
        guard let size = POSIXFiles.regularFileSize(path), size <= OutputFolder.manifestLimit,
              let data = FileManager.default.contents(atPath: path),
              let header = try? JSONDecoder().decode(FolderManifest.self, from: data), header.writtenBy == "amend" else { return nil }
        func fail(_ message: String) -> ManifestError { ManifestError(message: "\(path): \(message)") }
        let manifest: AmendmentManifest
        do {
            manifest = try JSONDecoder().decode(AmendmentManifest.self, from: data)
        } catch {
            let location = JSONErrorLocation.describe(error, in: data)
            throw ManifestError(message: location.first?.isNumber == true ? "\(path):\(location)" : "\(path): \(location) (not a Vigie amend manifest)")
        }
        guard manifest.manifestVersion == Manifest.formatVersion else {
            throw fail("manifest_version: \(manifest.manifestVersion); this Vigie reads version \(Manifest.formatVersion)")
        }
        guard manifest.settings != nil else {
            throw fail("amend: the run's settings are not recorded (folders written before vigie verify could re-run vigie amend): run vigie amend again")
        }
        let roles = ["model", "data", "holdout"]
        var seen = Set<String>()
        for (i, input) in manifest.inputs.enumerated() {
            if let problem = PlainFileName.problem(input.name) { throw fail("inputs[\(i)].name: \(problem)") }
            guard roles.contains(input.role) else { throw fail("inputs[\(i)].role: '\(input.role)'; expected one of \(roles.joined(separator: ", "))") }
            guard seen.insert(input.role).inserted else { throw fail("inputs[\(i)]: a second \(input.role) input") }
            guard input.bytes >= 0, input.sha256.count == 64, input.sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw fail("inputs[\(i)]: expected a size and a SHA-256 as 64 lowercase hexadecimal digits")
            }
        }
        for role in ["model", "data"] where !seen.contains(role) { throw fail("inputs: no \(role) input recorded") }
        guard !manifest.outputs.isEmpty else { throw fail("outputs: no outputs recorded") }
        var names = Set<String>()
        for (i, output) in manifest.outputs.enumerated() {
            if let problem = PlainFileName.problem(output.name) { throw fail("outputs[\(i)].name: \(problem)") }
            guard output.name != Manifest.fileName, names.insert(output.name).inserted else { throw fail("outputs[\(i)].name: '\(output.name)' listed twice") }
        }
        return manifest
    }
}
