/// What is wrong with an input, as a typed reason that the command line writes in its
/// language (`AuditReport`'s catalogues, `--lang`); ``description`` is the English text, the
/// message ``CSVError`` and ``SpecError`` carry. The commonest problems of a data file and a
/// YAML file have a case of their own; the other sentences Vigie says about an input are
/// ``sentence(_:arguments:)`` (an ``InputSentence`` and its arguments), found again from an
/// error's English text by ``init(recognizing:)`` when the error was thrown with text only.
public enum InputProblem: Sendable, Hashable, CustomStringConvertible {
    /// A data row holds `found` fields where the header has `expected`.
    case fieldCount(expected: Int, found: Int)
    /// The file holds nothing, not even a header line.
    case emptyFile
    /// The file holds a header and no data row.
    case noDataRow
    /// No header column has this name; `header` lists the columns (shown when there are at
    /// least two: a one-field first line is not shown, the file may not be a CSV table).
    case noColumn(name: String, header: [String])
    /// A row has no value in the label or decision column (`role`).
    case missingValue(role: String)
    /// The file cannot be opened; `code` is the `errno`, `reason` the system's English text.
    case cannotOpen(code: Int32, reason: String)
    /// A YAML mapping holds a key outside `allowed`.
    case unknownKey(allowed: [String])
    /// A YAML value is not a number.
    case expectedNumber
    /// A label or decision (`role`) value that is not yes/no (`1/0`, `true/false`, `yes/no`,
    /// `oui/non`) nor a declared positive value.
    case expectedYesNo(role: String, found: String)
    /// A label or decision (`role`) value compared with a threshold that is not a number.
    case expectedNumberForThreshold(role: String, threshold: Double, found: String)
    /// A field (or a header name) that is not valid UTF-8.
    case invalidUTF8(header: Bool)
    /// A field (or a header name) holding a NUL byte: the file is binary or UTF-16.
    case nulByte(header: Bool)
    /// A quoted field opened on `line` and never closed; `quote` describes the quote character.
    case unclosedQuote(line: Int, quote: String)
    /// A quote character inside an unquoted field.
    case unexpectedQuote(quote: String)
    /// Any other sentence about an input: its English text is `sentence`'s template filled
    /// with `arguments`.
    case sentence(InputSentence, arguments: [String: String])

    /// The typed reason of an error thrown with English text only: the ``InputSentence``
    /// whose template gives exactly `message`; `nil` when none does (the text is then shown
    /// as it is, in English).
    public init?(recognizing message: String) {
        if message == InputProblem.expectedNumber.description { self = .expectedNumber; return }
        guard let (sentence, arguments) = InputSentence.recognize(message) else { return nil }
        self = .sentence(sentence, arguments: arguments)
    }

    /// The English text.
    public var description: String {
        switch self {
        case .fieldCount(let expected, let found): "expected \(expected) fields, found \(found)"
        case .emptyFile: "empty file: expected a header line"
        case .noDataRow: "expected at least one data row after the header, found none"
        case .noColumn(let name, let header): "no column named '\(name)'; " + Self.headerListing(header)
        case .missingValue(let role): "missing \(role): every row needs a \(role) value"
        case .cannotOpen(_, let reason): "cannot open file: \(reason)"
        case .unknownKey(let allowed): "unknown key; expected one of: \(allowed.joined(separator: ", "))"
        case .expectedNumber: "expected a number"
        case .expectedYesNo(let role, let found): "expected a yes/no \(role) (1/0, true/false, yes/no, oui/non) or a declared positive value, found '\(found)'"
        case .expectedNumberForThreshold(let role, let threshold, let found): "expected a number to compare with the \(role) threshold \(threshold), found '\(found)'"
        case .invalidUTF8(let header): "invalid UTF-8 in \(header ? "header name" : "field") (re-encode the file as UTF-8)"
        case .nulByte(let header): "a NUL byte in \(header ? "header name" : "field"): the file is not UTF-8 text (binary, or UTF-16?)"
        case .unclosedQuote(let line, let quote): "quoted field opened on line \(line) is never closed: expected a closing \(quote) before the end of the file"
        case .unexpectedQuote(let quote):
            "unexpected quote \(quote) inside an unquoted field (a field containing quotes must be enclosed in quotes, with each inner quote doubled)"
        case .sentence(let sentence, let arguments): sentence.text(arguments)
        }
    }

    /// The header as error messages show it: the column names; or, when the first line holds
    /// a single field — what a file that is not a CSV table looks like (a password file, a
    /// log) — nothing of its content, so an error never echoes a file that is not a CSV.
    public static func headerListing(_ header: [String]) -> String {
        guard header.count >= 2 else {
            return "the first line holds a single field, so the file does not look like a CSV table "
                + "(fields separated by ',', ';' or a tab); its content is not shown"
        }
        return "available columns: " + header.map { "'\($0)'" }.joined(separator: ", ")
    }
}
