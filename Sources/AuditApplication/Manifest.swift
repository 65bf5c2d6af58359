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
/// The manifest is not among the hashed outputs. It holds no absolute path: each input is
/// recorded by its plain file name and, when the input and the audit folder share a folder
/// other than the root, by its path relative to the audit folder. It depends on the build
/// (commit), so two audits with byte-identical reports can have different manifests.
public struct Manifest: Codable, Equatable, Sendable {
    public static let fileName = "manifest.json"
    /// Version of this manifest format.
    public static let formatVersion = 1

    /// Vigie as it ran.
    public struct Build: Codable, Equatable, Sendable {
        /// `ReportVersion.vigie`.
        public var version: String
        /// The git commit this binary was built from, fixed at build time by the `BuildCommit`
        /// plugin, or `unknown` (built outside a git checkout, or without git).
        public var commit: String
        /// Whether the checkout had uncommitted changes to tracked files when the binary was
        /// built; absent when unknown.
        public var sourceModified: Bool?

        /// This binary.
        public static let current = Build(version: ReportVersion.vigie, commit: BuildCommit.commit, sourceModified: BuildCommit.sourceModified)

        enum CodingKeys: String, CodingKey {
            case version, commit
            case sourceModified = "source_modified"
        }
    }

    /// One input file.
    public struct Input: Codable, Equatable, Sendable {
        /// `data`, `spec`, `tariff`, `drought` or `model`.
        public var role: String
        /// The path relative to the folder holding the manifest (`../data/x.csv`), or absent when
        /// the two share no folder but the root (an absolute path is never recorded).
        public var path: String?
        /// The plain file name (``PlainFileName``).
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
    /// The resolved spec in the spec file's form: a valid spec file in itself (JSON is YAML),
    /// its paths those of ``inputs`` (relative to the audit folder, else plain names).
    /// Optional keys are left out when unset (never `null`, which a spec file would read as
    /// the text "null").
    public var spec: AuditSpec
    /// `vigie audit` arguments giving the same spec (add `--out DIR`), as the command line
    /// wrote them; absent when flags cannot express it (then use `spec` as a spec file).
    public var command: [String]?
    public var inputs: [Input]
    public var outputs: [Output]
    /// For an audit pushed down to a database (`docs/postgres.md`): what was read there, in
    /// place of a data file. Absent for a file audit.
    public var database: Database?

    /// The database a push-down audit read: no password, no row.
    public struct Database: Codable, Equatable, Sendable {
        /// `postgresql://user@host:port/database`, parameters and password left out.
        public var server: String
        /// The table audited, or absent when a query was.
        public var table: String?
        /// The query audited, or absent when a table was.
        public var query: String?
        /// The statistics query Vigie sent (`vigie audit --show-sql`).
        public var sql: String
        /// SHA-256 of the result set as Vigie received it (tab-separated text, `\N` for NULL,
        /// one line per row): the same data and spec give the same hash.
        public var resultSHA256: String
        /// Rows audited.
        public var rows: Int

        enum CodingKeys: String, CodingKey {
            case server, table, query, sql, rows
            case resultSHA256 = "result_sha256"
        }
    }

    enum CodingKeys: String, CodingKey {
        case manifestVersion = "manifest_version"
        case vigie, blas, spec, command, inputs, outputs, database
    }

    public init(manifestVersion: Int = Manifest.formatVersion, vigie: Build, blas: String, spec: AuditSpec, command: [String]?, inputs: [Input], outputs: [Output],
                database: Database? = nil) {
        self.database = database
        self.manifestVersion = manifestVersion
        self.vigie = vigie
        self.blas = blas
        self.spec = spec
        self.command = command
        self.inputs = inputs
        self.outputs = outputs
    }

    // MARK: Building

