import Foundation

/// The JSON of the register files: keys sorted, pretty-printed, slashes unescaped, one final
/// newline, so the same audit gives the same bytes.
enum RegisterJSON {
    static func encoded<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
