/// A type read from a YAML file of its own — a points grid, a water tariff, a drought rule —
/// through `LocatedYAMLDecoder`, every error naming the file, line, column and key.
package protocol YAMLDocument: Decodable {
    /// What the document is (`grid`, `tariff`, `drought rule`): the key of errors about the
    /// whole file, and the default file name of text read from memory (`<grid>`).
    static var documentName: String { get }
}

extension YAMLDocument {
    /// Reads a file as UTF-8 YAML.
    package init(contentsOfFile path: String) throws(SpecError) {
        self = try LocatedYAMLDecoder.decode(Self.self, contentsOfFile: path, what: Self.documentName)
    }

    /// Parses YAML text; `file` only labels errors (`<grid>` when not given).
    package init(yaml text: String, file: String? = nil) throws(SpecError) {
        self = try LocatedYAMLDecoder(file: file ?? "<\(Self.documentName)>", what: Self.documentName).decode(Self.self, from: text)
    }
}