    /// The manifest of an audit of `spec` whose rendered reports are `outputs`, written into
    /// `folder`.
    ///
    /// The spec's paths (data, tariff, drought rule, grid) are recorded as the inputs are:
    /// relative to `folder`, else by file name, so that the `spec` object saved as a file in
    /// the audit folder is a spec that reads the same files.
    /// - Parameters:
    ///   - specFile: the spec file the audit was read from, if any.
    ///   - commandLine: the `vigie audit` arguments that give a spec, when the command line
    ///     can express it (only the command line knows its flags); applied to the recorded
    ///     spec, whose paths are relative to `folder`.
    ///   - known: hashes already computed, by absolute path (the data file, hashed while it was loaded).
    public static func make(spec: AuditSpec, specFile: String?, commandLine: ((AuditSpec) -> [String]?)? = nil,
                            outputs: [(name: String, data: Data)], folder: String,
                            known: [String: (sha256: String, bytes: Int)] = [:]) throws -> Manifest {
        var resolved = spec
        let home = AuditSpec.absolute(folder)
        var inputs: [Input] = []
        func add(_ role: String, _ path: String?) throws -> String? {
            guard let path else { return nil }
            let absolute = AuditSpec.absolute(path)
            let (hash, size) = try known[absolute] ?? SHA256Hashing.file(absolute)
            let input = Input(role: role, path: relativePath(of: absolute, from: home), name: URL(fileURLWithPath: absolute).lastPathComponent, sha256: hash, bytes: size)
            inputs.append(input)
            return input.path ?? input.name
        }
        resolved.data.path = try add("data", resolved.data.path)
        _ = try add("spec", specFile)
        if let model = try add("tariff", resolved.models.tariff?.path) { resolved.models.tariff?.path = model }
        if let rule = try add("drought", resolved.models.drought?.path) { resolved.models.drought?.path = rule }
        if let grid = try add("model", resolved.models.grid?.path) { resolved.models.grid?.path = grid }
        return Manifest(
            vigie: Build.current,
            blas: BLASProvider.description,
            spec: resolved,
            command: commandLine?(resolved),
            inputs: inputs,
            outputs: outputs.map { Output(name: $0.name, sha256: SHA256Hashing.hex($0.data), bytes: $0.data.count) }
        )
    }

    /// The input files that determine an audit's outputs — data, tariff, drought rule, decision
    /// model (not the spec file: a re-run by `vigie verify` has none) — by file name and
    /// SHA-256, as ``make(spec:specFile:commandLine:outputs:folder:known:)`` records them;
    /// files not in `known` are hashed and added to it (hashed once for both).
    public static func reportInputs(spec: AuditSpec, known: inout [String: (sha256: String, bytes: Int)]) throws -> [ReportInput] {
        var inputs: [ReportInput] = []
        for (role, path) in [("data", spec.data.path), ("tariff", spec.models.tariff?.path), ("drought", spec.models.drought?.path), ("model", spec.models.grid?.path)] {
            guard let path else { continue }
            let absolute = AuditSpec.absolute(path)
            let hash = try known[absolute] ?? SHA256Hashing.file(absolute)
            known[absolute] = hash
            inputs.append(ReportInput(role: role, name: URL(fileURLWithPath: absolute).lastPathComponent, sha256: hash.sha256))
        }
        return inputs
    }

    /// `file` relative to the folder `folder` (both absolute and standardised), or nil when
    /// they share no folder but the root.
    static func relativePath(of file: String, from folder: String) -> String? {
        let a = URL(fileURLWithPath: folder).pathComponents, b = URL(fileURLWithPath: file).pathComponents
        var common = 0
        while common < min(a.count, b.count), a[common] == b[common] { common += 1 }
        guard common > 1 else { return nil }  // only "/" in common
        return (Array(repeating: "..", count: a.count - common) + b[common...]).joined(separator: "/")
    }

    /// The encoded manifest: sorted keys, pretty-printed, one final newline.
    public func encoded() throws -> Data { try Self.json(self) }

