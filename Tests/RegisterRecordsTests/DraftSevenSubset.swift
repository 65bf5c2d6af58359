import Foundation

/// A validator for the part of JSON Schema draft-07 the Algoritmeregister schema uses:
/// `type` object at the top with `required` and `properties`; per property `type` string or
/// array of strings, `maxLength` (Unicode code points), `enum`, `const`, `pattern`, and
/// `format: uri` (an absolute URI with a scheme). Keywords outside this subset make it fail,
/// so a schema update cannot pass unchecked.
enum DraftSevenSubset {
    static let known: Set<String> = ["name", "category", "type", "maxLength", "display", "description", "instructions",
                                     "example", "enum", "const", "pattern", "format", "items"]

    static func errors(_ instance: [String: Any], schema: [String: Any]) -> [String] {
        var errors: [String] = []
        let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
        for key in schema["required"] as? [String] ?? [] where instance[key] == nil { errors.append("\(key): required") }
        for (key, value) in instance {
            guard let p = properties[key] else { continue }  // the schema allows other keys
            for keyword in p.keys where !known.contains(keyword) { errors.append("\(key): keyword \(keyword) not supported by this check") }
            if let type = p["type"] as? String {
                if type == "string", !(value is String) { errors.append("\(key): expected a string") }
                if type == "array" {
                    guard let items = value as? [Any], items.allSatisfy({ $0 is String }) else { errors.append("\(key): expected an array of strings"); continue }
                }
            }
            guard let text = value as? String else { continue }
            if let max = p["maxLength"] as? Int, text.unicodeScalars.count > max { errors.append("\(key): longer than \(max)") }
            if let options = p["enum"] as? [String], !options.contains(text) { errors.append("\(key): not in enum") }
            if let constant = p["const"] as? String, text != constant { errors.append("\(key): not \(constant)") }
            if let pattern = p["pattern"] as? String,
               text.range(of: pattern, options: .regularExpression) == nil { errors.append("\(key): does not match \(pattern)") }
            if p["format"] as? String == "uri" {
                let scheme = text.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
                if scheme.isEmpty || !scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) || !text.contains(":") || text.contains(" ") {
                    errors.append("\(key): not a URI")
                }
            }
        }
        return errors
    }
}
