/// The cells of every CSV Vigie writes (`metrics.csv`, `findings.csv`, `model-metrics.csv`,
/// `compare.csv`, `diff.csv`, the sensitivity tables).
///
/// **Text cells** — labels, column and criterion names, statuses, reasons — are neutralised
/// against formula injection, then quoted as RFC 4180 asks. A spreadsheet reads a cell that
/// starts with `=`, `+`, `-` or `@` (and, in some, a tab or a carriage return) as a formula
/// (`=HYPERLINK(…)` runs when the file is opened), so such a cell gets a leading `'`, the rule
/// of OWASP's "CSV Injection" page (owasp.org/www-community/attacks/CSV_Injection). A cell
/// that already starts with `'` gets one too, so the prefix can be removed exactly
/// (``unneutralised(_:)``): remove one leading `'`, and the cell is the label again.
///
/// **Number cells** are written as they are (`-0.25`, `1e-05`): always a plain number, never
/// quoted or prefixed, so a spreadsheet reads them as numbers.
package enum CSVText {
    /// The first characters that make a spreadsheet read a text cell as a formula, and the quote.
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "'"]

    /// A text cell: neutralised, then quoted when it holds a comma, a quote, CR or LF.
    package static func text(_ value: String) -> String {
        quoted(neutralised(value))
    }

    /// A number cell (already the number's text): written as it is.
    package static func number(_ value: String) -> String { value }

    /// `'` + `value` when it starts with a formula trigger or a quote, else `value`.
    package static func neutralised(_ value: String) -> String {
        guard let first = value.first, triggers.contains(first) else { return value }
        return "'" + value
    }

    /// The label a neutralised cell holds (the inverse of ``neutralised(_:)``).
    package static func unneutralised(_ cell: String) -> String {
        guard cell.first == "'", let second = cell.dropFirst().first, triggers.contains(second) else { return cell }
        return String(cell.dropFirst())
    }

    /// RFC 4180 quoting: a field with a comma, quote, CR or LF is quoted, its quotes doubled.
    package static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        var out = "\""
        for c in field {
            if c == "\"" { out += "\"\"" } else { out.append(c) }
        }
        return out + "\""
    }

    /// One line: the cells joined by commas, then LF.
    package static func line(_ cells: [String]) -> String {
        cells.joined(separator: ",") + "\n"
    }
}
