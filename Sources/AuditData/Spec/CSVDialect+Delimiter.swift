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

    /// The name of a delimiter as a spec writes it: `auto` for `nil`, `tab`, or the character;
    /// the inverse of ``delimiter(named:key:)``.
    public static func name(ofDelimiter delimiter: UInt8?) -> String {
        switch delimiter {
        case nil: return "auto"
        case UInt8(ascii: "\t")?: return "tab"
        case let d?: return String(UnicodeScalar(d))
        }
    }
}
