import Foundation

/// Where a JSON file failed to decode, as `line:column: message` or `key.path: message`.
///
/// `JSONDecoder` says only "not valid JSON" for a syntax error; Foundation's
/// `JSONSerialization` gives the offset ("around character 22"), turned here into a line and
/// a column. A value of the wrong type or a missing key is named by its key path
/// (`inputs[0].sha256`).
enum JSONErrorLocation {
    static func describe(_ error: Error, in data: Data) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return syntax(data) ?? "not valid JSON"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(name(of: type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(name(of: type)), found null"
        @unknown default:
            return "\(error)"
        }
    }

    /// `L:C: not valid JSON` from `JSONSerialization`'s "around character N".
    static func syntax(_ data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch let error as NSError {
            let text = (error.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
            guard let range = text.range(of: "around character "),
                  let offset = Int(text[range.upperBound...].prefix { $0.isNumber }) else { return "not valid JSON" }
            var line = 1, column = 1
            for (i, byte) in data.enumerated() {
                if i >= offset { break }
                if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            }
            return "\(line):\(column): not valid JSON"
        }
    }

    static func path(_ keys: [CodingKey]) -> String {
        var out = ""
        for key in keys {
            if let index = key.intValue { out += "[\(index)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
        }
        return out.isEmpty ? "(top level)" : out
    }

    static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type, is UInt64.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default: return type is any Collection.Type ? "a list" : "an object"
        }
    }
}
