/// The field delimiter a spec or the command line names: `,`, `;`, `tab`, or `auto`
/// (detected from the header line). A closed set: any other text is refused with the list.
public enum CSVDelimiter: String, Sendable, CaseIterable, Codable {
    case comma = ","
    case semicolon = ";"
    case tab
    case auto

    /// The name, or a tab character for `tab`.
    public init?(named text: String) {
        if text == "\t" { self = .tab } else { self.init(rawValue: text) }
    }

    /// The delimiter byte; `nil` for `auto`.
    public var byte: UInt8? {
        switch self {
        case .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: UInt8(ascii: "\t")
        case .auto: nil
        }
    }

    /// What is accepted, for errors: `',', ';', 'tab' or 'auto'`.
    public static let accepted = "',', ';', 'tab' or 'auto'"

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = CSVDelimiter(named: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected ',', ';', 'tab' or 'auto', found '\(text)'")  // `accepted`, spelled out for its sentence
        }
        self = value
    }
}

extension CSVDialect {
    /// The delimiter a name stands for: the inverse of ``name(ofDelimiter:)`` (`auto` is `nil`).
    public static func delimiter(named name: String) -> UInt8? {
        if let known = CSVDelimiter(named: name) { return known.byte }
        return name.utf8.count == 1 ? name.utf8.first : nil
    }

    /// The name of a delimiter as a spec writes it: `auto` for `nil`, `tab`, or the character
    /// (a library caller may set a delimiter no name stands for).
    public static func name(ofDelimiter delimiter: UInt8?) -> String {
        switch delimiter {
        case nil: return "auto"
        case UInt8(ascii: "\t")?: return "tab"
        case let d?: return String(UnicodeScalar(d))
        }
    }
}
