import AuditAssessment
import AuditReport
import AuditData
import Foundation

/// `vigie verify`: checks an audit folder against its `manifest.json` by re-running the audit.
///
/// 1. every recorded input is found (an override, else its recorded path, else a file of the
///    same base name beside the manifest) and must hash as recorded;
/// 2. the audit is re-run with the recorded spec into a temporary folder, each input seen
///    under its recorded base name (reports name the data and model files by base name);
/// 3. every recorded output is compared byte for byte with the re-run, and with its recorded
///    hash.
public enum ManifestVerification {
    /// The outcome.
    public struct Report: Sendable {
        /// Inputs missing or changed (no re-run is attempted then).
        public var inputProblems: [String] = []
        /// Outputs missing, edited, or different from the re-run.
        public var outputProblems: [String] = []
        /// Things to know that are not failures (another Vigie version or commit).
        public var notes: [String] = []
        public var inputsChecked = 0
        public var outputsChecked = 0
        public var passed: Bool { inputProblems.isEmpty && outputProblems.isEmpty }
    }

    /// Verifies `folder`.
    /// - Parameter overrides: role (`data`, `spec`, `tariff`, `drought`, `model`) → a file to use instead
    ///   of the recorded one; it must hash the same.
    public static func verify(folder: String, overrides: [String: String] = [:], threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> Report {
        let manifest = try Manifest.read(folder: folder)
        var report = Report()
        for role in overrides.keys where !manifest.inputs.contains(where: { $0.role == role }) {
            throw ManifestError(message: "the audit has no \(role) input to replace (recorded: \(manifest.inputs.map(\.role).joined(separator: ", ")))")
        }
        let current = SourceTree.build
        if manifest.vigie.version != current.version {
            report.notes.append("the audit was made by Vigie \(manifest.vigie.version), this is \(current.version): identical outputs are only promised by the same version")
        } else if manifest.vigie.commit != current.commit {
            report.notes.append("the audit was made at commit \(manifest.vigie.commit), this binary's source tree is at \(current.commit)")
        }

        // 1. Inputs.
        var located: [String: String] = [:]
        var hashes: [String: (sha256: String, bytes: Int)] = [:]
        for input in manifest.inputs {
            let beside = URL(fileURLWithPath: folder).appendingPathComponent(input.name).path
            let candidates = overrides[input.role].map { [ManifestSpec.absolute($0)] } ?? [input.path, beside]
            guard let path = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }) else {
                report.inputProblems.append("\(input.role) \(input.path): missing (also looked for \(candidates.dropFirst().first ?? candidates[0]))")
                continue
            }
            let (hash, size) = try SHA256Hashing.file(path)
            report.inputsChecked += 1
            if hash != input.sha256 {
                report.inputProblems.append("\(input.role) \(path): changed (sha256 \(hash), \(size) bytes; recorded \(input.sha256), \(input.bytes) bytes)")
            } else {
                located[input.role] = path
                hashes[input.role] = (hash, size)
            }
        }
        guard report.inputProblems.isEmpty else { return report }

        // 2. Re-run in a temporary folder, each input under its recorded base name.
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("vigie-verify-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: scratch) }
        func staged(_ role: String) throws -> String? {
            guard let input = manifest.inputs.first(where: { $0.role == role }), let path = located[role] else { return nil }
            let roleFolder = scratch.appendingPathComponent("inputs/\(role)")
            try fm.createDirectory(at: roleFolder, withIntermediateDirectories: true)
            let link = roleFolder.appendingPathComponent(input.name).path
            try fm.createSymbolicLink(atPath: link, withDestinationPath: path)
            return link
        }
        var spec = try manifest.spec.auditSpec()
        if let data = try staged("data") { spec.dataPath = data }
        if let model = try staged("tariff") { spec.tariff?.model = model }
        if let rule = try staged("drought") { spec.drought?.rule = rule }
        if let grid = try staged("model") { spec.model?.grid = grid }
        let rerun = scratch.appendingPathComponent("out")
        // The staged inputs are the files just hashed: the re-run reads the data once and hashes nothing again.
        var known: [String: (sha256: String, bytes: Int)] = [:]
        for (role, path) in [("data", spec.dataPath), ("tariff", spec.tariff?.model), ("drought", spec.drought?.rule), ("model", spec.model?.grid)] {
            if let path, let hash = hashes[role] { known[ManifestSpec.absolute(path)] = hash }
        }
        do {
            _ = try AuditPipeline.run(spec: spec, outputDirectory: rerun.path, threads: threads, specFile: nil, knownHashes: known)
        } catch {
            throw ManifestError(message: "the audit could not be re-run from the manifest: \(error)")
        }

        // 3. Outputs.
        for output in manifest.outputs {
            report.outputsChecked += 1
            let path = URL(fileURLWithPath: folder).appendingPathComponent(output.name).path
            guard let found = fm.contents(atPath: path) else {
                report.outputProblems.append("\(output.name): missing from \(folder)")
                continue
            }
            guard let expected = fm.contents(atPath: rerun.appendingPathComponent(output.name).path) else {
                report.outputProblems.append("\(output.name): this Vigie no longer writes it")
                continue
            }
            if found != expected {
                report.outputProblems.append("\(output.name): differs from the re-run, \(firstDifference(expected: expected, found: found))")
            } else if SHA256Hashing.hex(found) != output.sha256 {
                // Identical to the re-run but not to what was recorded: the audit was made by
                // another version, or the manifest was edited.
                report.outputProblems.append("\(output.name): matches the re-run but not the recorded sha256 \(output.sha256)")
            }
        }
        for name in AuditPipeline.files where !manifest.outputs.contains(where: { $0.name == name }) {
            report.notes.append("\(name) is not recorded in the manifest and was not checked")
        }
        return report
    }

    /// "line N: expected «…», found «…»" for the first line that differs.
    static func firstDifference(expected: Data, found: Data) -> String {
        let a = expected.split(separator: 0x0A, omittingEmptySubsequences: false)
        let b = found.split(separator: 0x0A, omittingEmptySubsequences: false)
        func show(_ line: Data.SubSequence) -> String {
            let text = String(decoding: line, as: UTF8.self)
            return text.count > 100 ? String(text.prefix(100)) + "…" : text
        }
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? a[i] : nil
            let y = i < b.count ? b[i] : nil
            if x != y {
                let e = x.map { "«\(show($0))»" } ?? "end of file"
                let f = y.map { "«\(show($0))»" } ?? "end of file"
                return "first at line \(i + 1): expected \(e), found \(f)"
            }
        }
        return "same lines, other bytes"
    }
}
