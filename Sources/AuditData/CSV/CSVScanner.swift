/// Where a selected field's bytes live (in the file window, or in the scratch
/// buffer when doubled quotes had to be collapsed) and on which physical line
/// it starts.
struct CSVFieldSlot {
    var start: UnsafePointer<UInt8>?
    var count: Int
    var line: Int
}

/// Outcome of scanning one row.
enum CSVRecordScan {
    /// The row is complete: the next row starts at `next`, on line `nextLine`.
    case complete(next: Int, fieldCount: Int, nextLine: Int)
    /// The row runs past the bytes in the window; refill and scan it again.
    /// `openQuoteLine` is set when the cut happens inside a quoted field.
    case needMore(openQuoteLine: Int?)
}

private let lineFeed = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")

/// The RFC 4180 state machine, applied to one row at a time.
///
/// A row is scanned in a single pass that both finds where it ends and
/// records where each *selected* field lies. Unselected fields are skipped:
/// nothing is copied or allocated for them. If the row is cut by the end of the
/// window before the file ends, the scan reports `.needMore` and the caller
/// rescans the row from its start once more bytes are in (only the row that
/// straddles a chunk boundary is scanned twice).
///
/// The inner loops rely on the window's line feed sentinel (`storage[end]`):
/// they test eight bytes at a time for the bytes of interest (SWAR, see
/// `hasByte`), jump to the first one, and only then check whether the stop
/// was the sentinel. Words may be read up to 7 bytes past the sentinel;
/// `CSVByteSource` allocates and zeroes that padding.
struct CSVScanner {
    let path: String
    let delimiter: UInt8
    let quote: UInt8
    /// Header names for error messages (empty while the header is read).
    let header: [String]

    init(path: String, delimiter: UInt8, quote: UInt8, header: [String]) {
        self.path = path
        self.delimiter = delimiter
        self.quote = quote
        self.header = header
    }

    func error(line: Int?, field: Int?, _ message: String) -> CSVError {
        var name: String?
        if let field, field < header.count { name = header[field] }
        return CSVError(file: path, line: line, column: field.map { $0 + 1 }, columnName: name, message: message)
    }

    /// ``error(line:field:_:)`` with a typed reason.
    func error(line: Int?, field: Int?, _ problem: InputProblem) -> CSVError {
        var name: String?
        if let field, field < header.count { name = header[field] }
        return CSVError(file: path, line: line, column: field.map { $0 + 1 }, columnName: name, problem: problem)
    }

