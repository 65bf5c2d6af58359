/// What the owner of the audited system declares about it: the facts the convention's
/// concerns and the law ask for that no data can show (who runs it, where it is hosted, how a
/// person contests a decision, what it costs…), read from the spec's `system:` section.
///
/// Sources of the fields: the Etalab inventory of public algorithms (administration,
/// purpose, level of automation, legal basis, data and sources; guides.etalab.gouv.fr
/// `algorithmes/2-inventaire.md`), CRPA L311-3-1, R311-3-1-2 and L312-1-3, the EU AI Act
/// (Reg. 2024/1689) Articles 9, 13, 14 and 27 (a)–(f), and the Amsterdam and Helsinki
/// algorithm registers (datasets, human oversight, risks and mitigation, owner and contact).
///
/// A field is either declared (text, or a list of texts) or absent; reports show an absent
/// field as **missing**, never a default.
public struct SystemCard: Sendable, Equatable {
    /// Declared values, by field; a list field keeps its items in order.
    public var values: [Field: [String]]

    public init(values: [Field: [String]] = [:]) {
        self.values = values
    }

    /// The declared value of a field, its list items joined by "; ", or `nil` when missing.
    public subscript(_ field: Field) -> String? {
        get {
            guard let items = values[field], !items.isEmpty else { return nil }
            return items.joined(separator: "; ")
        }
        set { values[field] = newValue.map { [$0] } }
    }

    /// Whether a field is declared.
    public func declares(_ field: Field) -> Bool { self[field] != nil }

    /// The declared audit date (`YYYY-MM-DD`), used as the report's date.
    public var date: String? { self[.date] }

    /// Whether the card says the system is a French public body's: `jurisdiction` is France
    /// (`FR`, `FR-…`, `France`, any case) and `sector` is `public` (or `public body`,
    /// `secteur public`, `administration`). Only then do the Montpellier convention and the
    /// French administrative-law (CRPA) items apply; a card that does not say so gets the
    /// generic fairness checks (the four-fifths rule, the AI Act).
    public var isFrenchPublicBody: Bool {
        guard let j = self[.jurisdiction]?.lowercased(), let s = self[.sector]?.lowercased() else { return false }
        let french = j == "fr" || j.hasPrefix("fr-") || j == "france"
        let publicBody = ["public", "public body", "public_body", "secteur public", "administration"].contains(s)
        return french && publicBody
    }
}