    /// Any manifest's bytes: sorted keys, pretty-printed, slashes unescaped, one final newline.
    static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// Reads `DIR/manifest.json` (a regular file of at most 16 MiB, never through a link) and
    /// checks that it describes an audit that can be re-run inside a private folder: every
    /// input and output is a plain file name (``PlainFileName``), each role once, a data
    /// input, and an input for every model file the spec names.
    public static func read(folder: String) throws -> Manifest {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(fileName).path
        guard POSIXFiles.kind(of: path) != .absent else {
            throw ManifestError(message: "no \(fileName) in '\(folder)' (audits written by Vigie 0.1.0 and later have one)")
        }
        guard let size = POSIXFiles.regularFileSize(path) else { throw ManifestError(message: "\(path): not a regular file") }
        guard size <= OutputFolder.manifestLimit else { throw ManifestError(message: "\(path): \(size) bytes, more than a manifest can hold (16 MiB)") }
        guard let data = FileManager.default.contents(atPath: path) else { throw ManifestError(message: "\(path): cannot be read") }
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: data)
        } catch {
            if let other = try? JSONDecoder().decode(FolderManifest.self, from: data) {
                throw ManifestError(message: "\(path): the folder was written by vigie \(other.writtenBy); only audits (vigie audit, vigie demo) can be verified")
            }
            let location = JSONErrorLocation.describe(error, in: data)
            throw ManifestError(message: location.first?.isNumber == true ? "\(path):\(location)" : "\(path): \(location) (not a Vigie audit manifest)")
        }
        guard manifest.manifestVersion == formatVersion else {
            throw ManifestError(message: "\(path): manifest_version: \(manifest.manifestVersion); this Vigie reads version \(formatVersion)")
        }
        try manifest.checkConfined(path)
        return manifest
    }

    /// The checks of ``read(folder:)`` on names and roles.
    func checkConfined(_ path: String) throws {
        func fail(_ message: String) -> ManifestError { ManifestError(message: "\(path): \(message)") }
        let roles = ["data", "spec", "tariff", "drought", "model"]
        var seen = Set<String>()
        for (i, input) in inputs.enumerated() {
            if let problem = PlainFileName.problem(input.name) { throw fail("inputs[\(i)].name: \(problem)") }
            guard roles.contains(input.role) else { throw fail("inputs[\(i)].role: '\(input.role)'; expected one of \(roles.joined(separator: ", "))") }
            guard seen.insert(input.role).inserted else { throw fail("inputs[\(i)]: a second \(input.role) input") }
            guard input.bytes >= 0, input.sha256.count == 64, input.sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw fail("inputs[\(i)]: expected a size and a SHA-256 as 64 lowercase hexadecimal digits")
            }
        }
        if database != nil {
            throw fail("the audit read a database (\(database!.server)): vigie verify re-runs file audits; re-run `vigie audit` against the server and compare database.result_sha256")
        }
        guard seen.contains("data") else {
            throw fail(inputs.isEmpty ? "inputs: no inputs recorded: there is nothing to verify the reports against" : "inputs: no data input recorded")
        }
        for (key, role, named) in [("tariff", "tariff", spec.models.tariff != nil), ("drought", "drought", spec.models.drought != nil), ("model", "model", spec.models.grid != nil)]
        where named && !seen.contains(role) {
            throw fail("the spec names a \(key) file but no \(role) input is recorded")
        }
        guard !outputs.isEmpty else { throw fail("outputs: no outputs recorded") }
        var names = Set<String>()
        for (i, output) in outputs.enumerated() {
            if let problem = PlainFileName.problem(output.name) { throw fail("outputs[\(i)].name: \(problem)") }
            guard output.name != Manifest.fileName, names.insert(output.name).inserted else { throw fail("outputs[\(i)].name: '\(output.name)' listed twice") }
        }
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

/// Hashes a file on another thread (``BackgroundWork``), so that hashing the data file for the
/// manifest overlaps with parsing it instead of reading it a second time afterwards. With
/// `concurrently: false` (`vigie audit --threads 1`) the file is hashed on the calling thread
/// by `wait()`. The hash of a file does not depend on what runs beside it.
struct BackgroundHash: Sendable {
    let path: String
    private let work: BackgroundWork<(sha256: String, bytes: Int)>

    init(path: String, concurrently: Bool = true) {
        self.path = path
        work = BackgroundWork(concurrently: concurrently) { try SHA256Hashing.file(path) }
    }

    /// The hash, once the background work is done (or computed now, when not concurrent).
    func wait() throws -> (sha256: String, bytes: Int) { try work.wait() }
}
