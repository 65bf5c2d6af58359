/// A file the audit recorded in `manifest.json`: an input (data, spec, decision model,
/// tariff, drought rule) or an output, with its SHA-256.
public struct AuditFile: Sendable, Equatable, Codable {
    /// `data`, `spec`, `model`, `tariff`, `drought` for inputs; `output` for outputs.
    public var role: String
    /// Base name.
    public var name: String
    public var sha256: String
    /// The path recorded for an input, relative to the audit folder (`nil` for an output,
    /// or when the input shares no folder with the audit but the root). Not written into
    /// records, which name files by base name like the reports.
    public var path: String?

    enum CodingKeys: String, CodingKey {
        case role, name, sha256
    }
}
