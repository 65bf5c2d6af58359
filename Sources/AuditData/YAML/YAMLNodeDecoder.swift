import Yams

/// A `Decoder` over one node of a Yams node tree (`Yams.compose`): the node's mark (line and
/// column) stays at hand for every error, and mappings are closed.
///
/// - A keyed container over a mapping whose key type is `CaseIterable` refuses any other key
///   (`unknown key; expected one of: …`), located at the key; so does decoding a
///   `ClosedKeyMapping` type, whose keys are the union of its parts'.
/// - Scalars are read as today's spec readers read them: any scalar is text; a number is a
///   scalar that `Double(_:)` reads and is finite; a whole number one that `Int(_:)` reads.
///   A YAML `null` is the text "null" (a key left out is the way to say nothing).
/// - Every other problem is a `DecodingError` whose coding path locates the value;
///   `LocatedYAMLDecoder` turns it into a `SpecError` with file, line, column and key path.
final class YAMLNodeDecoder: Decoder {
    let node: Node
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// Set once the node's keys have been checked (by a `ClosedKeyMapping` or a first
    /// `CaseIterable` container), so that the parts of a composite read the shared mapping freely.
    var keysChecked = false

    init(node: Node, codingPath: [CodingKey]) {
        self.node = node
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let entries = try Self.entries(of: node, at: codingPath)
        if !keysChecked, let closed = type as? any (CodingKey & CaseIterable).Type {
            try Self.check(entries, allowed: Self.names(of: closed), at: codingPath)
            keysChecked = true
        }
        return KeyedDecodingContainer(YAMLKeyedContainer<Key>(entries: entries, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else {
            throw DecodingError.typeMismatch([Any].self, DecodingError.Context(codingPath: codingPath, debugDescription: "expected a list"))
        }
        return YAMLUnkeyedContainer(items: Array(sequence), codingPath: codingPath)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer {
        YAMLSingleValueContainer(node: node, codingPath: codingPath)
    }

    // MARK: Shared by the containers

    /// A value of type `T` read from `node`.
    static func decode<T: Decodable>(_ type: T.Type, from node: Node, at path: [CodingKey]) throws -> T {
        switch type {
        case is String.Type: return try text(node, path) as! T
        case is Double.Type: return try number(node, path) as! T
        case is Int.Type: return try whole(Int.self, node, path, "expected a whole number") as! T
        case is UInt64.Type: return try whole(UInt64.self, node, path, "expected a whole number from 0 to 2^64 − 1") as! T
        case is Bool.Type: return try boolean(node, path) as! T
        default:
            let decoder = YAMLNodeDecoder(node: node, codingPath: path)
            if let closed = type as? any ClosedKeyMapping.Type, case .mapping = node {
                try check(try entries(of: node, at: path), allowed: closed.mappingKeys, at: path)
                decoder.keysChecked = true
            }
            return try T(from: decoder)
        }
    }

    /// The entries of a mapping: text keys, in document order (Yams refuses repeated keys).
    static func entries(of node: Node, at path: [CodingKey]) throws -> [YAMLEntry] {
        guard case .mapping(let mapping) = node else {
            throw DecodingError.typeMismatch([String: Any].self, DecodingError.Context(codingPath: path, debugDescription: "expected a mapping of keys to values"))
        }
        var entries: [YAMLEntry] = []
        var seen = Set<String>()
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw SpecError(line: key.mark?.line, column: key.mark?.column, key: YAMLKeyPath.text(path), problem: .sentence(.yamlTextKey, arguments: [:]))
            }
            guard seen.insert(scalar.string).inserted else {
                throw SpecError(line: key.mark?.line, column: key.mark?.column, key: YAMLKeyPath.text(path + [AnyCodingKey(scalar.string)]), problem: .sentence(.yamlKeyTwice, arguments: [:]))
            }
            entries.append(YAMLEntry(name: scalar.string, key: key, value: value))
        }
        return entries
    }

    /// Refuses a key outside `allowed`, at the key's line and column.
    static func check(_ entries: [YAMLEntry], allowed: [String], at path: [CodingKey]) throws {
        for entry in entries where !allowed.contains(entry.name) {
            throw SpecError(line: entry.key.mark?.line, column: entry.key.mark?.column,
                            key: YAMLKeyPath.text(path + [AnyCodingKey(entry.name)]),
                            problem: .unknownKey(allowed: allowed))
        }
    }

    static func names<K: CodingKey & CaseIterable>(of type: K.Type) -> [String] { K.names }

    static func mismatch<T>(_ type: T.Type, _ path: [CodingKey], _ message: String) -> DecodingError {
        DecodingError.typeMismatch(type, DecodingError.Context(codingPath: path, debugDescription: message))
    }

    static func text(_ node: Node, _ path: [CodingKey]) throws -> String {
        guard case .scalar(let scalar) = node else { throw mismatch(String.self, path, "expected a text value") }
        return scalar.string
    }

    static func number(_ node: Node, _ path: [CodingKey]) throws -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite else {
            throw mismatch(Double.self, path, InputProblem.expectedNumber.description)
        }
        return value
    }

    static func whole<T: FixedWidthInteger>(_ type: T.Type, _ node: Node, _ path: [CodingKey], _ message: String) throws -> T {
        guard case .scalar(let scalar) = node, let value = T(scalar.string) else { throw mismatch(T.self, path, message) }
        return value
    }

    static func boolean(_ node: Node, _ path: [CodingKey]) throws -> Bool {
        guard case .scalar(let scalar) = node else { throw mismatch(Bool.self, path, "expected true or false") }
        switch scalar.string {
        case "true": return true
        case "false": return false
        default: throw mismatch(Bool.self, path, "expected true or false, found '\(scalar.string)'")
        }
    }
}
