import AuditData
import Foundation

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

    /// Reads and checks a declarations file (`LocatedYAMLDecoder`); an empty file declares nothing.
    public static func load(path: String) throws(SpecError) -> RegisterDeclarations {
        var declarations = try LocatedYAMLDecoder.decode(RegisterDeclarations.self, contentsOfFile: path, what: "declarations",
                                                         ifEmpty: RegisterDeclarations())
        declarations = RegisterDeclarations(file: path, values: declarations.values)
        return declarations
    }
}

/// Formats at the top, each a mapping of the keys its record reads (`keys(_:)`) to a text or
/// a list of texts; a value of blank texts only is no declaration.
extension RegisterDeclarations: Decodable {
    public init(from decoder: Decoder) throws {
        let top: KeyedDecodingContainer<AnyCodingKey>
        do {
            top = try decoder.container(keyedBy: AnyCodingKey.self)
        } catch DecodingError.typeMismatch(_, let context) {
            throw DecodingError.typeMismatch([String: Any].self, DecodingError.Context(codingPath: context.codingPath, debugDescription: "expected a mapping of formats (etalab, atrs, nl)"))
        }
        var values: [RegisterFormat: [String: [String]]] = [:]
        for key in top.allKeys {
            guard let format = RegisterFormat(rawValue: key.stringValue) else {
                throw SpecError(at: top.codingPath + [key], message: "unknown format; expected etalab, atrs or nl")
            }
            let fields: KeyedDecodingContainer<AnyCodingKey>
            do {
                fields = try top.nestedContainer(keyedBy: AnyCodingKey.self, forKey: key)
            } catch DecodingError.typeMismatch {
                throw top.failure(key, "expected a mapping of fields")
            }
            let allowed = Self.keys(format)
            var declared: [String: [String]] = [:]
            for field in fields.allKeys {
                guard allowed.contains(field.stringValue) else {
                    throw SpecError(at: fields.codingPath + [field], message: "not a key the \(format.rawValue) record reads from this file; expected one of: \(allowed.joined(separator: ", "))")
                }
                if let text = try? fields.decode(String.self, forKey: field) {
                    declared[field.stringValue] = [text]
                } else if let list = try? fields.decode([String].self, forKey: field) {
                    declared[field.stringValue] = list
                } else {
                    throw fields.failure(field, "expected a text or a list of texts")
                }
            }
            values[format] = declared.filter { !$0.value.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } }
        }
        self.init(values: values)
    }
}
