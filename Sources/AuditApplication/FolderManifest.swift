import Foundation

/// `manifest.json` of a folder written by `vigie compare`, `vigie diff` or `vigie explain`:
/// which command wrote it, with which Vigie, and the SHA-256 and size of each file.
///
/// It makes the folder recognisable as Vigie's (``OutputFolder``), so the next run may
/// replace it; an audit folder has the fuller ``Manifest`` instead. Deterministic: keys
/// sorted, no timestamp.
public struct FolderManifest: Codable, Equatable, Sendable {
    public var manifestVersion: Int
    /// `compare`, `diff` or `explain`.
    public var writtenBy: String
    public var vigie: Manifest.Build
    public var outputs: [Manifest.Output]

    enum CodingKeys: String, CodingKey {
        case manifestVersion = "manifest_version"
        case writtenBy = "written_by"
        case vigie, outputs
    }

    public init(writtenBy: String, outputs: [(name: String, data: Data)]) {
        manifestVersion = Manifest.formatVersion
        self.writtenBy = writtenBy
        vigie = Manifest.Build.current
        self.outputs = outputs.map { Manifest.Output(name: $0.name, sha256: SHA256Hashing.hex($0.data), bytes: $0.data.count) }
    }

    /// Sorted keys, pretty-printed, one final newline (as ``Manifest/encoded()``).
    public func encoded() throws -> Data { try Manifest.json(self) }
}
