import AuditData
import Foundation
import Yams

/// What a register asks that the system card has no key for (the Dutch register's
/// `status`, `theme`, `publication_category`…, the ATRS's senior responsible owner), as the
/// owner declares it in a YAML file given with `vigie register --declare FILE`:
///
/// ```yaml
/// nl:
///   status: In gebruik
///   theme: [Wonen]
/// atrs:
///   senior_responsible_owner: Director of Housing
/// ```
///
/// Top-level keys are formats (`etalab`, `atrs`, `nl`); under each, only the keys that
/// format's record reads from this file (`docs/register.md`). A value is a text or a list of
/// texts. An unknown key is an error naming the file, line and column.
public struct RegisterDeclarations: Sendable, Equatable {
    /// The file's path, for origins and messages.
    public let file: String
    /// Declared values by format and key.
    public let values: [RegisterFormat: [String: [String]]]

    public init(file: String = "", values: [RegisterFormat: [String: [String]]] = [:]) {
        self.file = file
        self.values = values
    }

    /// The keys each format reads from the file.
    public static func keys(_ format: RegisterFormat) -> [String] {
        switch format {
        case .etalab: EtalabInventory.declarationKeys
        case .atrs: TransparencyRecord.declarationKeys
        case .nl: DutchRegisterRecord.declarationKeys
        }
    }

    /// Reads and checks a declarations file.
    public static func load(path: String) throws(SpecError) -> RegisterDeclarations {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SpecError(file: path, key: "declarations", message: "cannot read the file as UTF-8 text (\(error.localizedDescription))")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw SpecError(file: path, key: "declarations", message: "not valid YAML: \(error)")
        }
        guard let node else { return RegisterDeclarations(file: path) }
        func failure(_ n: Node, _ key: String, _ message: String) -> SpecError {
            SpecError(file: path, line: n.mark?.line, column: n.mark?.column, key: key, message: message)
        }
        guard let top = node.mapping else { throw failure(node, "declarations", "expected a mapping of formats (etalab, atrs, nl)") }
        var values: [RegisterFormat: [String: [String]]] = [:]
        for (keyNode, formatNode) in top {
            guard let name = keyNode.string, let format = RegisterFormat(rawValue: name) else {
                throw failure(keyNode, keyNode.string ?? "?", "unknown format; expected etalab, atrs or nl")
            }
            guard values[format] == nil else { throw failure(keyNode, name, "format given twice") }
            guard let fields = formatNode.mapping else { throw failure(formatNode, name, "expected a mapping of fields") }
            let allowed = keys(format)
            var declared: [String: [String]] = [:]
            for (fieldNode, valueNode) in fields {
                let field = fieldNode.string ?? "?"
                guard allowed.contains(field) else {
                    throw failure(fieldNode, "\(name).\(field)", "not a key the \(name) record reads from this file; expected one of: \(allowed.joined(separator: ", "))")
                }
                guard declared[field] == nil else { throw failure(fieldNode, "\(name).\(field)", "key given twice") }
                if let scalar = valueNode.scalar {
                    declared[field] = [scalar.string]
                } else if let sequence = valueNode.sequence {
                    var items: [String] = []
                    for item in sequence {
                        guard let s = item.scalar?.string else { throw failure(item, "\(name).\(field)", "expected a text in the list") }
                        items.append(s)
                    }
                    declared[field] = items
                } else {
                    throw failure(valueNode, "\(name).\(field)", "expected a text or a list of texts")
                }
            }
            values[format] = declared.filter { !$0.value.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } }
        }
        return RegisterDeclarations(file: path, values: values)
    }
}
