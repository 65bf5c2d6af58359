/// Versions written into every report.
public enum ReportVersion {
    /// Version of the `report.json` schema (`docs/report-schema.md`). Minor: fields added;
    /// major: fields changed or removed.
    public static let schema = "1.3"
    /// Version of Vigie.
    public static let vigie = "0.1.0"
}
