/// Escaping for `report.md` (CommonMark with GitHub tables).
///
/// Text: the characters Markdown gives meaning to (`\`, `` ` ``, `*`, `_`, `[`, `]`, `|`,
/// `#` at a line start, `~` for strikethrough) are backslash-escaped, `<`, `>` and `&` become entities (so no HTML passes), and line
/// breaks become spaces. Data labels go in code spans, which CommonMark shows literally
/// (§6.1): a backtick, which would close the span, becomes `'`; inside a table a pipe, which
/// would split the cell, is escaped as GitHub's table extension requires (§4.10); line breaks
/// become spaces.
package enum MarkdownEscape {
    package static func text(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~": out += "\\" + String(ch)
            case "\n", "\r", "\r\n": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    package static func code(_ s: String, inTable: Bool) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "`": out += "'"
            case "|": out += inTable ? "\\|" : "|"
            case "\n", "\r", "\r\n": out += " "
            default: out.append(ch)
            }
        }
        // A span that starts or ends with a space loses one to CommonMark's stripping; an
        // empty label is shown as an empty pair of quotes.
        if out.isEmpty { return "`''`" }
        return "`" + out + "`"
    }
}
