extension CSVDialect {
    /// The delimiter named in a spec or on the command line: `,`, `;`, `tab` (or a tab
    /// character), or `auto` (`nil`: detected from the header line).
    /// - Throws: `SpecError` naming `key` for any other text.
    public static func delimiter(named text: String, key: String) throws(SpecError) -> UInt8? {
        switch text {
        case "auto": return nil
        case ",": return UInt8(ascii: ",")
        case ";": return UInt8(ascii: ";")
        case "tab", "\t": return UInt8(ascii: "\t")
        default: throw SpecError(key: key, message: "expected ',', ';', 'tab' or 'auto', found '\(text)'")
        }
    }
}
