import Foundation
import AuditData

/// The spec's `system:` section, and the card in JSON (`manifest.json`, `report.json`): every
/// key a `SystemCard.Field`, the `fria:` mapping nested; a list field as a list of texts (a
/// single text is read as a one-item list), any other field as a text; `date` as
/// `YYYY-MM-DD`. Unknown keys, wrong types and empty values are refused (located in a spec
/// file by `LocatedYAMLDecoder`).
extension SystemCard: Codable {
    /// The top-level keys: each field's, and each nested section's once (`fria`), in the
    /// order of `Field`.
    static var topKeys: [String] {
        var keys: [String] = []
        for field in Field.allCases {
            let top = field.rawValue.split(separator: ".").first.map(String.init) ?? field.rawValue
            if !keys.contains(top) { keys.append(top) }
        }
        return keys
    }

    public func encode(to encoder: Encoder) throws {
        var top = encoder.container(keyedBy: AnyCodingKey.self)
        var nested: [String: [(String, [String], Bool)]] = [:]
        for field in Field.allCases {
            guard let items = values[field], !items.isEmpty else { continue }
            let parts = field.rawValue.split(separator: ".").map(String.init)
            if parts.count == 2 {
                nested[parts[0], default: []].append((parts[1], items, field.isList))
            } else if field.isList {
                try top.encode(items, forKey: AnyCodingKey(field.rawValue))
            } else {
                try top.encode(items.joined(separator: "; "), forKey: AnyCodingKey(field.rawValue))
            }
        }
        for (parent, children) in nested {
            var inner = top.nestedContainer(keyedBy: AnyCodingKey.self, forKey: AnyCodingKey(parent))
            for (name, items, isList) in children {
                if isList { try inner.encode(items, forKey: AnyCodingKey(name)) } else { try inner.encode(items.joined(separator: "; "), forKey: AnyCodingKey(name)) }
            }
        }
    }

    public init(from decoder: Decoder) throws {
        let top = try decoder.container(keyedBy: AnyCodingKey.self)
        try SpecError.checkKeys(top, allowed: Self.topKeys)
        var values: [Field: [String]] = [:]
        for key in top.allKeys {
            if let field = Field(rawValue: key.stringValue) {
                values[field] = try Self.value(top, key, field)
                continue
            }
            let children = Field.allCases.filter { $0.rawValue.hasPrefix(key.stringValue + ".") }
            let inner = try top.nestedContainer(keyedBy: AnyCodingKey.self, forKey: key)
            try SpecError.checkKeys(inner, allowed: children.map { String($0.rawValue.dropFirst(key.stringValue.count + 1)) })
            for child in inner.allKeys {
                guard let field = Field(rawValue: "\(key.stringValue).\(child.stringValue)") else { continue }
                values[field] = try Self.value(inner, child, field)
            }
        }
        self.init(values: values)
    }

    /// A declared value: a text, or for a list field a list of texts; trimmed, never empty.
    static func value(_ c: KeyedDecodingContainer<AnyCodingKey>, _ key: AnyCodingKey, _ field: Field) throws -> [String] {
        let items: [String]
        if let text = try? c.decode(String.self, forKey: key) {
            items = [text]
        } else if field.isList, let list = try? c.decode([String].self, forKey: key) {
            items = list
        } else {
            throw c.failure(key, field.isList ? "expected a text or a list of texts" : "expected a text value")
        }
        let trimmed = items.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !trimmed.isEmpty else { throw c.failure(key, "expected a declared value; leave the key out when nothing is declared") }
        if field == .date {
            let text = trimmed[0]
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), y > 0, (1...12).contains(m), (1...31).contains(d) else {
                throw c.failure(key, "expected a date YYYY-MM-DD, found '\(text)'")
            }
        }
        return trimmed
    }
}
