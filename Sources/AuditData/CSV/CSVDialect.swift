/// How a CSV file is written: which byte separates fields, which byte quotes
/// them, how decimals are written and which spellings mean "no value".
///
/// The defaults follow RFC 4180 (comma, double quote) with the delimiter
/// auto-detected from the header line, so French exports (`;` with decimal
/// comma) only need `decimalComma: true`.
public struct CSVDialect: Sendable, Equatable {
    /// Field separator. `nil` means: auto-detect from the header line by
    /// counting `,`, `;` and tab outside quotes and taking the most frequent
    /// (ties, including "none of them", resolve to `,`).
    public var delimiter: UInt8?
    /// Quote byte; inside a quoted field the quote is escaped by doubling it.
    public var quote: UInt8
    /// When `true`, numbers are written with a decimal comma ("3,5" = 3.5),
    /// and a `.` inside a number is rejected (it would be a thousands
    /// separator in such exports).
    public var decimalComma: Bool
    /// Exact spellings (byte-for-byte, case-sensitive, no trimming) that mean
    /// a missing value. A quoted empty field `""` is the empty string, so it is
    /// missing under the default set.
    public var missingValues: Set<String>

    public init(
        delimiter: UInt8? = nil,
        quote: UInt8 = UInt8(ascii: "\""),
        decimalComma: Bool = false,
        missingValues: Set<String> = ["", "NA", "NaN", "null"]
    ) {
        self.delimiter = delimiter
        self.quote = quote
        self.decimalComma = decimalComma
        self.missingValues = missingValues
    }
}

/// A problem found while reading a CSV file. It always names the file and,
/// when it concerns a place in the file, the physical line (1-based, counting
/// the newlines inside quoted fields, so it matches what an editor shows) and
/// the column (1-based index and header name).
///
/// `description` reads like a compiler diagnostic:
/// `data.csv:12:3 (column 'race'): expected 46 fields, found 45`.
public struct CSVError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    public let columnName: String?
    public let message: String
    /// The message's typed reason, when it has one (``InputProblem``): what the command line
    /// writes in its language; `message` is its English text.
    public let problem: InputProblem?

    public init(file: String, line: Int?, column: Int?, columnName: String?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.message = message
        self.problem = nil
    }

    /// An error whose message is `problem`'s English text.
    public init(file: String, line: Int?, column: Int?, columnName: String?, problem: InputProblem) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.message = problem.description
        self.problem = problem
    }

    /// Errors are equal when they say the same at the same place (`problem` is `message` typed).
    public static func == (a: CSVError, b: CSVError) -> Bool {
        a.file == b.file && a.line == b.line && a.column == b.column && a.columnName == b.columnName && a.message == b.message
    }

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        } else if let column {
            location += " column \(column)"
        }
        if let columnName {
            location += " (column '\(columnName)')"
        }
        return "\(location): \(message)"
    }
}

/// Renders a byte for an error message: printable ASCII as itself, anything
/// else as hexadecimal.
func csvDescribeByte(_ byte: UInt8) -> String {
    switch byte {
    case UInt8(ascii: "\t"): return "tab"
    case UInt8(ascii: "\n"): return "line feed"
    case UInt8(ascii: "\r"): return "carriage return"
    case 0x20: return "space"
    case 0x21...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
    default:
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(hex.count == 1 ? "0" + hex : hex)"
    }
}
