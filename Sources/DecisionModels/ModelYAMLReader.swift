import AuditData
import Foundation
import Yams

/// Walks a decision model's YAML tree, keeping the file name for errors and the
/// position of every key it reads, so that checks done after parsing can still
/// point at a line (like `AuditSpec`'s reader, whose `SpecError` is reused).
struct ModelYAMLReader {
    let file: String
    /// Position (1-based line, column) of each key path read so far, e.g.
    /// `meters.individuel.blocks[2].up_to`.
    private(set) var marks: [String: (line: Int, column: Int)] = [:]

    init(file: String) {
        self.file = file
    }

    /// Reads a file as UTF-8 text.
    static func text(ofFile path: String, what: String) throws(SpecError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SpecError(file: path, key: what, message: "cannot read the \(what) file as UTF-8 text (\(error.localizedDescription))")
        }
    }

    /// Parses YAML text into its root node; an empty document is an error.
    func root(of text: String, what: String) throws(SpecError) -> Node {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let yamlError as YamlError {
            switch yamlError {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                throw SpecError(file: file, line: mark.line, column: mark.column, key: what, message: "not valid YAML: \(problem)")
            case .duplicatedKeysInMapping(let duplicates, let context):
                throw SpecError(file: file, line: context.mark.line, column: context.mark.column,
                                key: duplicates.joined(separator: ", "),
                                message: "key given twice in the mapping that starts here")
            default:
                throw SpecError(file: file, key: what, message: "not valid YAML: \(yamlError)")
            }
        } catch {
            throw SpecError(file: file, key: what, message: "not valid YAML: \(error)")
        }
        guard let node else { throw SpecError(file: file, key: what, message: "the \(what) file is empty") }
        return node
    }

    func error(_ node: Node?, _ key: String, _ message: String) -> SpecError {
        SpecError(file: file, line: node?.mark?.line, column: node?.mark?.column, key: key, message: message)
    }

    mutating func remember(_ node: Node, _ key: String) {
        if let mark = node.mark { marks[key] = (mark.line, mark.column) }
    }

    /// Adds the file and, when missing, the position of `error.key` (or of its
    /// closest recorded parent key) to an error raised by a validation step.
    func locate(_ error: SpecError) -> SpecError {
        var located = error
        located.file = file
        guard located.line == nil else { return located }
        var key = located.key
        while !key.isEmpty {
            if let mark = marks[key] {
                located.line = mark.line
                located.column = mark.column
                return located
            }
            if let cut = key.lastIndex(where: { $0 == "." || $0 == "[" }) {
                key = String(key[..<cut])
            } else {
                break
            }
        }
        return located
    }

    /// The entries of a mapping, refusing unknown and repeated keys. Records the
    /// position of each key (for the value's later checks).
    mutating func mapping(_ node: Node, _ key: String, allowed: [String]) throws(SpecError) -> [(String, Node)] {
        guard let mapping = node.mapping else { throw error(node, key.isEmpty ? "root" : key, "expected a mapping of keys to values") }
        var result: [(String, Node)] = []
        var seen = Set<String>()
        for (k, v) in mapping {
            guard let name = k.string else { throw error(k, key, "expected a text key") }
            let path = key.isEmpty ? name : "\(key).\(name)"
            guard allowed.contains(name) else {
                throw error(k, path, "unknown key; expected one of: \(allowed.joined(separator: ", "))")
            }
            guard seen.insert(name).inserted else { throw error(k, path, "key given twice") }
            remember(k, path)
            result.append((name, v))
        }
        return result
    }

    func string(_ node: Node, _ key: String) throws(SpecError) -> String {
        guard case .scalar(let scalar) = node else { throw error(node, key, "expected a text value") }
        return scalar.string
    }

    func double(_ node: Node, _ key: String) throws(SpecError) -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite else {
            throw error(node, key, "expected a number")
        }
        return value
    }

    /// A number that must not be negative.
    func nonNegative(_ node: Node, _ key: String, unit: String) throws(SpecError) -> Double {
        let value = try double(node, key)
        guard value >= 0 else { throw error(node, key, "expected a number ≥ 0 (\(unit)), found \(value)") }
        return value
    }
}