    /// Scans the row starting at `buffer[begin]`.
    ///
    /// - Parameters:
    ///   - buffer: the window; `buffer[end]` must be a line feed sentinel,
    ///     followed by 7 readable bytes.
    ///   - eof: whether `end` is the end of the file (the last row may then end
    ///     without a newline).
    ///   - line: physical line of `buffer[begin]`.
    ///   - slotOfField: for field `k < slotCount`, the index in `slots` to fill,
    ///     or -1 to skip the field.
    ///   - scratch: room for un-escaped quoted fields (at least `end - begin`).
    @inline(__always)
    func scanRecord(
        _ buffer: UnsafePointer<UInt8>, begin: Int, end: Int, eof: Bool, line startLine: Int,
        slotOfField: UnsafePointer<Int32>, slotCount: Int,
        slots: UnsafeMutablePointer<CSVFieldSlot>, scratch: UnsafeMutablePointer<UInt8>) throws(CSVError) -> CSVRecordScan {
        let delimiter = self.delimiter
        let quote = self.quote
        let delimiterMask = UInt64(delimiter) &* Self.ones
        let quoteMask = UInt64(quote) &* Self.ones
        var line = startLine
        var field = 0
        var p = begin
        var scratchUsed = 0

        while true {
            let slot = field < slotCount ? Int(slotOfField[field]) : -1
            if p < end && buffer[p] == quote {
                // Quoted field: runs to the next quote that is not doubled.
                let openLine = line
                let contentStart = p + 1
                var q = contentStart
                var hasDoubledQuotes = false
                while true {
                    while true {  // to the next quote or LF
                        let word = Self.load(buffer + q)
                        let hits = Self.hasByte(word, Self.lineFeedMask) | Self.hasByte(word, quoteMask)
                        if hits != 0 {
                            q &+= hits.trailingZeroBitCount &>> 3
                            break
                        }
                        q &+= 8
                    }
                    if q >= end {  // hit the sentinel
                        if eof {
                            throw error(line: openLine, field: field,
                                        InputProblem.unclosedQuote(line: openLine, quote: csvDescribeByte(quote)))
                        }
                        return .needMore(openQuoteLine: openLine)
                    }
                    if buffer[q] == lineFeed {
                        line += 1
                        q += 1
                        continue
                    }
                    // A quote: closing, or the first half of a doubled quote.
                    if q + 1 >= end && !eof { return .needMore(openQuoteLine: openLine) }
                    if q + 1 < end && buffer[q + 1] == quote {
                        hasDoubledQuotes = true
                        q += 2
                        continue
                    }
                    break
                }
                let contentEnd = q
                if slot >= 0 {
                    if hasDoubledQuotes {
                        let out = scratch + scratchUsed
                        var n = 0
                        var i = contentStart
                        while i < contentEnd {
                            out[n] = buffer[i]
                            n += 1
                            i += buffer[i] == quote ? 2 : 1
                        }
                        slots[slot] = CSVFieldSlot(start: UnsafePointer(out), count: n, line: openLine)
                        scratchUsed += n
                    } else {
                        slots[slot] = CSVFieldSlot(start: buffer + contentStart, count: contentEnd - contentStart, line: openLine)
                    }
                }
                q = contentEnd + 1
                if q >= end {  // eof is true here, otherwise we returned .needMore above
                    return .complete(next: q, fieldCount: field + 1, nextLine: line)
                }
                let c = buffer[q]
                if c == delimiter {
                    p = q + 1
                    field += 1
                    continue
                }
                if c == lineFeed {
                    return .complete(next: q + 1, fieldCount: field + 1, nextLine: line + 1)
                }
                if c == carriageReturn {
                    return try endOfLineAtCarriageReturn(buffer, q, end: end, eof: eof, line: line, field: field)
                }
                throw error(line: line, field: field,
                            "expected \(csvDescribeByte(delimiter)) or end of line after the closing quote, found \(csvDescribeByte(c))")
            } else {
                // Unquoted field: runs to the delimiter or end of line.
                var q = p
                // Eight bytes at a time: stop at the first delimiter, LF, CR or quote.
                while true {
                    let word = Self.load(buffer + q)
                    let hits = Self.hasByte(word, delimiterMask) | Self.hasByte(word, Self.lineFeedMask)
                        | Self.hasByte(word, Self.carriageReturnMask) | Self.hasByte(word, quoteMask)
                    if hits != 0 {
                        q &+= hits.trailingZeroBitCount &>> 3
                        break
                    }
                    q &+= 8
                }
                if q >= end {  // hit the sentinel
                    if !eof { return .needMore(openQuoteLine: nil) }
                    if slot >= 0 { slots[slot] = CSVFieldSlot(start: buffer + p, count: q - p, line: line) }
                    return .complete(next: q, fieldCount: field + 1, nextLine: line)
                }
                let c = buffer[q]
                if c == delimiter {
                    if slot >= 0 { slots[slot] = CSVFieldSlot(start: buffer + p, count: q - p, line: line) }
                    p = q + 1
                    field += 1
                    continue
                }
                if c == lineFeed {
                    if slot >= 0 { slots[slot] = CSVFieldSlot(start: buffer + p, count: q - p, line: line) }
                    return .complete(next: q + 1, fieldCount: field + 1, nextLine: line + 1)
                }
                if c == carriageReturn {
                    let result = try endOfLineAtCarriageReturn(buffer, q, end: end, eof: eof, line: line, field: field)
                    if case .complete = result, slot >= 0 {
                        slots[slot] = CSVFieldSlot(start: buffer + p, count: q - p, line: line)
                    }
                    return result
                }
                // c == quote
                throw error(line: line, field: field,
                            InputProblem.unexpectedQuote(quote: csvDescribeByte(quote)))
            }
        }
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let lineFeedMask = UInt64(lineFeed) &* ones
    private static let carriageReturnMask = UInt64(carriageReturn) &* ones

    /// Eight bytes, the first one in the lowest bits whatever the platform.
    @inline(__always)
    private static func load(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// For each byte of `word` equal to the byte repeated in `mask`, sets that
    /// byte's high bit (the classic "has zero byte" test applied to
    /// `word ^ mask`). The test can also flag a byte *above* a true match
    /// (borrow propagation) but never below one, so the lowest set bit, and
    /// hence `trailingZeroBitCount / 8`, is exactly the first match.
    @inline(__always)
    private static func hasByte(_ word: UInt64, _ mask: UInt64) -> UInt64 {
        let x = word ^ mask
        return (x &- ones) & ~x & 0x8080_8080_8080_8080
    }

    /// A carriage return ends a row only as part of CRLF (or as the very last
    /// byte of the file). A lone CR (classic Mac line ending) is rejected
    /// rather than silently merged into a field.
    @inline(__always)
    private func endOfLineAtCarriageReturn(
        _ buffer: UnsafePointer<UInt8>, _ q: Int, end: Int, eof: Bool, line: Int, field: Int
    ) throws(CSVError) -> CSVRecordScan {
        if q + 1 >= end {
            if !eof { return .needMore(openQuoteLine: nil) }
            return .complete(next: q + 1, fieldCount: field + 1, nextLine: line + 1)
        }
        if buffer[q + 1] == lineFeed {
            return .complete(next: q + 2, fieldCount: field + 1, nextLine: line + 1)
        }
        throw error(line: line, field: field,
                    "carriage return not followed by a line feed (only LF and CRLF line endings are supported; quote the field if the CR is data)")
    }
}
