import Foundation

/// A JSON value read with `JSONSerialization`, with the file and the key path it was found
/// at, so that an unexpected shape is reported as `report.json: attributes[3].groups: expected
/// an array`. The register reads `report.json` and `manifest.json` as documents, by their
/// published formats (`docs/report-schema.md`, `docs/provenance.md`), not through Vigie's
/// own types.
struct JSONDocument {
    let file: String
    let path: String
    let value: Any

    /// Parses `data` (the content of `file`).
    static func parse(_ data: Data, file: String) throws(RegisterError) -> JSONDocument {
        do {
            let value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return JSONDocument(file: file, path: "", value: value)
        } catch {
            throw RegisterError("\(file): not valid JSON (\(error.localizedDescription))")
        }
    }

    private func child(_ key: String, _ value: Any) -> JSONDocument {
        JSONDocument(file: file, path: path.isEmpty ? key : "\(path).\(key)", value: value)
    }

    private func failure(_ expected: String, at key: String? = nil) -> RegisterError {
        let where_ = key.map { path.isEmpty ? $0 : "\(path).\($0)" } ?? (path.isEmpty ? "(top level)" : path)
        return RegisterError("\(file): \(where_): expected \(expected)")
    }

    /// The member `key` of this object, or `nil` when absent.
    func optional(_ key: String) throws(RegisterError) -> JSONDocument? {
        guard let object = value as? [String: Any] else { throw failure("an object") }
        return object[key].map { child(key, $0) }
    }

    /// The member `key` of this object, which must be present.
    func member(_ key: String) throws(RegisterError) -> JSONDocument {
        guard let found = try optional(key) else { throw failure("a key `\(key)`", at: key) }
        return found
    }

    /// The object's keys, sorted.
    func keys() throws(RegisterError) -> [String] {
        guard let object = value as? [String: Any] else { throw failure("an object") }
        return object.keys.sorted()
    }

    func array() throws(RegisterError) -> [JSONDocument] {
        guard let items = value as? [Any] else { throw failure("an array") }
        return items.enumerated().map { JSONDocument(file: file, path: "\(path)[\($0.offset)]", value: $0.element) }
    }

    func string() throws(RegisterError) -> String {
        guard let s = value as? String else { throw failure("a text") }
        return s
    }

    /// Whether a parsed value is a JSON boolean (`JSONSerialization` gives both booleans and
    /// numbers as `NSNumber`; a boolean's type encoding is `c`).
    private static func isBoolean(_ n: NSNumber) -> Bool {
        String(cString: n.objCType) == "c"
    }

    /// A number (JSON numbers only: a boolean is refused).
    func number() throws(RegisterError) -> Double {
        guard let n = value as? NSNumber, !Self.isBoolean(n) else { throw failure("a number") }
        return n.doubleValue
    }

    /// A whole number that fits an `Int`.
    func integer() throws(RegisterError) -> Int {
        let x = try number()
        guard x == x.rounded(), abs(x) < 9_007_199_254_740_992 else { throw failure("a whole number") }
        return Int(x)
    }

    func bool() throws(RegisterError) -> Bool {
        guard let n = value as? NSNumber, Self.isBoolean(n) else { throw failure("true or false") }
        return n.boolValue
    }

    func string(_ key: String) throws(RegisterError) -> String { try member(key).string() }
    func integer(_ key: String) throws(RegisterError) -> Int { try member(key).integer() }
    func bool(_ key: String) throws(RegisterError) -> Bool { try member(key).bool() }
    func array(_ key: String) throws(RegisterError) -> [JSONDocument] { try member(key).array() }
}
