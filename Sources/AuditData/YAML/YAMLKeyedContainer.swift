import Yams

/// The keyed container of `YAMLNodeDecoder`: a mapping's entries.
struct YAMLKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let entries: [YAMLEntry]
    let codingPath: [CodingKey]

    var allKeys: [Key] { entries.compactMap { Key(stringValue: $0.name) } }

    func contains(_ key: Key) -> Bool { entries.contains { $0.name == key.stringValue } }

    func value(_ key: Key) throws -> Node {
        guard let entry = entries.first(where: { $0.name == key.stringValue }) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: codingPath, debugDescription: "missing"))
        }
        return entry.value
    }

    /// A present key always has a value: `key: null` is the text "null", as in the spec readers before.
    func decodeNil(forKey key: Key) throws -> Bool {
        _ = try value(key)
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try YAMLNodeDecoder.decode(type, from: try value(key), at: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try YAMLNodeDecoder(node: try value(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try YAMLNodeDecoder(node: try value(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder {
        throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: "no super decoder in a YAML mapping"))
    }

    func superDecoder(forKey key: Key) throws -> Decoder {
        YAMLNodeDecoder(node: try value(key), codingPath: codingPath + [key])
    }
}
