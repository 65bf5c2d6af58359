import Foundation
/// A streaming reader for RFC 4180 CSV files and the real-world exports that
/// package administrations produce (`;` or tab delimiters, decimal comma, CRLF,
/// UTF-8 byte order mark).
///
/// ## Why this reader is hand-written
///
/// Reading the input is the hot path of an audit: a 1M-row file must be
/// ingested several times faster than `pandas.read_csv`, and a 10M-row file
/// must stream with peak memory well under 1 GB. General-purpose parsers
/// (Foundation, `String`-based splitting) allocate a `String` per field and
/// usually load the whole file. This reader instead:
///
/// - reads the file with `read(2)` in fixed chunks (1 MiB by default) and
///   carries a row cut by a chunk boundary over to the next chunk, so memory is
///   bounded by the chunk size and the longest row, never by the file size;
/// - materialises only the selected columns, as byte ranges pointing into the
///   chunk; every other field is skipped without any copy or allocation;
/// - parses numbers straight from the bytes (see `CSVNumberParser`), and
///   interns categorical values into dense codes without a `String` per row
///   (see `CategoricalEncoder`);
/// - validates UTF-8 only where text is produced (header names, `String`s,
///   new category levels), not on every byte of the file.
///
/// ## Format accepted
///
/// - Fields may be quoted with `dialect.quote`; a quoted field may contain the
///   delimiter, line breaks, and the quote itself written twice (`""`).
/// - Rows end with LF or CRLF; the last row may lack a line ending. A lone CR
///   is an error. A leading UTF-8 byte order mark is skipped.
/// - Empty lines (no byte at all between two line endings) are skipped, before
///   and after the header, as `pandas.read_csv` does. A line with spaces is not
///   empty.
/// - The delimiter is auto-detected from the header line unless
///   `dialect.delimiter` is set (see `CSVDialect.delimiter`).
/// - Every data row must have exactly as many fields as the header.
/// - A file without a header line, or with a header but no data row, is an
///   error: an audit of zero rows is never what was meant.
/// - Header names must be non-empty valid UTF-8. Duplicate names are allowed;
///   `columnIndex(named:)` resolves `name#2` to the second occurrence.
///
/// Every problem is reported as a `CSVError` naming the file, the physical line
/// (1-based, counting newlines inside quoted fields) and the column (1-based
/// index and header name); the reader never traps on bad input.
///
/// A reader is meant to be used from one thread. The file is opened once, by `init`;
/// `forEachRow` may be called several times, each call re-reading it from just after
/// the header through the same descriptor.
package final class CSVReader {
    package let path: String
    /// Header names, exactly as written (unquoted, BOM removed).
    package let header: [String]
    /// The delimiter in use (given by the dialect or auto-detected).
    package let delimiter: UInt8
    package let dialect: CSVDialect
    /// Bytes of the file read so far by `forEachRow` (for progress bars); see `fileSize`.
    package private(set) var bytesRead = 0
    /// Size of the file in bytes when it was opened (0 if unknown).
    package var fileSize: Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// Default size of each `read(2)`: 1 MiB.
    static let defaultChunkSize = 1 << 20
    /// A single row longer than this is reported as an error instead of
    /// growing the buffer without bound (typically an unclosed quote).
    static let defaultMaxRowBytes = 256 << 20

    let chunkSize: Int
    let maxRowBytes: Int
    /// File offset and physical line of the first byte after the header row.
    let dataOffset: Int
    let dataLine: Int
    let scanner: CSVScanner
    /// The file, opened once by `init` and read again from `dataOffset` by each `forEachRow`.
    let file: CSVFile
    /// The window `init` read the header with, positioned at the first data row (on line
    /// `resumeLine`): the first `forEachRow` continues from it, so a file read once is read
    /// sequentially, from one descriptor and without seeking (a pipe works).
    private var resume: CSVByteSource?
    private var resumeLine = 0
    let missingPatterns: [[UInt8]]

    /// Opens the file and reads its header line.
    ///
    /// - Throws: `CSVError` if the file cannot be opened or read, is empty, has
    ///   an invalid header, or has no data row after the header.
    package convenience init(path: String, dialect: CSVDialect = CSVDialect()) throws {
        try self.init(path: path, dialect: dialect, chunkSize: CSVReader.defaultChunkSize,
                      maxRowBytes: CSVReader.defaultMaxRowBytes)
    }

    /// Same as the package initialiser, with a configurable read size (tests use
    /// tiny chunks to exercise every chunk-boundary position).
    init(path: String, dialect: CSVDialect, chunkSize: Int, maxRowBytes: Int = CSVReader.defaultMaxRowBytes) throws(CSVError) {
        let quote = dialect.quote
        let forbidden: Set<UInt8> = [UInt8(ascii: "\n"), UInt8(ascii: "\r")]
        if forbidden.contains(quote) {
            throw CSVError(file: path, line: nil, column: nil, columnName: nil,
                           problem: .sentence(.csvQuoteLineEnding, arguments: [:]))
        }
        if let d = dialect.delimiter, forbidden.contains(d) || d == quote {
            throw CSVError(file: path, line: nil, column: nil, columnName: nil,
                           problem: .sentence(.csvDelimiterLineEnding, arguments: ["found": "\(csvDescribeByte(d))"]))
        }

        let file = try CSVFile(path: path)
        var source = try CSVByteSource(file: file, startOffset: 0, chunkSize: chunkSize, maxRowBytes: maxRowBytes)
        var line = 1

        // Byte order mark.
        while source.end < 3 && !source.eof { try source.refill(line: line, openQuoteLine: nil) }
        if source.end >= 3 && source.storage[0] == 0xEF && source.storage[1] == 0xBB && source.storage[2] == 0xBF {
            source.begin = 3
        }
        // Empty lines before the header.
        try Self.skipEmptyLines(&source, line: &line)
        if source.begin == source.end {
            throw CSVError(file: path, line: nil, column: nil, columnName: nil, problem: .emptyFile)
        }

        // Delimiter: decided on the header line, counting outside quotes.
        let delimiter: UInt8
        if let given = dialect.delimiter {
            delimiter = given
        } else {
            delimiter = try Self.detectDelimiter(&source, quote: quote, line: line)
        }

        // Header fields: one pass to count them, one to collect them.
        let headerScanner = CSVScanner(path: path, delimiter: delimiter, quote: quote, header: [])
        var names: [String] = []
        var afterHeader = (next: 0, line: 0)
        let noSlots = UnsafeMutablePointer<CSVFieldSlot>.allocate(capacity: 1)
        defer { noSlots.deallocate() }
        while true {
            let counting = try headerScanner.scanRecord(
                source.storage, begin: source.begin, end: source.end, eof: source.eof, line: line,
                slotOfField: [Int32](), slotCount: 0, slots: noSlots, scratch: source.scratch)
            guard case .complete(_, let fieldCount, _) = counting else {
                guard case .needMore(let openQuoteLine) = counting else { fatalError("unreachable") }
                try source.refill(line: line, openQuoteLine: openQuoteLine)
                continue
            }
            let identity = (0..<Int32(fieldCount)).map { $0 }
            let slots = UnsafeMutablePointer<CSVFieldSlot>.allocate(capacity: fieldCount)
            defer { slots.deallocate() }
            let collecting = try headerScanner.scanRecord(
                source.storage, begin: source.begin, end: source.end, eof: source.eof, line: line,
                slotOfField: identity, slotCount: fieldCount, slots: slots, scratch: source.scratch)
            guard case .complete(let next, _, let nextLine) = collecting else { fatalError("unreachable") }
            for k in 0..<fieldCount {
                let slot = slots[k]
                let bytes = UnsafeBufferPointer(start: slot.start, count: slot.count)
                guard let name = String(validating: bytes, as: UTF8.self) else {
                    throw CSVError(file: path, line: slot.line, column: k + 1, columnName: nil, problem: .invalidUTF8(header: true))
                }
                if bytes.contains(0) {
                    throw CSVError(file: path, line: slot.line, column: k + 1, columnName: nil, problem: .nulByte(header: true))
                }
                if name.isEmpty {
                    throw CSVError(file: path, line: slot.line, column: k + 1, columnName: nil,
                                   problem: .sentence(.csvEmptyHeaderName, arguments: [:]))
                }
                names.append(name)
            }
            afterHeader = (next, nextLine)
            break
        }
        self.dataOffset = source.fileOffset(of: afterHeader.next)
        self.dataLine = afterHeader.line

        // At least one data row.
        source.begin = afterHeader.next
        line = afterHeader.line
        try Self.skipEmptyLines(&source, line: &line)
        if source.begin == source.end {
            throw CSVError(file: path, line: line, column: nil, columnName: nil, problem: .noDataRow)
        }

        self.path = path
        self.file = file
        self.header = names
        self.delimiter = delimiter
        self.dialect = dialect
        self.chunkSize = chunkSize
        self.maxRowBytes = maxRowBytes
        self.scanner = CSVScanner(path: path, delimiter: delimiter, quote: quote, header: names)
        self.missingPatterns = dialect.missingValues.sorted().map { Array($0.utf8) }
        self.resume = consume source
        self.resumeLine = line
    }

    /// Skips line endings at `source.begin` (empty lines), refilling as needed.
    /// On return `source.begin == source.end` only at end of file.
    static func skipEmptyLines(_ source: inout CSVByteSource, line: inout Int) throws(CSVError) {
        while true {
            if source.begin == source.end {
                if source.eof { return }
                try source.refill(line: line, openQuoteLine: nil)
                continue
            }
            let c = source.storage[source.begin]
            if c == UInt8(ascii: "\n") {
                source.begin += 1
                line += 1
            } else if c == UInt8(ascii: "\r") {
                if source.begin + 1 == source.end && !source.eof {
                    try source.refill(line: line, openQuoteLine: nil)
                    continue
                }
                guard source.begin + 1 < source.end, source.storage[source.begin + 1] == UInt8(ascii: "\n") else {
                    return  // a lone CR: the scanner reports it
                }
                source.begin += 2
                line += 1
            } else {
                return
            }
        }
    }

    /// Counts `,`, `;` and tab outside quotes on the line at `source.begin`;
    /// the most frequent wins, ties (and a line with none) go to `,`.
    private static func detectDelimiter(_ source: inout CSVByteSource, quote: UInt8, line: Int) throws(CSVError) -> UInt8 {
        while true {
            var comma = 0, semicolon = 0, tab = 0
            var inQuotes = false
            var i = source.begin
            var complete = false
            while i < source.end {
                let c = source.storage[i]
                if c == quote {
                    inQuotes.toggle()  // a doubled quote toggles twice: no net effect
                } else if !inQuotes {
                    if c == UInt8(ascii: "\n") { complete = true; break }
                    if c == UInt8(ascii: ",") { comma += 1 }
                    else if c == UInt8(ascii: ";") { semicolon += 1 }
                    else if c == UInt8(ascii: "\t") { tab += 1 }
                }
                i += 1
            }
            if complete || source.eof {
                if semicolon > comma && semicolon >= tab { return UInt8(ascii: ";") }
                if tab > comma && tab > semicolon { return UInt8(ascii: "\t") }
                return UInt8(ascii: ",")
            }
            try source.refill(line: line, openQuoteLine: inQuotes ? line : nil)
        }
    }

    // MARK: - Columns

    /// Index in `header` of the column called `name`.
    ///
    /// An exact header name resolves to its first occurrence. For duplicated
    /// names, `name#2` (`#3`, …) selects the second (third, …) occurrence;
    /// `name#1` is the first.
    ///
    /// - Throws: `CSVError` naming close matches, or listing the columns.
    package func columnIndex(named name: String) throws -> Int {
        if let index = header.firstIndex(of: name) { return index }
        if let hash = name.lastIndex(of: "#"),
           let occurrence = Int(name[name.index(after: hash)...]), occurrence >= 1 {
            let base = String(name[..<hash])
            let positions = header.indices.filter { header[$0] == base }
            if occurrence <= positions.count { return positions[occurrence - 1] }
            if !positions.isEmpty {
                throw CSVError(file: path, line: nil, column: nil, columnName: name,
                               problem: .sentence(.csvColumnOccurs, arguments: ["base": "\(base)", "count": "\(positions.count)", "name": "\(name)"]))
            }
        }
        let close = header.count < 2 ? [] : header.enumerated().filter { Self.isCloseMatch(name, $0.element) }
            .map { header.firstIndex(of: $0.element) == $0.offset ? $0.element : Self.occurrenceName(of: $0.offset, in: header) }
        guard close.isEmpty else {
            let message = "no column named '\(name)'; did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?"
            throw CSVError(file: path, line: nil, column: nil, columnName: name, message: message)
        }
        throw CSVError(file: path, line: nil, column: nil, columnName: name, problem: .noColumn(name: name, header: header))
    }

    /// The header as error messages show it: the column names; or, when the first line holds
    /// a single field — what a file that is not a CSV table looks like (a password file, a
    /// log) — nothing of its content, so an error never echoes a file that is not a CSV.
    package var headerListing: String {
        InputProblem.headerListing(header)
    }

    /// Whether `name` appears more than once in the header.
    package func isDuplicated(_ name: String) -> Bool {
        var seen = 0
        for h in header where h == name {
            seen += 1
            if seen > 1 { return true }
        }
        return false
    }

    /// `name#k` for the k-th occurrence of `header[index]`.
    private static func occurrenceName(of index: Int, in header: [String]) -> String {
        let name = header[index]
        let k = header[...index].filter { $0 == name }.count
        return k == 1 ? name : "\(name)#\(k)"
    }

    /// Case-insensitive equality, containment, or an edit distance of at most
    /// 2 (for names of 4+ characters).
    private static func isCloseMatch(_ wanted: String, _ candidate: String) -> Bool {
        let a = Array(wanted.lowercased()), b = Array(candidate.lowercased())
        if a == b { return true }
        if a.count >= 3 && b.count >= 3 && (candidate.lowercased().contains(wanted.lowercased()) || wanted.lowercased().contains(candidate.lowercased())) {
            return true
        }
        guard a.count >= 4, abs(a.count - b.count) <= 2 else { return false }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where b.count > 0 {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count] <= 2
    }

    // MARK: - Rows

    /// For `forEachRow`: the slot of each header field (-1: skipped), and the slots to copy
    /// for a column selected twice (filled once, then copied).
    func slotMap(selecting columns: [Int]) throws(CSVError) -> (slotOfField: [Int32], copies: [(to: Int, from: Int)]) {
        for c in columns where c < 0 || c >= header.count {
            throw CSVError(file: path, line: nil, column: nil, columnName: nil,
                           problem: .sentence(.csvColumnIndex, arguments: ["index": "\(c)", "count": "\(header.count)"]))
        }
        var slotOfField = [Int32](repeating: -1, count: header.count)
        var copies: [(to: Int, from: Int)] = []
        for (slot, c) in columns.enumerated() {
            if slotOfField[c] < 0 { slotOfField[c] = Int32(slot) } else { copies.append((slot, Int(slotOfField[c]))) }
        }
        return (slotOfField, copies)
    }

    /// Streams all data rows once, in order. `columns` are header indices; the
    /// row gives the unquoted, unescaped bytes of each selected field, in the
    /// order of `columns`.
    ///
    /// Errors thrown by `body` propagate unchanged and stop the scan. Format
    /// errors are thrown as `CSVError` when reached, so rows before a bad row
    /// have already been delivered.
    package func forEachRow(selecting columns: [Int], _ body: (CSVRow) throws -> Void) throws {
        let (slotOfField, copies) = try slotMap(selecting: columns)
        let context = CSVRowContext(path: path, header: header, columns: columns,
                                    decimalComma: dialect.decimalComma, missingPatterns: missingPatterns)
        let slots = UnsafeMutablePointer<CSVFieldSlot>.allocate(capacity: max(columns.count, 1))
        slots.initialize(repeating: CSVFieldSlot(start: nil, count: 0, line: 0), count: max(columns.count, 1))
        defer { slots.deallocate() }

        var source: CSVByteSource
        var line: Int
        if let resumed = resume.take() {
            source = resumed
            line = resumeLine
        } else {
            source = try CSVByteSource(file: file, startOffset: dataOffset, chunkSize: chunkSize, maxRowBytes: maxRowBytes)
            line = dataLine
        }
        let expected = header.count
        let scanner = self.scanner
        try slotOfField.withUnsafeBufferPointer { slotOfField in
            let slotMap = slotOfField.baseAddress!
            while true {
                if source.begin == source.end {
                    if source.eof { return }
                    try source.refill(line: line, openQuoteLine: nil)
                    continue
                }
                let first = source.storage[source.begin]
                if first == UInt8(ascii: "\n") || first == UInt8(ascii: "\r") {
                    try Self.skipEmptyLines(&source, line: &line)
                    // Now at end of file, or at a row, or at a lone CR (reported by the scanner).
                    if source.begin == source.end { continue }
                }
                let result = try scanner.scanRecord(
                    source.storage, begin: source.begin, end: source.end, eof: source.eof, line: line,
                    slotOfField: slotMap, slotCount: expected, slots: slots, scratch: source.scratch)
                switch result {
                case .needMore(let openQuoteLine):
                    try source.refill(line: line, openQuoteLine: openQuoteLine)
                    bytesRead = source.fileOffset(of: source.begin)
                case .complete(let next, let fieldCount, let nextLine):
                    if fieldCount != expected {
                        let column = fieldCount < expected ? fieldCount : expected
                        throw CSVError(file: path, line: line, column: column + 1,
                                       columnName: column < expected ? header[column] : nil,
                                       problem: .fieldCount(expected: expected, found: fieldCount))
                    }
                    for copy in copies { slots[copy.to] = slots[copy.from] }
                    try body(CSVRow(line: line, fields: slots, context: context))
                    source.begin = next
                    line = nextLine
                }
            }
        }
    }
}
