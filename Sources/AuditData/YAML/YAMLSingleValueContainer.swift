import Yams

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
