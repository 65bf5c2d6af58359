/// A section of an ATRS record: its title in English and French, its tier, whether its
/// title and field names were checked against a published copy of the standard, and its
/// fields.
public struct TransparencySection: Sendable, Equatable {
    /// 1 or 2; 0 for Vigie's own audit section, which is not part of the standard.
    public var tier: Int
    public var title: String
    public var titleFR: String
    /// Whether the field names and numbers were checked against a published source (see
    /// `TransparencyRecord.checkedAgainst`); `false` for sections written from the v3.0
    /// template's section names without a copy of its field list.
    public var fieldNamesChecked: Bool
    /// Whether the section's title was seen in a published source (the v3.0 template's info
    /// page names the first two Tier 2 sections only).
    public var titleChecked: Bool
    public var fields: [RegisterField]
}
