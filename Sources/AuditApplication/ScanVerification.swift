import AuditData
import Foundation

extension ManifestVerification {
    /// The `written_by` of the manifest in `folder`, when it reads as the manifest of a folder
    /// written by a command other than `vigie audit` (`scan`, `amend`, `compare`…); `nil`
    /// otherwise (an audit's, or not readable: ``verify(folder:overrides:inputsFolder:threads:)`` says why).
    public static func writtenBy(folder: String) -> String? {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(Manifest.fileName).path
        guard let size = POSIXFiles.regularFileSize(path), size <= OutputFolder.manifestLimit,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return (try? JSONDecoder().decode(FolderManifest.self, from: data))?.writtenBy
    }

    /// The flags a scan manifest's `command` may not hold: verify gives the inputs it checked
    /// and its own private output folder.
    static let scanFlagsRefused = ["--data", "--model", "--out", "--force"]

    /// `vigie verify` on a `vigie scan` folder (`docs/scan.md`, "Verify"): as for an audit —
    /// every recorded input (`data`, and `model` with a grid) found and hashing as recorded,
    /// the scan re-run into a private temporary folder with the inputs under their recorded
    /// names and the recorded arguments, every recorded output compared byte for byte —, the
    /// re-run being `rerun(data, model, command, folder)` (the command line maps the arguments).
    public static func verifyScan(folder: String, overrides: [String: String] = [:], inputsFolder: String? = nil,
                                  rerun: (_ data: String, _ model: String?, _ command: [String], _ out: String) throws -> Void) throws -> Report {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(Manifest.fileName).path
        guard let size = POSIXFiles.regularFileSize(path), size <= OutputFolder.manifestLimit,
              let data = FileManager.default.contents(atPath: path) else { throw ManifestError(message: "\(path): cannot be read") }
        let manifest: AmendmentManifest
        do { manifest = try JSONDecoder().decode(AmendmentManifest.self, from: data) } catch {
            throw ManifestError(message: "\(path): \(JSONErrorLocation.describe(error, in: data)) (not a vigie scan manifest)")
        }
        try checkScan(manifest, path: path)
        var report = Report()
        for role in overrides.keys where !manifest.inputs.contains(where: { $0.role == role }) {
            throw ManifestError(message: "the scan has no \(role) input to replace (recorded: \(manifest.inputs.map(\.role).joined(separator: ", ")))")
        }
        report.notes += versionNotes(manifest.vigie, what: "scan")
        let (located, _) = try locateInputs(manifest.inputs, folder: folder, overrides: overrides, inputsFolder: inputsFolder, report: &report)
        guard report.inputProblems.isEmpty else { return report }

        let staging = try VerificationScratch(inputs: manifest.inputs, located: located)
        defer { staging.remove() }
        let scratch = staging.path
        let staged = staging.staged
        guard let stagedData = try staged("data") else { throw ManifestError(message: "\(path): inputs: no data input recorded") }
        let out = scratch + "/out"
        do { try rerun(stagedData, try staged("model"), manifest.command, out) } catch {
            throw ManifestError(message: "the scan could not be re-run from the manifest: \(error)")
        }
        compareOutputs(manifest.outputs, folder: folder, rerun: out, report: &report)
        return report
    }

    /// The checks of a scan manifest before anything is read: written by `scan`, this format,
    /// plain input and output names, roles `data` (required) and `model`, each once, SHA-256s
    /// as 64 lowercase hexadecimal digits, outputs listed, and a command naming no file.
    static func checkScan(_ m: AmendmentManifest, path: String) throws {
        func fail(_ message: String) -> ManifestError { ManifestError(message: "\(path): \(message)") }
        guard m.writtenBy == "scan" else { throw fail("written_by: '\(m.writtenBy)'; expected scan") }
        guard m.manifestVersion == Manifest.formatVersion else {
            throw fail("manifest_version: \(m.manifestVersion); this Vigie reads version \(Manifest.formatVersion)")
        }
        var seen = Set<String>()
        for (i, input) in m.inputs.enumerated() {
            if let problem = PlainFileName.problem(input.name) { throw fail("inputs[\(i)].name: \(problem)") }
            guard ["data", "model"].contains(input.role) else { throw fail("inputs[\(i)].role: '\(input.role)'; expected one of data, model") }
            guard seen.insert(input.role).inserted else { throw fail("inputs[\(i)]: a second \(input.role) input") }
            guard input.bytes >= 0, input.sha256.count == 64, input.sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw fail("inputs[\(i)]: expected a size and a SHA-256 as 64 lowercase hexadecimal digits")
            }
        }
        guard seen.contains("data") else { throw fail("inputs: no data input recorded") }
        guard !m.outputs.isEmpty else { throw fail("outputs: no outputs recorded") }
        var names = Set<String>()
        for (i, output) in m.outputs.enumerated() {
            if let problem = PlainFileName.problem(output.name) { throw fail("outputs[\(i)].name: \(problem)") }
            guard output.name != Manifest.fileName, names.insert(output.name).inserted else { throw fail("outputs[\(i)].name: '\(output.name)' listed twice") }
        }
        for (i, argument) in m.command.enumerated() where scanFlagsRefused.contains(where: { argument == $0 || argument.hasPrefix($0 + "=") }) {
            throw fail("command[\(i)]: '\(argument)': the recorded arguments may not name an input or output (verify gives them)")
        }
    }
}
