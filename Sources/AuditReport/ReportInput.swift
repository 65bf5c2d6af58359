/// One input file of an audit as `manifest.json` records it (`docs/provenance.md`): its role,
/// its file name and its SHA-256, shown on the report's first page so a reader can check the
/// files they hold are the ones audited.
public struct ReportInput: Sendable, Equatable {
    /// `data`, `tariff`, `drought` or `model` (the manifest's roles).
    public var role: String
    /// The file's name (no folder).
    public var name: String
    /// The file's SHA-256, 64 lower-case hexadecimal digits.
    public var sha256: String

    public init(role: String, name: String, sha256: String) {
        self.role = role
        self.name = name
        self.sha256 = sha256
    }
}
