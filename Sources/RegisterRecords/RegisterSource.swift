/// Where the value of a register field comes from. Nothing else fills a field: a value
/// neither declared nor measured is left empty and marked missing.
public enum RegisterSource: String, Sendable, Codable {
    /// Stated by the system's owner: the system card of the audit's spec (`report.json`
    /// `system`), the decision model file the audit ran (identified by its SHA-256 in
    /// `manifest.json`), or the register declarations file (`--declare`).
    case declared
    /// Computed by the audit and read from `report.json` or `manifest.json`: groups checked,
    /// disparities found, counts, hashes.
    case measured
    /// Neither declared nor measured.
    case missing
}
