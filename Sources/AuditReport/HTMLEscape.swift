/// Escaping for the HTML report (XHTML-compatible HTML5, so also well-formed XML).
///
/// Text: `&`, `<`, `>` become entities; attribute values also escape `"` and `'`. Control
/// characters other than tab and line feed, which XML 1.0 forbids, become U+FFFD; a carriage
/// return becomes a line feed. Source: WHATWG HTML §13.1.2.6 and XML 1.0 §2.2 (Char).
enum HTMLEscape {
    static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "\n"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) || scalar.value == 0x7F {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static func attribute(_ s: String) -> String {
        var out = ""
        for ch in text(s) {
            switch ch {
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
