import AuditData
import Foundation
import Testing

/// The one YAML reader: errors with file, line, column, key path and what was expected;
/// closed mappings; composites of parts sharing one mapping.
@Suite struct LocatedYAMLDecoderTests {
    /// A part reading two keys of a shared mapping.
    struct Left: ClosedKeyMapping, Equatable {
        var a: Int
        var b: String?
        enum CodingKeys: String, CodingKey, CaseIterable { case a, b }
        static var mappingKeys: [String] { CodingKeys.names }
        init(a: Int, b: String?) {
            self.a = a
            self.b = b
        }
        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            a = try c.decode(Int.self, forKey: .a, missing: "missing: give a")
            b = try c.decodeIfPresent(String.self, forKey: .b)
        }
    }

    /// Another part of the same mapping, with a closed set and a nested closed mapping.
    struct Right: ClosedKeyMapping, Equatable {
        enum Colour: String, SpecChoice { case red, green }
        struct Inner: Decodable, Equatable {
            var x: Double
            enum CodingKeys: String, CodingKey, CaseIterable { case x }
        }
        var colour: Colour
        var inner: [Inner]
        enum CodingKeys: String, CodingKey, CaseIterable { case colour, inner }
        static var mappingKeys: [String] { CodingKeys.names }
        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            colour = try c.decode(Colour.self, forKey: .colour, default: .red)
            inner = try c.decode([Inner].self, forKey: .inner, default: [], expected: "expected a list of inners")
        }
    }

    /// The two parts composed over one mapping, with a check of its own after decoding.
    struct Whole: ClosedKeyMapping, Equatable {
        var left: Left
        var right: Right
        static var mappingKeys: [String] { Left.mappingKeys + Right.mappingKeys }
        init(from decoder: Decoder) throws {
            left = try Left(from: decoder)
            right = try Right(from: decoder)
            if left.a < 0 { throw SpecError(key: "a", message: "expected a ≥ 0") }
            if right.inner.count > 1, right.inner[1].x == 0 { throw SpecError(key: "inner[2].x", message: "expected x ≠ 0") }
        }
    }

    func decode(_ yaml: String) throws(SpecError) -> Whole {
        try LocatedYAMLDecoder(file: "w.yaml", what: "whole").decode(Whole.self, from: yaml)
    }

    func failure(_ yaml: String) -> SpecError? {
        do { _ = try decode(yaml); return nil } catch { return error }
    }

    @Test func partsShareTheMapping() throws {
        let w = try decode("a: 3\ncolour: green\nb: text\ninner:\n  - {x: 1.5}\n")
        #expect(w.left == Left(a: 3, b: "text"))
        #expect(w.right.colour == .green && w.right.inner.map(\.x) == [1.5])
        #expect(try decode("a: 1\n").right.colour == .red)
    }

    /// (yaml, key, line, column, message fragment)
    @Test(arguments: [
        ("a: 1\ncolor: red\n", "color", 2, 1, "unknown key; expected one of: a, b, colour, inner"),
        ("a: 1\ninner:\n  - {x: 1, y: 2}\n", "inner[1].y", 3, 12, "unknown key; expected one of: x"),
        ("a: one\n", "a", 1, 4, "expected a whole number"),
        ("a: 1\nb: [x]\n", "b", 2, 4, "expected a text value"),
        ("a: 1\ncolour: blue\n", "colour", 2, 9, "expected one of 'red', 'green', found 'blue'"),
        ("a: 1\ninner: 3\n", "inner", 2, 8, "expected a list of inners"),
        ("a: 1\ninner:\n  - {x: .nan}\n", "inner[1].x", 3, 9, "expected a number"),
        ("b: x\n", "a", 1, 1, "missing: give a"),
        ("a: 1\ninner:\n  - {}\n", "inner[1].x", 3, 5, "missing"),
        ("a: -1\n", "a", 1, 1, "expected a ≥ 0"),
        ("a: 1\ninner:\n  - x: 1\n  - x: 0\n", "inner[2].x", 4, 5, "expected x ≠ 0"),
        ("- a\n", "root", 1, 1, "expected a mapping of keys to values"),
        ("a: 1\na: 2\n", "a", 1, 1, "key given twice"),
        ("a: [1\n", "whole", 2, 1, "not valid YAML"),
    ] as [(String, String, Int, Int, String)])
    func errorsAreLocated(yaml: String, key: String, line: Int, column: Int, message: String) {
        guard let e = failure(yaml) else { Issue.record("accepted: \(yaml)"); return }
        #expect(e.file == "w.yaml")
        #expect(e.key == key, "\(e)")
        #expect(e.line == line && e.column == column, "\(e)")
        #expect(e.message.contains(message), "\(e)")
        #expect(e.description.hasPrefix("w.yaml:\(line):\(column): \(key): "), "\(e)")
    }

    @Test func emptyAndUnreadableDocuments() {
        #expect(failure("")?.description == "w.yaml: whole: the whole file is empty")
        #expect(throws: SpecError.self) { try LocatedYAMLDecoder.decode(Whole.self, contentsOfFile: "/nonexistent/w.yaml", what: "whole") }
    }

    /// Open mappings keep the document's order; `checkKeys` closes one whose keys depend on
    /// another value, at the key.
    @Test func openMappingsKeepOrderAndCanBeChecked() throws {
        struct Levels: Decodable {
            var names: [String]
            init(from decoder: Decoder) throws {
                let c = try decoder.container(keyedBy: AnyCodingKey.self)
                try SpecError.checkKeys(c, allowed: ["zeta", "alpha", "mid.dle"])
                names = c.allKeys.map(\.stringValue)
            }
        }
        let decoder = LocatedYAMLDecoder(file: "l.yaml", what: "levels")
        #expect(try decoder.decode(Levels.self, from: "zeta: 1\nalpha: 2\nmid.dle: 3\n").names == ["zeta", "alpha", "mid.dle"])
        do {
            _ = try decoder.decode(Levels.self, from: "zeta: 1\nbeta: 2\n")
            Issue.record("accepted an unknown level")
        } catch {
            #expect(error.key == "beta" && error.line == 2 && error.column == 1, "\(error)")
        }
    }

    /// A validation's key path names a key that holds dots: the longest key wins.
    @Test func keyPathsWithDotsAreLocated() {
        struct Dotted: Decodable {
            init(from decoder: Decoder) throws {
                throw SpecError(key: "levels.a.b.points", message: "bad")
            }
        }
        do {
            _ = try LocatedYAMLDecoder(file: "d.yaml", what: "dotted").decode(Dotted.self, from: "levels:\n  a: 1\n  a.b:\n    points: 2\n")
            Issue.record("accepted")
        } catch {
            #expect(error.line == 4 && error.column == 5, "\(error)")
        }
    }

    /// The same closed sets and messages from JSON, through the standard decoder.
    @Test func jsonUsesTheSameConformances() throws {
        let w = try JSONDecoder().decode(Whole.self, from: Data(#"{"a": 2, "colour": "green", "inner": [{"x": 4}]}"#.utf8))
        #expect(w.left.a == 2 && w.right.colour == .green)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Whole.self, from: Data(#"{"a": 2, "colour": "blue"}"#.utf8)) }
    }
}
