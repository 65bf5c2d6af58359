/// The card in JSON, in the shape of the spec's `system:` section (the manifest records it
/// so that `vigie verify` re-renders the same report): nested `fria`, a list field as an
/// array, any other field as a text.
extension SystemCard: Codable {
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: Encoder) throws {
        var top = encoder.container(keyedBy: Key.self)
        var nested: [String: [(String, [String], Bool)]] = [:]
        for field in Field.allCases {
            guard let items = values[field], !items.isEmpty else { continue }
            let parts = field.rawValue.split(separator: ".").map(String.init)
            if parts.count == 2 {
                nested[parts[0], default: []].append((parts[1], items, field.isList))
            } else if field.isList {
                try top.encode(items, forKey: Key(field.rawValue))
            } else {
                try top.encode(items.joined(separator: "; "), forKey: Key(field.rawValue))
            }
        }
        for (parent, children) in nested {
            var inner = top.nestedContainer(keyedBy: Key.self, forKey: Key(parent))
            for (name, items, isList) in children {
                if isList { try inner.encode(items, forKey: Key(name)) } else { try inner.encode(items.joined(separator: "; "), forKey: Key(name)) }
            }
        }
    }

    public init(from decoder: Decoder) throws {
        let top = try decoder.container(keyedBy: Key.self)
        var values: [Field: [String]] = [:]
        func read(_ c: KeyedDecodingContainer<Key>, _ key: Key, _ field: Field) throws {
            if let text = try? c.decode(String.self, forKey: key) {
                values[field] = [text]
            } else {
                values[field] = try c.decode([String].self, forKey: key)
            }
        }
        for key in top.allKeys {
            if let field = Field(rawValue: key.stringValue), !field.rawValue.contains(".") {
                try read(top, key, field)
            } else if Field.allCases.contains(where: { $0.rawValue.hasPrefix(key.stringValue + ".") }) {
                let inner = try top.nestedContainer(keyedBy: Key.self, forKey: key)
                for child in inner.allKeys {
                    guard let field = Field(rawValue: "\(key.stringValue).\(child.stringValue)") else {
                        throw DecodingError.dataCorruptedError(forKey: child, in: inner, debugDescription: "unknown system card key '\(key.stringValue).\(child.stringValue)'")
                    }
                    try read(inner, child, field)
                }
            } else {
                throw DecodingError.dataCorruptedError(forKey: key, in: top, debugDescription: "unknown system card key '\(key.stringValue)'")
            }
        }
        self.init(values: values)
    }
}
