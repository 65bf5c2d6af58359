import AuditAssessment
import AuditReport
import AuditData
import Crypto
import Foundation
import LinearAlgebra

/// `manifest.json`: the provenance of an audit (`docs/provenance.md`).
///
/// What went in (the SHA-256 and size of the data file, the spec file, the tariff and drought
/// models), how (the resolved spec, every field, re-runnable; Vigie's version and source
/// commit; the BLAS/LAPACK provider) and what came out (the SHA-256 and size of every report
/// file). `vigie verify` re-runs the audit from it; `vigie diff` compares two audits.
///
/// Deterministic: keys sorted, no timestamp, no thread count (outputs do not depend on it).
/// The manifest is not among the hashed outputs. It does depend on where the inputs are (their
/// absolute paths) and on the source tree (commit), so two audits with byte-identical reports
/// can have different manifests.
public struct Manifest: Codable, Equatable, Sendable {
    public static let fileName = "manifest.json"
    /// Version of this manifest format.
    public static let formatVersion = 1

    /// Vigie as it ran.
    public struct Build: Codable, Equatable, Sendable {
        /// `ReportVersion.vigie`.
        public var version: String
        /// The commit of the source tree this binary was built from, read at run time with
        /// `git rev-parse HEAD` in the folder `#filePath` names (best effort), or `unknown`.
        public var commit: String
        /// Whether that source tree had uncommitted changes to tracked files; absent when unknown.
        public var sourceModified: Bool?

        enum CodingKeys: String, CodingKey {
            case version, commit
            case sourceModified = "source_modified"
        }
    }

    /// One input file.
    public struct Input: Codable, Equatable, Sendable {
        /// `data`, `spec`, `tariff`, `drought` or `model`.
        public var role: String
        /// Absolute path, as given (resolved against the folder the audit ran in).
        public var path: String
        /// Base name.
        public var name: String
        public var sha256: String
        public var bytes: Int
    }

    /// One output file.
    public struct Output: Codable, Equatable, Sendable {
        public var name: String
        public var sha256: String
        public var bytes: Int
    }

    public var manifestVersion: Int
    public var vigie: Build
    /// `BLASProvider.description` at run time. No audited metric calls BLAS or LAPACK, so the
    /// reports do not depend on it; recorded for completeness.
    public var blas: String
    /// The resolved spec, every path absolute, in the spec file's form (`SpecView.file`):
    /// a valid spec file in itself (JSON is YAML). Optional keys are left out when unset
    /// (never `null`, which a spec file would read as the text "null").
    public var spec: AuditSpec
    /// `vigie audit` arguments giving the same spec (add `--out DIR`), as the command line
    /// wrote them; absent when flags cannot express it (then use `spec` as a spec file).
    public var command: [String]?
    public var inputs: [Input]
    public var outputs: [Output]

    enum CodingKeys: String, CodingKey {
        case manifestVersion = "manifest_version"
        case vigie, blas, spec, command, inputs, outputs
    }

    public init(manifestVersion: Int = Manifest.formatVersion, vigie: Build, blas: String, spec: AuditSpec, command: [String]?, inputs: [Input], outputs: [Output]) {
        self.manifestVersion = manifestVersion
        self.vigie = vigie
        self.blas = blas
        self.spec = spec
        self.command = command
        self.inputs = inputs
        self.outputs = outputs
    }

    // MARK: Building

    /// The manifest of an audit of `spec` whose rendered reports are `outputs`.
    /// - Parameters:
    ///   - specFile: the spec file the audit was read from, if any.
    ///   - command: the `vigie audit` arguments that give `spec`, when the command line can
    ///     express it (only the command line knows its flags).
    ///   - known: hashes already computed, by absolute path (the data file, hashed while it was loaded).
    public static func make(spec: AuditSpec, specFile: String?, command: [String]? = nil, outputs: [(name: String, data: Data)],
                            known: [String: (sha256: String, bytes: Int)] = [:]) throws -> Manifest {
        let resolved = spec.withAbsolutePaths
        var inputs: [Input] = []
        func add(_ role: String, _ path: String?) throws {
            guard let path else { return }
            let absolute = AuditSpec.absolute(path)
            let (hash, size) = try known[absolute] ?? SHA256Hashing.file(absolute)
            inputs.append(Input(role: role, path: absolute, name: URL(fileURLWithPath: absolute).lastPathComponent, sha256: hash, bytes: size))
        }
        try add("data", resolved.data.path)
        try add("spec", specFile)
        try add("tariff", resolved.models.tariff?.path)
        try add("drought", resolved.models.drought?.path)
        try add("model", resolved.models.grid?.path)
        return Manifest(
            vigie: SourceTree.build,
            blas: BLASProvider.description,
            spec: resolved,
            command: command,
            inputs: inputs,
            outputs: outputs.map { Output(name: $0.name, sha256: SHA256Hashing.hex($0.data), bytes: $0.data.count) }
        )
    }

