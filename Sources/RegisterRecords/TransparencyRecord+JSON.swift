import Foundation

extension TransparencyRecord {
    private struct Document: Encodable {
        struct Section: Encodable {
            let tier: Int
            let title: String
            let title_fr: String
            let field_names_checked: Bool
            let title_checked: Bool
            let fields: [RegisterFieldJSON]
        }
        let format = "atrs"
        let standard = "Algorithmic Transparency Recording Standard"
        let standard_version = "3.0"
        let language = "en"
        let field_names_checked_against: [String]
        let generator: [String: String]
        let sections: [Section]
        let audit: AuditFacts
    }

    /// `register-atrs.json`: the sections in order, each field with its value, source and
    /// origin; `audit` holds the measured facts as numbers. Keys sorted, pretty-printed, one
    /// final newline.
    public func json() throws -> Data {
        let document = Document(
            field_names_checked_against: Self.checkedAgainst,
            generator: ["name": "vigie", "version": facts.vigieVersion],
            sections: sections.map { Document.Section(tier: $0.tier, title: $0.title, title_fr: $0.titleFR, field_names_checked: $0.fieldNamesChecked, title_checked: $0.titleChecked, fields: $0.fields.map(RegisterFieldJSON.init)) },
            audit: facts
        )
        return try RegisterJSON.encoded(document)
    }
}
