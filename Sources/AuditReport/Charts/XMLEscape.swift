/// Escaping of untrusted text (category labels read from CSV files) for XML and inline SVG.
///
/// Follows XML 1.0 (W3C, fifth edition) §2.4 "Character Data and Markup" and §2.2
/// "Characters": `&` and `<` must be escaped everywhere, `>` is escaped too (so `]]>` can
/// never appear), and in attribute values both quotes. Characters that XML 1.0 forbids
/// (controls other than tab, line feed and carriage return; U+FFFE, U+FFFF) cannot be
/// escaped at all, so they become U+FFFD REPLACEMENT CHARACTER: the document stays
/// well-formed whatever the label holds. The output is also safe as HTML text and as a
/// quoted HTML attribute value (HTML Living Standard §13.1.2.6, §13.1.2.3).
package enum XMLEscape {
    /// Text content: `&` → `&amp;`, `<` → `&lt;`, `>` → `&gt;`, `"` → `&quot;`,
    /// `'` → `&apos;`; forbidden characters → U+FFFD.
    package static func text(_ raw: String) -> String {
        escape(raw, inAttribute: false)
    }

    /// A quoted attribute value: as ``text(_:)``, and also tab, line feed and carriage
    /// return as character references (`&#9;`, `&#10;`, `&#13;`), which attribute-value
    /// normalisation (XML 1.0 §3.3.3) would otherwise turn into spaces.
    package static func attribute(_ raw: String) -> String {
        escape(raw, inAttribute: true)
    }

    static func escape(_ raw: String, inAttribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += inAttribute ? "&#9;" : "\t"
            case "\n": out += inAttribute ? "&#10;" : "\n"
            case "\r": out += inAttribute ? "&#13;" : "\r"
            default:
                if isAllowed(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "\u{FFFD}"
                }
            }
        }
        return out
    }

    /// XML 1.0 `Char` production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
    /// [#x10000-#x10FFFF] (surrogates cannot occur in a Swift `Unicode.Scalar`).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v == 0x9 || v == 0xA || v == 0xD }
        return v != 0xFFFE && v != 0xFFFF
    }
}
