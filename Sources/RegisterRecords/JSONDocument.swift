import Foundation

/// A JSON value with the file and the key path it was found at, so that an unexpected shape
/// is reported as `report.json: attributes[3].groups: expected an array`. The register reads
/// `report.json` and `manifest.json` as documents, by their published formats
/// (`docs/report-schema.md`, `docs/provenance.md`), not through Vigie's own types.
struct JSONDocument {
    let file: String
    let path: String
    let value: JSONValue

    /// Parses `data` (the content of `file`).
    static func parse(_ data: Data, file: String) throws(RegisterError) -> JSONDocument {
        do {
            return JSONDocument(file: file, path: "", value: try JSONDecoder().decode(JSONValue.self, from: data))
        } catch {
            throw RegisterError(.sentence(.registerNotJSON, arguments: ["file": "\(file)", "reason": "\(error.localizedDescription)"]))
        }
    }

    private func child(_ key: String, _ value: JSONValue) -> JSONDocument {
        JSONDocument(file: file, path: path.isEmpty ? key : "\(path).\(key)", value: value)
    }

    private func failure(_ message: String, at key: String? = nil) -> RegisterError {
        let location = key.map { path.isEmpty ? $0 : "\(path).\($0)" } ?? (path.isEmpty ? "(top level)" : path)
        return RegisterError("\(file): \(location): \(message)")
    }

    /// Whether the value is an object.
    var isObject: Bool {
        if case .object = value { return true }
        return false
    }

    /// The member `key` of this object, or `nil` when absent.
    func optional(_ key: String) throws(RegisterError) -> JSONDocument? {
        guard case .object(let object) = value else { throw failure("expected an object") }
        return object[key].map { child(key, $0) }
    }

    /// The member `key` of this object, which must be present.
    func member(_ key: String) throws(RegisterError) -> JSONDocument {
        guard let found = try optional(key) else { throw failure("expected a key `\(key)`", at: key) }
        return found
    }

    /// The object's keys, sorted.
    func keys() throws(RegisterError) -> [String] {
        guard case .object(let object) = value else { throw failure("expected an object") }
        return object.keys.sorted()
    }

    func array() throws(RegisterError) -> [JSONDocument] {
        guard case .array(let items) = value else { throw failure("expected an array") }
        return items.enumerated().map { JSONDocument(file: file, path: "\(path)[\($0.offset)]", value: $0.element) }
    }

    func string() throws(RegisterError) -> String {
        guard case .string(let s) = value else { throw failure("expected a text") }
        return s
    }

    func number() throws(RegisterError) -> Double {
        guard case .number(let n) = value else { throw failure("expected a number") }
        return n
    }

    /// A whole number that fits an `Int`.
    func integer() throws(RegisterError) -> Int {
        let x = try number()
        guard x == x.rounded(), abs(x) < 9_007_199_254_740_992 else { throw failure("expected a whole number") }
        return Int(x)
    }

    func bool() throws(RegisterError) -> Bool {
        guard case .bool(let b) = value else { throw failure("expected true or false") }
        return b
    }

    func string(_ key: String) throws(RegisterError) -> String { try member(key).string() }
    func integer(_ key: String) throws(RegisterError) -> Int { try member(key).integer() }
    func bool(_ key: String) throws(RegisterError) -> Bool { try member(key).bool() }
    func array(_ key: String) throws(RegisterError) -> [JSONDocument] { try member(key).array() }
}
