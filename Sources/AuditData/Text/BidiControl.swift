import Foundation

/// The Unicode bidirectional formatting characters, which reorder the text displayed
/// after them without being visible themselves: a label `‮fdp.exe` shows as `exe.pdf`.
///
/// Vigie writes data strings (labels, column names, ids, spec texts) into reports people
/// read; none of these characters reaches an output as it is. Text outputs show each as
/// `[U+202E]` (``visible(_:)``); JSON, read by programs, escapes each as `\u202e`
/// (``escapingInJSON(_:)``), which a JSON reader turns back into the exact label.
///
/// The characters (Unicode Standard Annex #9, "Explicit Directional Formatting"; the list of
/// CVE-2021-42574, "Trojan Source"): U+061C ARABIC LETTER MARK, U+200E LEFT-TO-RIGHT MARK,
/// U+200F RIGHT-TO-LEFT MARK, U+202A–U+202E (embeddings, overrides, pop), U+2066–U+2069
/// (isolates, pop).
package enum BidiControl {
    /// The code points, in order.
    package static let codePoints: [UInt32] = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]

    package static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `text` with each bidirectional control shown as `[U+XXXX]`.
    package static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isBidiControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isBidiControl(scalar) {
                out.append(contentsOf: "[U+\(hex(scalar))]".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// UTF-8 text with each bidirectional control shown as `[U+XXXX]`.
    package static func visible(_ data: Data) -> Data {
        replacing(in: data) { Array("[U+\(hex($0))]".utf8) }
    }

    /// JSON text with each bidirectional control written as the escape `\uxxxx`. In JSON such
    /// a character can only stand inside a string, where the escape means the same character.
    package static func escapingInJSON(_ data: Data) -> Data {
        replacing(in: data) { Array("\\u\(hex($0).lowercased())".utf8) }
    }

    /// Four hexadecimal digits, upper case.
    static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Replaces every bidirectional control in UTF-8 `data` (all are 2- or 3-byte sequences
    /// starting 0xD8 or 0xE2) by `replacement(scalar)`; other bytes are copied unchanged.
    static func replacing(in data: Data, _ replacement: (Unicode.Scalar) -> [UInt8]) -> Data {
        let bytes = [UInt8](data)
        guard bytes.contains(where: { $0 == 0xD8 || $0 == 0xE2 }) else { return data }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0xD8, i + 1 < bytes.count, bytes[i + 1] == 0x9C {  // U+061C = D8 9C
                out += replacement(Unicode.Scalar(0x061C)!)
                i += 2
                continue
            }
            if b == 0xE2, i + 2 < bytes.count {
                let value = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                if bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80, let scalar = Unicode.Scalar(value), isBidiControl(scalar) {
                    out += replacement(scalar)
                    i += 3
                    continue
                }
            }
            out.append(b)
            i += 1
        }
        return Data(out)
    }
}
