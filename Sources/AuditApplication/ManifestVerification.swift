import AuditAssessment
import AuditReport
import AuditData
import Foundation

/// `vigie verify`: checks an audit folder against its `manifest.json` by re-running the audit.
///
/// Verify exists to check folders other people send, so nothing in the manifest chooses
/// where Vigie writes: names are plain file names (``Manifest/read(folder:)``), the re-run
/// happens in a new private temporary folder (mode 0700) that is removed afterwards, and
/// nothing is created anywhere else.
///
/// 1. every recorded input is found and must hash as recorded: the file given for its role,
///    else its recorded name in `inputsFolder`, else — the first that is a regular file of
///    the recorded size and SHA-256 — its recorded path (relative to the audit folder), the
///    file of that name beside the manifest, the file of that name in the current folder;
/// 2. the audit is re-run with the recorded spec into the private folder, each input seen
///    under its recorded name (reports name the data and model files by name);
/// 3. every recorded output (a regular file, never through a link) is compared byte for byte
///    with the re-run, and with its recorded hash.
public enum ManifestVerification {
    /// The outcome.
    public struct Report: Sendable {
        /// Inputs missing or changed (no re-run is attempted then).
        public var inputProblems: [VerificationProblem] = []
        /// Outputs missing, edited, or different from the re-run.
        public var outputProblems: [VerificationProblem] = []
        /// Things to know that are not failures (another Vigie version or commit).
        public var notes: [VerificationProblem] = []
        public var inputsChecked = 0
        public var outputsChecked = 0
        public var passed: Bool { inputProblems.isEmpty && outputProblems.isEmpty }
    }

