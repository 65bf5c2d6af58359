import Foundation
import Yams

/// The one reader of Vigie's YAML files — the audit spec, the points grid, the water tariff
/// and the drought rule: a `Decodable` type read from Yams' node tree, every error a
/// `SpecError` naming the file, line, column and key path, and what was expected.
///
/// - Invalid YAML: the parser's problem at its line and column; a repeated key at the
///   mapping that repeats it.
/// - An unknown key (see `ClosedKeyMapping`): at the key, with the list of accepted keys.
/// - A value of the wrong type or a bad value (`DecodingError`): at the value.
/// - A missing key (`DecodingError.keyNotFound`): at the mapping that lacks it.
/// - A `SpecError` thrown by a type's own checks, keyed by a path from the document's root
///   (`meters.collectif.blocks[2].up_to`) and not yet located: at that key, or at the
///   deepest key of the path that the document has.
package struct LocatedYAMLDecoder: Sendable {
    /// The file name errors carry.
    package var file: String
    /// What the document is (`spec`, `grid`, `tariff`, `drought rule`): the key of errors
    /// about the whole document.
    package var what: String

    package init(file: String, what: String) {
        self.file = file
        self.what = what
    }

    /// Reads a file as UTF-8 text and decodes it.
    /// - Parameter ifEmpty: the value of an empty document (no node, comments only); without
    ///   it, an empty document is an error.
    ///
    /// Only a regular file of at most ``largestFile`` bytes is read (a pipe, a device or a
    /// larger file is refused before it is parsed), and no byte of a file that is not UTF-8
    /// text is shown.
    package static func decode<T: Decodable>(_ type: T.Type, contentsOfFile path: String, what: String, ifEmpty: T? = nil) throws(SpecError) -> T {
        let bytes = try BoundedFile.contents(of: path, limit: largestFile, what: what)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SpecError(file: path, key: what, problem: .sentence(.fileNotText, arguments: ["what": "\(what)"]))
        }
        return try LocatedYAMLDecoder(file: path, what: what).decode(type, from: text, ifEmpty: ifEmpty)
    }

    /// 1 MiB: the largest spec, grid, tariff or drought rule read (the largest real one is a
    /// few kilobytes; a 50 MB document took 40 s and a gigabyte to parse).
    package static let largestFile = 1 << 20
    /// 64: the deepest nesting of mappings and lists accepted (Vigie's documents nest 5 deep).
    package static let deepestNesting = 64

    /// Decodes YAML text.
    /// - Parameter ifEmpty: the value of an empty document; without it, an empty document is an error.
    package func decode<T: Decodable>(_ type: T.Type, from text: String, ifEmpty: T? = nil) throws(SpecError) -> T {
        guard text.utf8.count <= Self.largestFile else {
            throw SpecError(file: file, key: what, problem: .sentence(.fileTooLarge, arguments: ["what": "\(what)", "size": "\(text.utf8.count)", "limit": "\(Self.largestFile)"]))
        }
        try checkNesting(text)
        guard let root = try compose(text) else {
            if let ifEmpty { return ifEmpty }
            throw SpecError(file: file, key: what, problem: .sentence(.fileEmpty, arguments: ["what": "\(what)"]))
        }
        do {
            return try YAMLNodeDecoder.decode(type, from: root, at: [])
        } catch {
            throw located(error, root: root)
        }
    }

    /// Refuses a document nested deeper than ``deepestNesting`` before it is parsed (the
    /// parser and the decoder recurse once per level). Counted on the text: flow brackets
    /// (`[`, `{`) outside quotes and comments, plus block indentation in steps of one column
    /// (an over-estimate of block depth, so nothing deeper gets through).
    func checkNesting(_ text: String) throws(SpecError) {
        var depth = 0, line = 1, column = 0, indentation = 0, atLineStart = true
        var quote: UInt8? = nil, inComment = false, previous = UInt8(ascii: " ")
        /// A quote opens a quoted scalar only where a scalar can start.
        func opensScalar(_ before: UInt8) -> Bool {
            [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "\t")].contains(before)
        }
        for byte in text.utf8 {
            column += 1
            if byte == UInt8(ascii: "\n") {
                line += 1; column = 0; atLineStart = true; indentation = 0; inComment = false; previous = UInt8(ascii: " ")
                if quote == UInt8(ascii: "'") { quote = nil }
                continue
            }
            if inComment { continue }
            if atLineStart {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") { indentation += 1; previous = byte; continue }
                atLineStart = false
            }
            if let q = quote {
                if byte == q { quote = nil }
                previous = byte
                continue
            }
            defer { previous = byte }
            switch byte {
            case UInt8(ascii: "\"") where opensScalar(previous), UInt8(ascii: "'") where opensScalar(previous): quote = byte
            case UInt8(ascii: "#"): inComment = true
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
            if depth + indentation / 2 > Self.deepestNesting {
                throw SpecError(file: file, line: line, column: column, key: what,
                                problem: .sentence(.yamlNested, arguments: ["depth": "\(Self.deepestNesting)", "what": "\(what)"]))
            }
        }
    }

    /// The document's root node; `nil` for an empty document.
    func compose(_ text: String) throws(SpecError) -> Node? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let yamlError as YamlError {
            switch yamlError {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                throw SpecError(file: file, line: mark.line, column: mark.column, key: what, problem: .sentence(.yamlInvalid, arguments: ["problem": "\(problem)"]))
            case .duplicatedKeysInMapping(let duplicates, let context):
                throw SpecError(file: file, line: context.mark.line, column: context.mark.column,
                                key: duplicates.joined(separator: ", "), problem: .sentence(.yamlKeyTwiceHere, arguments: [:]))
            default:
                throw SpecError(file: file, key: what, problem: .sentence(.yamlInvalid, arguments: ["problem": "\(yamlError)"]))
            }
        } catch {
            throw SpecError(file: file, key: what, problem: .sentence(.yamlInvalid, arguments: ["problem": "\(error)"]))
        }
        return node
    }

    /// Any error met while decoding, as a `SpecError` with this file and a position.
    func located(_ error: Error, root: Node) -> SpecError {
        func at(_ node: Node?, _ key: String, _ message: String) -> SpecError {
            // A decoding error carries text: the typed reason is found again from its English text.
            if message == InputProblem.expectedNumber.description {
                return SpecError(file: file, line: node?.mark?.line, column: node?.mark?.column, key: key, problem: .expectedNumber)
            }
            return SpecError(file: file, line: node?.mark?.line, column: node?.mark?.column, key: key, message: message)
        }
        switch error {
        case var specError as SpecError:
            specError.file = file
            if specError.line == nil, let node = YAMLKeyPath.key(at: specError.key, in: root) {
                specError.line = node.mark?.line
                specError.column = node.mark?.column
            }
            return specError
        case DecodingError.keyNotFound(let key, let context):
            let message = context.debugDescription == "missing" ? "missing" : context.debugDescription
            return at(YAMLKeyPath.value(at: context.codingPath, in: root), YAMLKeyPath.text(context.codingPath + [key]), message)
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context), DecodingError.dataCorrupted(let context):
            return at(YAMLKeyPath.value(at: context.codingPath, in: root), YAMLKeyPath.text(context.codingPath), context.debugDescription)
        default:
            return SpecError(file: file, key: what, message: "\(error)")
        }
    }
}
