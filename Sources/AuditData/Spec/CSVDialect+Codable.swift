/// The spec's `csv:` section: `delimiter` (`CSVDelimiter`), `decimal` (`.` or `,`), `missing`
/// (the markers; an empty field is always missing) and `quote` (one character; written only
/// when a library caller set another one than `"`, which no flag changes).
///
/// Written the same in every view (`SpecView`), except that the report's leaves the quote out.
extension CSVDialect: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case delimiter, decimal, missing, quote
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        if let delimiter = try c.decodeIfPresent(CSVDelimiter.self, forKey: .delimiter) { self.delimiter = delimiter.byte }
        if let decimal = try c.decodeIfPresent(String.self, forKey: .decimal) {
            guard decimal == "." || decimal == "," else { throw c.failure(.decimal, "expected '.' or ',', found '\(decimal)'") }
            decimalComma = decimal == ","
        }
        if let missing = try c.decodeIfPresent([String].self, forKey: .missing) { missingValues = Set(missing).union([""]) }
        if let quote = try c.decodeIfPresent(String.self, forKey: .quote) {
            guard quote.utf8.count == 1, let byte = quote.utf8.first else { throw c.failure(.quote, "expected one character, found '\(quote)'") }
            self.quote = byte
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.name(ofDelimiter: delimiter), forKey: .delimiter)
        try c.encode(decimalComma ? "," : ".", forKey: .decimal)
        try c.encode(missingValues.sorted(), forKey: .missing)
        if encoder.specView == .file, quote != UInt8(ascii: "\"") { try c.encode(String(UnicodeScalar(quote)), forKey: .quote) }
    }
}
