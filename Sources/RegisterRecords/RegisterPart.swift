/// One piece of a field's value, with its source: a field may join a declared text and a
/// measured one (`risk_management` in the Dutch record: the owner's measures, then the
/// audit's findings).
public struct RegisterPart: Sendable, Equatable {
    /// The text, in the record's language for measured parts, as written for declared ones.
    public var text: String
    /// `declared` or `measured` (never `missing`: a missing field has no part).
    public var source: RegisterSource
    /// Where the text was read: `system.purpose`, `register.yaml nl.status`,
    /// `cotation-grid.yaml`, `report.json findings`…
    public var origin: String

    public init(text: String, source: RegisterSource, origin: String) {
        self.text = text
        self.source = source
        self.origin = origin
    }
}
