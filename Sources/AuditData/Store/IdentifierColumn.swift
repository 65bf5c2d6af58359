/// An identifier column (`ColumnStore.identifiers`, a grid's applicant ids): each row's value
/// as written, all values' UTF-8 bytes one after the other in one buffer, and where each
/// value ends. About `length + 4` bytes per row, where an array of `String` takes 16 bytes
/// per row plus, for a value longer than 15 bytes, an allocation of its own (32–64 bytes):
/// at 10 million ids of 16–20 bytes, about 240 MB instead of 600.
///
/// A collection of `String`, indexed by row (`ids[r]` makes the row's `String`); the
/// comparisons the analyses make in bulk read the bytes without making strings
/// (`precedes(_:_:)`, `firstRepetition()`). Two columns are equal when they hold the same
/// values, row by row.
public struct IdentifierColumn: Sendable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// Every value's UTF-8 bytes, in row order.
    let bytes: [UInt8]
    /// Where each value ends in `bytes`: row `r`'s value is `bytes[ends[r − 1] ..< ends[r]]`
    /// (`ends[−1]` read as 0).
    let ends: [UInt32]
    /// Whether every value is ASCII: then two values are equal, or ordered, as `String`s
    /// (Unicode canonical equivalence, scalar order) exactly as their bytes are.
    public let isASCII: Bool

    /// The most bytes a column may hold (its ends are 4-byte offsets).
    public static let maxBytes = Int(UInt32.max)

    /// A column of `bytes` and `ends` (non-decreasing, the last `bytes.count`).
    init(bytes: [UInt8], ends: [UInt32], isASCII: Bool) {
        precondition(ends.last.map { Int($0) == bytes.count } ?? bytes.isEmpty, "the last end is the number of bytes")
        self.bytes = bytes
        self.ends = ends
        self.isASCII = isASCII
    }

    /// The column of `values` (at most `maxBytes` bytes in all, checked).
    public init(_ values: [String]) {
        var bytes: [UInt8] = []
        var ends: [UInt32] = []
        ends.reserveCapacity(values.count)
        for value in values {
            bytes += value.utf8
            ends.append(UInt32(bytes.count))
        }
        self.init(bytes: bytes, ends: ends, isASCII: !bytes.contains { $0 >= 0x80 })
    }

    public init(arrayLiteral values: String...) {
        self.init(values)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    /// The bytes of row `row`'s value.
    @inline(__always)
    func range(_ row: Int) -> Range<Int> {
        (row == 0 ? 0 : Int(ends[row - 1]))..<Int(ends[row])
    }

    /// Row `row`'s value.
    public subscript(row: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range(row)]), as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of row `row`'s value, valid for the call.
    public func withUTF8<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range(row)])) }
    }

    /// Whether row `a`'s value comes before row `b`'s in `String` order (`<`): for ASCII
    /// values, the bytes compared in order, a prefix first; otherwise the two `String`s.
    public func precedes(_ a: Int, _ b: Int) -> Bool {
        guard isASCII else { return self[a] < self[b] }
        return bytes.withUnsafeBytes { all in
            ends.withUnsafeBufferPointer { ends in Self.asciiPrecedes(a, b, all.baseAddress!, ends) }
        }
    }

    /// The rows in the order of their values (`String` order, `precedes(_:_:)`), as
    /// `indices.sorted { precedes($0, $1) }` gives them (the sort is stable: equal values in
    /// row order), as 4-byte row indices (40 MB at 10 million rows, not 80).
    public func rowsInOrder() -> [Int32] {
        precondition(count <= Int(Int32.max), "at most 2^31 − 1 rows")
        var rows = (0..<Int32(count)).map { $0 }
        guard isASCII, !isEmpty else {
            rows.sort { self[Int($0)] < self[Int($1)] }
            return rows
        }
        bytes.withUnsafeBytes { all in
            ends.withUnsafeBufferPointer { ends in
                let base = all.baseAddress!
                rows.sort { Self.asciiPrecedes(Int($0), Int($1), base, ends) }
            }
        }
        return rows
    }

    /// Byte order of rows `a` and `b` (ASCII): 8 bytes at a time as big-endian words, then
    /// byte by byte; a prefix first.
    @inline(__always)
    static func asciiPrecedes(_ a: Int, _ b: Int, _ base: UnsafeRawPointer, _ ends: UnsafeBufferPointer<UInt32>) -> Bool {
        var i = a == 0 ? 0 : Int(ends[a &- 1]), j = b == 0 ? 0 : Int(ends[b &- 1])
        let endA = Int(ends[a]), endB = Int(ends[b])
        while endA &- i >= 8 && endB &- j >= 8 {
            let x = base.loadUnaligned(fromByteOffset: i, as: UInt64.self).bigEndian
            let y = base.loadUnaligned(fromByteOffset: j, as: UInt64.self).bigEndian
            if x != y { return x < y }
            i &+= 8
            j &+= 8
        }
        while i < endA && j < endB {
            let x = base.load(fromByteOffset: i, as: UInt8.self), y = base.load(fromByteOffset: j, as: UInt8.self)
            if x != y { return x < y }
            i &+= 1
            j &+= 1
        }
        return endA &- i < endB &- j
    }

    /// Whether rows `a` and `b` hold the same value (`String` equality).
    public func same(_ a: Int, _ b: Int) -> Bool {
        guard isASCII else { return self[a] == self[b] }
        let ra = range(a), rb = range(b)
        return ra.count == rb.count && bytes.withUnsafeBufferPointer { all in
            all[ra].elementsEqual(all[rb])
        }
    }
}
