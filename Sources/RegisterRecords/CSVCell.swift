/// One cell of a register CSV (RFC 4180), safe to open in a spreadsheet.
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a
/// formula by Excel, LibreOffice or Google Sheets (CSV injection, OWASP): it gets a leading
/// apostrophe, which spreadsheets show as text. Then a cell holding a comma, a double quote,
/// a line break or a leading or trailing space is enclosed in double quotes, its quotes
/// doubled.
enum CSVCell {
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    static func escape(_ text: String) -> String {
        var cell = text
        if let first = cell.first, formulaStarts.contains(first) { cell = "'" + cell }
        let needsQuotes = cell.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || cell.first == " " || cell.last == " "
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A line of cells, ending with a line feed.
    static func line(_ cells: [String]) -> String {
        cells.map(escape).joined(separator: ",") + "\n"
    }
}