    /// The encoded manifest: sorted keys, pretty-printed, one final newline.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads `DIR/manifest.json`.
    public static func read(folder: String) throws -> Manifest {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(fileName).path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ManifestError(message: "no \(fileName) in '\(folder)' (audits written by Vigie 0.1.0 and later have one)")
        }
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: data)
        } catch {
            throw ManifestError(message: "\(path): not a Vigie manifest (\(error))")
        }
        guard manifest.manifestVersion == formatVersion else {
            throw ManifestError(message: "\(path): manifest version \(manifest.manifestVersion); this Vigie reads version \(formatVersion)")
        }
        return manifest
    }
}

/// A manifest could not be read or used.
public struct ManifestError: Error, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// SHA-256, as lowercase hexadecimal.
public enum SHA256Hashing {
    public static func hex(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Hash and size of a file, read in 1 MiB chunks.
    public static func file(_ path: String) throws -> (sha256: String, bytes: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ManifestError(message: "cannot read '\(path)' to hash it")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var size = 0
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: 1 << 20) } catch {
                throw ManifestError(message: "cannot read '\(path)' to hash it: \(error.localizedDescription)")
            }
            guard let chunk, !chunk.isEmpty else { break }
            hasher.update(data: chunk)
            size += chunk.count
        }
        return (hex(hasher.finalize()), size)
    }
}

/// Hashes a file on another thread, so that hashing the data file for the manifest overlaps
/// with parsing it (single-threaded) instead of reading it a second time afterwards.
/// With `concurrently: false` (`vigie audit --threads 1`) the file is hashed on the calling
/// thread by `wait()`: one thread does all the work, in the same order on every run.
final class BackgroundHash: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: Result<(sha256: String, bytes: Int), Error>?
    let path: String

    init(path: String, concurrently: Bool = true) {
        self.path = path
        guard concurrently else { return }
        group.enter()
        DispatchQueue.global().async {
            self.result = Result { try SHA256Hashing.file(path) }
            self.group.leave()
        }
    }

    /// The hash, once the background work is done (or computed now, when not concurrent).
    func wait() throws -> (sha256: String, bytes: Int) {
        group.wait()
        if result == nil { result = Result { try SHA256Hashing.file(path) } }
        return try result!.get()
    }
}

/// Where this binary's sources are, and their commit (best effort, at run time).
///
/// SwiftPM offers no build-time hook to embed the commit without a plugin, so the commit is
/// read when the manifest is written: `git rev-parse HEAD` in the source tree named by
/// `#filePath` (the path this file had when compiled). That is the commit of the tree *now*,
/// which is the build's commit as long as the binary was rebuilt after the last checkout; a
/// binary moved to another machine, or a machine without git, records `unknown`.
enum SourceTree {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let build: Manifest.Build = {
        let fm = FileManager.default
        guard fm.fileExists(atPath: root.appendingPathComponent("Package.swift").path),
              fm.fileExists(atPath: root.appendingPathComponent(".git").path),
              let head = git(["rev-parse", "--verify", "HEAD"]),
              head.count == 40 || head.count == 64, head.allSatisfy(\.isHexDigit)
        else { return Manifest.Build(version: ReportVersion.vigie, commit: "unknown", sourceModified: nil) }
        let status = git(["status", "--porcelain", "--untracked-files=no"])
        return Manifest.Build(version: ReportVersion.vigie, commit: head, sourceModified: status.map { !$0.isEmpty })
    }()

    /// Runs git in the source tree; its trimmed output, or `nil` on any failure.
    static func git(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"  // never take the index lock of someone's working tree
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

