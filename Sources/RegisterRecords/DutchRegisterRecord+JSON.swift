import Foundation

extension DutchRegisterRecord {
    private enum Value: Encodable {
        case text(String)
        case list([String])

        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .text(let s): try c.encode(s)
            case .list(let items): try c.encode(items)
            }
        }
    }

    /// `register-nl.json`: the record as the standard's schema describes it, and nothing
    /// else (missing optional fields are left out; the constants `language` and `schema`
    /// are set). Keys sorted.
    public func json() throws -> Data {
        var record: [String: Value] = ["language": .text("nld"), "schema": .text(DutchRegisterSchema.version)]
        for field in fields {
            if let items = lists[field.id] {
                record[field.id] = .list(items)
            } else if let value = field.value {
                record[field.id] = .text(value)
            }
        }
        return try RegisterJSON.encoded(record)
    }

    private struct Sources: Encodable {
        struct Field: Encodable {
            let id: String
            let label_nl: String
            let label_en: String
            let label_fr: String
            let source: String
            let origin: String
        }
        let schema: [String: String]
        let generator: [String: String]
        let audit_manifest_sha256: String
        let fields: [Field]
    }

    /// `register-nl-sources.json`: where each field of `register-nl.json` comes from
    /// (declared, measured, declared+measured or missing, and the origin), with the schema's
    /// identity and version. Kept apart so that `register-nl.json` is exactly the standard's
    /// record.
    public func sourcesJSON() throws -> Data {
        try RegisterJSON.encoded(Sources(
            schema: ["id": DutchRegisterSchema.id, "version": DutchRegisterSchema.version, "title": "Algoritmeregister Publicatiestandaard v\(DutchRegisterSchema.version)"],
            generator: ["name": "vigie", "version": facts.vigieVersion],
            audit_manifest_sha256: facts.manifestSHA256,
            fields: fields.map { Sources.Field(id: $0.id, label_nl: $0.labelNL ?? $0.labelEN, label_en: $0.labelEN, label_fr: $0.labelFR, source: $0.sourceLabel, origin: $0.originLabel) }
        ))
    }
}
