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

/// The unkeyed container of `YAMLNodeDecoder`: a sequence's items; item `i` has the coding
/// key `i` (written `[i + 1]` in key paths).
struct YAMLUnkeyedContainer: UnkeyedDecodingContainer {
    let items: [Node]
    let codingPath: [CodingKey]
    private(set) var currentIndex = 0

    init(items: [Node], codingPath: [CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func next() throws -> (Node, [CodingKey]) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, DecodingError.Context(codingPath: codingPath, debugDescription: "the list has no more items"))
        }
        defer { currentIndex += 1 }
        return (items[currentIndex], codingPath + [AnyCodingKey(index: currentIndex)])
    }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (node, path) = try next()
        return try YAMLNodeDecoder.decode(type, from: node, at: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (node, path) = try next()
        return try YAMLNodeDecoder(node: node, codingPath: path).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        let (node, path) = try next()
        return try YAMLNodeDecoder(node: node, codingPath: path).unkeyedContainer()
    }

    mutating func superDecoder() throws -> Decoder {
        let (node, path) = try next()
        return YAMLNodeDecoder(node: node, codingPath: path)
    }
}

/// The single-value container of `YAMLNodeDecoder`.
struct YAMLSingleValueContainer: SingleValueDecodingContainer {
    let node: Node
    let codingPath: [CodingKey]

    func decodeNil() -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try YAMLNodeDecoder.decode(type, from: node, at: codingPath)
    }

    func decode(_ type: Bool.Type) throws -> Bool { try YAMLNodeDecoder.boolean(node, codingPath) }
    func decode(_ type: String.Type) throws -> String { try YAMLNodeDecoder.text(node, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try YAMLNodeDecoder.number(node, codingPath) }
    func decode(_ type: Float.Type) throws -> Float { Float(try YAMLNodeDecoder.number(node, codingPath)) }
    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try YAMLNodeDecoder.decode(type, from: node, at: codingPath) }

    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        try YAMLNodeDecoder.whole(type, node, codingPath, "expected a whole number")
    }
}
