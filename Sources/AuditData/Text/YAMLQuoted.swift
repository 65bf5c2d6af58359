/// A YAML double-quoted scalar that holds exactly `text` and cannot end early.
///
/// `vigie init` writes column names and values taken from a data file into the spec it
/// drafts; quoting every one of them this way means no header or value can add a key, end a
/// comment or change an indentation. Escaped (YAML 1.2 §5.7, which libyaml reads): `\` and
/// `"`; every C0 control, DEL and C1 control (`\n`, `\t`, `\xNN`…); the characters YAML 1.1
/// also takes as line breaks, U+0085, U+2028 and U+2029; the byte-order mark U+FEFF; and the
/// bidirectional controls (``BidiControl``), as `\uNNNN`. Everything else is written as it is.
package enum YAMLQuoted {
    package static func scalar(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x5C: out += "\\\\"
            case 0x22: out += "\\\""
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x00: out += "\\0"
            case 0x00...0x1F, 0x7F...0x9F: out += "\\x" + hex(scalar.value, digits: 2)
            case 0x2028, 0x2029, 0xFEFF: out += "\\u" + hex(scalar.value, digits: 4)
            default:
                if BidiControl.isBidiControl(scalar) { out += "\\u" + hex(scalar.value, digits: 4) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
