import AuditData
import Foundation
import LinearAlgebra

/// `manifest.json` of a `vigie amend` or `vigie scan` folder: which command wrote it, with which Vigie and
/// BLAS, from which inputs (role `model`, `data`, `holdout`: SHA-256, size, path relative to the
/// folder — never absolute), with which arguments, and the SHA-256 and size of each output.
/// Deterministic: keys sorted, no timestamp, no thread count.
public struct AmendmentManifest: Codable, Equatable, Sendable {
    public var manifestVersion: Int
    public var writtenBy: String
    public var vigie: Manifest.Build
    public var blas: String
    /// The command's arguments, `--out` left out, paths as given.
    public var command: [String]
    public var inputs: [Manifest.Input]
    public var outputs: [Manifest.Output]
    /// What `vigie verify` needs to re-run an amendment (absent for `vigie scan`, and in amend
    /// folders written before it was recorded).
    public var settings: AmendmentSettings?

    enum CodingKeys: String, CodingKey {
        case manifestVersion = "manifest_version"
        case writtenBy = "written_by"
        case settings = "amend"
        case vigie, blas, command, inputs, outputs
    }

    /// The manifest of outputs written into `folder` from the inputs `(role, path)` by the
    /// command `writtenBy` (`amend`, `scan`).
    public static func make(inputs: [(role: String, path: String)], command: [String], outputs: [(name: String, data: Data)],
                            folder: String, writtenBy: String = "amend", settings: AmendmentSettings? = nil) throws -> AmendmentManifest {
        let home = AuditSpec.absolute(folder)
        let recorded = try inputs.map { role, path -> Manifest.Input in
            let absolute = AuditSpec.absolute(path)
            let (hash, size) = try SHA256Hashing.file(absolute)
            return Manifest.Input(role: role, path: Manifest.relativePath(of: absolute, from: home),
                                  name: URL(fileURLWithPath: absolute).lastPathComponent, sha256: hash, bytes: size)
        }
        return AmendmentManifest(manifestVersion: Manifest.formatVersion, writtenBy: writtenBy, vigie: .current, blas: BLASProvider.description,
                                 command: command, inputs: recorded,
                                 outputs: outputs.map { Manifest.Output(name: $0.name, sha256: SHA256Hashing.hex($0.data), bytes: $0.data.count) },
                                 settings: settings)
    }

    /// Sorted keys, pretty-printed, one final newline.
    public func encoded() throws -> Data { try Manifest.json(self) }
}