    /// Verifies `folder`.
    /// - Parameters:
    ///   - overrides: role (`data`, `spec`, `tariff`, `drought`, `model`) → a file to use instead
    ///     of the recorded one; it must hash the same.
    ///   - inputsFolder: a folder where every input not overridden is looked up by its recorded name, and only there.
    public static func verify(folder: String, overrides: [String: String] = [:], inputsFolder: String? = nil,
                              threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> Report {
        if let amendment = try AmendmentManifest.readIfAmendment(folder: folder) {
            return try verifyAmendment(folder: folder, manifest: amendment, overrides: overrides, inputsFolder: inputsFolder)
        }
        let manifest = try Manifest.read(folder: folder)
        var report = Report()
        for role in overrides.keys where !manifest.inputs.contains(where: { $0.role == role }) {
            throw ManifestError(message: "the audit has no \(role) input to replace (recorded: \(manifest.inputs.map(\.role).joined(separator: ", ")))")
        }
        report.notes += versionNotes(manifest.vigie)

        // 1. Inputs.
        let (located, hashes) = try locateInputs(manifest.inputs, folder: folder, overrides: overrides, inputsFolder: inputsFolder, report: &report)
        guard report.inputProblems.isEmpty else { return report }

        // 2. Re-run in a private temporary folder, each input under its recorded name.
        let staging = try VerificationScratch(inputs: manifest.inputs, located: located)
        defer { staging.remove() }
        let scratch = staging.path
        let staged = staging.staged
        var spec = manifest.spec
        if let data = try staged("data") { spec.data.path = data }
        if let model = try staged("tariff") { spec.models.tariff?.path = model }
        if let rule = try staged("drought") { spec.models.drought?.path = rule }
        if let grid = try staged("model") { spec.models.grid?.path = grid }
        let rerun = scratch + "/out"
        // The staged inputs are the files just hashed: the re-run reads the data once and hashes nothing again.
        var known: [String: (sha256: String, bytes: Int)] = [:]
        for (role, path) in [("data", spec.data.path), ("tariff", spec.models.tariff?.path), ("drought", spec.models.drought?.path), ("model", spec.models.grid?.path)] {
            if let path, let hash = hashes[role] { known[AuditSpec.absolute(path)] = hash }
        }
        do {
            _ = try AuditPipeline.run(spec: spec, outputDirectory: rerun, threads: threads, specFile: nil, commandLine: { _ in manifest.command }, knownHashes: known)
        } catch {
            throw ManifestError(message: "the audit could not be re-run from the manifest: \(error)")
        }

        // 3. Outputs.
        compareOutputs(manifest.outputs, folder: folder, rerun: rerun, report: &report)
        return report
    }

    /// Notes when the folder was made by another Vigie version or commit.
    static func versionNotes(_ made: Manifest.Build, what: String = "audit") -> [VerificationProblem] {
        let current = Manifest.Build.current
        if made.version != current.version {
            return [.otherVersion(what: what, made: made.version, current: current.version)]
        } else if made.commit != current.commit {
            return [.otherCommit(what: what, made: made.commit, current: current.commit)]
        }
        return []
    }

    /// Step 1: every recorded input found and hashing as recorded; the path of each by role, and its hash.
    static func locateInputs(_ inputs: [Manifest.Input], folder: String, overrides: [String: String], inputsFolder: String?,
                             report: inout Report) throws -> (located: [String: String], hashes: [String: (sha256: String, bytes: Int)]) {
        var located: [String: String] = [:]
        var hashes: [String: (sha256: String, bytes: Int)] = [:]
        for input in inputs {
            let candidates: [String]
            if let given = overrides[input.role] {
                candidates = [given]
            } else if let inputsFolder {
                candidates = [inputsFolder + "/" + input.name]
            } else {
                candidates = (input.path.map { [folder + "/" + $0] } ?? []) + [folder + "/" + input.name, input.name]
            }
            switch try locate(input, among: candidates) {
            case .found(let path):
                report.inputsChecked += 1
                located[input.role] = path
                hashes[input.role] = (input.sha256, input.bytes)
            case .changed(let path, let hash, let size):
                report.inputsChecked += 1
                report.inputProblems.append(.inputChanged(role: input.role, path: path, sha256: hash, bytes: size, recordedSHA256: input.sha256, recordedBytes: input.bytes))
            case .missing:
                report.inputProblems.append(.inputMissing(role: input.role, name: input.name, candidates: candidates))
            }
        }
        return (located, hashes)
    }

    /// Step 3: every recorded output compared with the re-run in `rerun`, byte for byte and with its hash.
    static func compareOutputs(_ outputs: [Manifest.Output], folder: String, rerun: String, report: inout Report) {
        for output in outputs {
            report.outputsChecked += 1
            let path = folder + "/" + output.name
            guard POSIXFiles.kind(of: path) != .absent else {
                report.outputProblems.append(.outputMissing(name: output.name, folder: folder))
                continue
            }
            guard POSIXFiles.regularFileSize(path) != nil, let found = FileManager.default.contents(atPath: path) else {
                report.outputProblems.append(.outputNotRegular(name: output.name))
                continue
            }
            guard let expected = FileManager.default.contents(atPath: rerun + "/" + output.name) else {
                report.outputProblems.append(.outputNoLongerWritten(name: output.name))
                continue
            }
            if found != expected {
                let d = firstDifference(expected: expected, found: found)
                report.outputProblems.append(.outputDiffers(name: output.name, line: d?.line, expected: d?.expected, found: d?.found))
            } else if SHA256Hashing.hex(found) != output.sha256 {
                // Identical to the re-run but not to what was recorded: the audit was made by
                // another version, or the manifest was edited.
                report.outputProblems.append(.outputHashMismatch(name: output.name, recordedSHA256: output.sha256))
            }
        }
        let rerunFiles = (POSIXFiles.entries(rerun) ?? []).filter { $0 != Manifest.fileName }.sorted()
        for name in rerunFiles where !outputs.contains(where: { $0.name == name }) {
            report.notes.append(.notRecorded(name: name))
        }
    }

    enum Location {
        case found(String)
        case changed(path: String, sha256: String, bytes: Int)
        case missing
    }

    /// The first candidate that is a regular file (links followed) of the recorded size and
    /// SHA-256; else the first regular file found, as changed; else missing. Pipes and devices
    /// are never read.
    static func locate(_ input: Manifest.Input, among candidates: [String]) throws -> Location {
        var firstChanged: Location?
        for path in candidates {
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            let (hash, size) = Int(info.st_size) == input.bytes ? try SHA256Hashing.file(path) : ("(not hashed: other size)", Int(info.st_size))
            if hash == input.sha256 && size == input.bytes { return .found(path) }
            if firstChanged == nil { firstChanged = .changed(path: AuditSpec.absolute(path), sha256: hash, bytes: size) }
        }
        return firstChanged ?? .missing
    }

    /// The first line that differs (1-based) and its two versions (`nil`: the end of the
    /// file); `nil` when the lines are the same and other bytes differ.
    static func firstDifference(expected: Data, found: Data) -> (line: Int, expected: String?, found: String?)? {
        let a = expected.split(separator: 0x0A, omittingEmptySubsequences: false)
        let b = found.split(separator: 0x0A, omittingEmptySubsequences: false)
        func show(_ line: Data.SubSequence) -> String {
            let text = String(decoding: line, as: UTF8.self)
            return text.count > 100 ? String(text.prefix(100)) + "…" : text
        }
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? a[i] : nil
            let y = i < b.count ? b[i] : nil
            if x != y { return (i + 1, x.map(show), y.map(show)) }
        }
        return nil
    }
}
