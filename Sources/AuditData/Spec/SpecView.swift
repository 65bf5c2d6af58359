/// Which form a spec is written in. Every part of the spec writes itself in both, so the
/// manifest and `report.json` are serialised by the same types.
public enum SpecView: Sendable {
    /// The spec file's own form (`docs/spec.md`), every key: `manifest.json` records it, and
    /// read back it re-runs the audit (`vigie verify`).
    case file
    /// The summary `report.json` carries (`docs/report-schema.md`, `spec`): no paths but the
    /// models' base names, the default reference as `default_reference`, the inference
    /// settings under `inference`, group binnings as `{kind, edges, quantiles}`, reference
    /// rules as `{rule, group}`; the report language and the system card are elsewhere in
    /// the report.
    case report

    /// The `userInfo` key of an encoder that writes the `report` view; without it, `file`.
    public static let key = CodingUserInfoKey(rawValue: "vigie.spec.view")!
}

extension Encoder {
    /// The view this encoder writes a spec in.
    public var specView: SpecView { userInfo[SpecView.key] as? SpecView ?? .file }
}
