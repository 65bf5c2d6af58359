#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a segment's scan stopped: at `stop`, the file offset of the first row (or empty
/// line) at or after the segment's end, having crossed `lines` physical lines from its start.
struct CSVSegmentScan: Sendable, Equatable {
    let stop: Int
    let lines: Int
}

/// Reading the data rows in segments, one per thread: a regular file's rows split at byte
/// offsets, each segment read through its own window with `pread(2)` on the one descriptor.
extension CSVReader {
    /// File offset just past the last byte of a regular file (its size), or `nil` for a pipe
    /// (read once, in one pass, from one thread).
    var regularFileEnd: Int? {
        var info = stat()
        guard fstat(file.descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// `count` segment starts in `[dataOffset, fileEnd]`, ascending, the first `dataOffset`:
    /// start `j` is just past the first line feed at or after `dataOffset + j × size / count − 1`
    /// (`fileEnd` if none), so a segment starts at the beginning of a line.
    ///
    /// The start is a guess: a line feed inside a quoted field is not the end of a row. The
    /// rows tell: a segment whose start is a true row boundary is the place where the scan of
    /// the segment before stopped (`CSVSegmentScan.stop`); one that is not is read again from
    /// there (`SegmentedLoad`).
    func segmentStarts(count: Int, fileEnd: Int) throws(CSVError) -> [Int] {
        var starts = [dataOffset]
        let size = fileEnd - dataOffset
        let piece = 1 << 16
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: piece)
        defer { buffer.deallocate() }
        for j in 1..<max(count, 1) {
            var position = max(dataOffset + j * size / count - 1, starts[starts.count - 1])
            var found = fileEnd
            search: while position < fileEnd {
                var got: Int
                repeat {
                    got = pread(file.descriptor, buffer, min(piece, fileEnd - position), off_t(position))
                } while got < 0 && errno == EINTR
                if got < 0 {
                    throw CSVError(file: path, line: nil, column: nil, columnName: nil,
                                   problem: .sentence(.csvReadError, arguments: ["reason": "\(String(cString: strerror(errno)))"]))
                }
                if got == 0 { break }
                for i in 0..<got where buffer[i] == UInt8(ascii: "\n") {
                    found = position + i + 1
                    break search
                }
                position += got
            }
            starts.append(max(found, starts[starts.count - 1]))
        }
        return starts
    }

    /// Streams the data rows that start in `[start, end)` — a segment — in order, `start`
    /// being the beginning of a line. Lines are counted from 0 at `start` (`CSVRow.line` and
    /// every error are relative to the segment); the caller adds the segment's first line.
    ///
    /// Unlike `forEachRow(selecting:_:)`, this reads with its own window and changes nothing
    /// in the reader: several segments of one reader may be read at once on several threads.
    /// Each row or empty line starting before `end` is read whole, even past `end`.
    func forEachRow(selecting columns: [Int], from start: Int, to end: Int,
                    _ body: (CSVRow) throws -> Void) throws -> CSVSegmentScan {
        let (slotOfField, copies) = try slotMap(selecting: columns)
        let context = CSVRowContext(path: path, header: header, columns: columns,
                                    decimalComma: dialect.decimalComma, missingPatterns: missingPatterns)
        let slots = UnsafeMutablePointer<CSVFieldSlot>.allocate(capacity: max(columns.count, 1))
        slots.initialize(repeating: CSVFieldSlot(start: nil, count: 0, line: 0), count: max(columns.count, 1))
        defer { slots.deallocate() }
        var source = try CSVByteSource(file: file, startOffset: start, chunkSize: chunkSize, maxRowBytes: maxRowBytes,
                                       positional: true, softEnd: end)
        var line = 0
        let expected = header.count
        let scanner = self.scanner
        return try slotOfField.withUnsafeBufferPointer { slotOfField in
            let slotMap = slotOfField.baseAddress!
            while true {
                let offset = source.fileOffset(of: source.begin)
                if offset >= end { return CSVSegmentScan(stop: offset, lines: line) }
                if source.begin == source.end {
                    if source.eof { return CSVSegmentScan(stop: offset, lines: line) }
                    try source.refill(line: line, openQuoteLine: nil)
                    continue
                }
                // One empty line at a time, so that every line start is a place to stop.
                let first = source.storage[source.begin]
                if first == UInt8(ascii: "\n") {
                    source.begin += 1
                    line += 1
                    continue
                }
                if first == UInt8(ascii: "\r") {
                    if source.begin + 1 == source.end && !source.eof {
                        try source.refill(line: line, openQuoteLine: nil)
                        continue
                    }
                    if source.begin + 1 < source.end && source.storage[source.begin + 1] == UInt8(ascii: "\n") {
                        source.begin += 2
                        line += 1
                        continue
                    }
                    // A lone CR: the scanner reports it.
                }
                let result = try scanner.scanRecord(
                    source.storage, begin: source.begin, end: source.end, eof: source.eof, line: line,
                    slotOfField: slotMap, slotCount: expected, slots: slots, scratch: source.scratch)
                switch result {
                case .needMore(let openQuoteLine):
                    try source.refill(line: line, openQuoteLine: openQuoteLine)
                case .complete(let next, let fieldCount, let nextLine):
                    if fieldCount != expected {
                        let column = fieldCount < expected ? fieldCount : expected
                        throw CSVError(file: path, line: line, column: column + 1,
                                       columnName: column < expected ? header[column] : nil,
                                       problem: .sentence(.csvFieldCount, arguments: ["expected": "\(expected)", "found": "\(fieldCount)"]))
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
