#if !_endian(little)
#error("GroupCodes reads a narrow code as the low bytes of a 4-byte load: a little-endian machine is assumed")
#endif

/// The code of each row of a coded column (`GroupColumn.codes`), stored at the narrowest
/// width its number of groups allows: 1 byte per row for at most 256 groups (a protected
/// attribute, most categories), 2 bytes for at most 65,536, 4 bytes beyond (a category with
/// hundreds of thousands of distinct values). The codes are those a `[UInt32]` would hold;
/// only the memory differs: at 10 million rows a column of 6 groups takes 10 MB instead of 40.
///
/// **How a code is read.** The codes lie in one byte buffer, row `r`'s at byte `r·w`
/// (`w` = 1, 2 or 4 bytes, `width`), followed by 3 bytes of padding; reading a code is one
/// unaligned 4-byte load at `r·w` masked to `w` bytes (`mask`), the same instructions
/// whatever the width, without a branch (`subscript`). Hot loops take the buffer, the shift
/// (`log2 w`) and the mask once (`withRawCodes`) and read each code the same way.
///
/// A collection of `UInt32`, indexed by row: `codes[r]`, `codes.count`,
/// `codes.firstIndex(of:)` read as on an array. Two code columns are equal when they hold the
/// same codes, whatever their widths.
public struct GroupCodes: Sendable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// The codes, `count << shift` bytes, then 3 bytes of padding (zero).
    @usableFromInline let bytes: [UInt8]
    /// Number of rows.
    public let count: Int
    /// `log2` of the bytes per code: 0, 1 or 2.
    @usableFromInline let shift: Int
    /// The low `1 << shift` bytes set: `0xFF`, `0xFFFF` or `0xFFFF_FFFF`.
    @usableFromInline let mask: UInt32

    /// Bytes of padding after the last code, so that the last code is read by a 4-byte load.
    static let padding = 3

    /// The shift (`log2` of the bytes per code) for codes `0 ..< groupCount`: the narrowest
    /// of 1, 2, 4 bytes that holds `groupCount − 1`.
    public static func shift(forGroups groupCount: Int) -> Int {
        groupCount <= 1 << 8 ? 0 : groupCount <= 1 << 16 ? 1 : 2
    }

    /// Bytes per code: 1, 2 or 4.
    public var width: Int { 1 << shift }

    /// The codes of `count` rows at `1 << shift` bytes each, written by `write` into a raw
    /// buffer of `count << shift` bytes (code `r` at byte offset `r << shift`, stored with
    /// `storeBytes(of:toByteOffset:as:)` as `UInt8`, `UInt16` or `UInt32`). Every byte
    /// must be written. The builders write the narrow codes directly, without a 4-byte copy.
    public init(count: Int, shift: Int, _ write: (UnsafeMutableRawBufferPointer) -> Void) {
        precondition((0...2).contains(shift) && count >= 0, "a shift of 0, 1 or 2 and a count ≥ 0")
        let size = count << shift
        bytes = [UInt8](unsafeUninitializedCapacity: size + Self.padding) { buffer, initialized in
            write(UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[0..<size]))
            for i in size..<(size + Self.padding) { buffer[i] = 0 }
            initialized = size + Self.padding
        }
        self.count = count
        self.shift = shift
        mask = shift == 2 ? UInt32.max : (1 << (8 << shift)) - 1
    }

    /// The codes of `values` mapped by `transform`, at the width for `groupCount` groups;
    /// every code must be below `groupCount` (checked).
    public init<Source: Collection>(_ values: Source, groupCount: Int, _ transform: (Source.Element) -> UInt32) {
        let limit = UInt32(clamping: Swift.max(groupCount, 0))
        func fill<Code: FixedWidthInteger & UnsignedInteger>(_ raw: UnsafeMutableRawBufferPointer, _: Code.Type) {
            var i = 0
            for value in values {
                let code = transform(value)
                precondition(code < limit || groupCount > Int(UInt32.max), "a code below the number of groups")
                raw.storeBytes(of: Code(truncatingIfNeeded: code), toByteOffset: i &* MemoryLayout<Code>.size, as: Code.self)
                i += 1
            }
        }
        let shift = Self.shift(forGroups: groupCount)
        self.init(count: values.count, shift: shift) { raw in
            switch shift {
            case 0: fill(raw, UInt8.self)
            case 1: fill(raw, UInt16.self)
            default: fill(raw, UInt32.self)
            }
        }
    }

    /// `codes` at the width for `groupCount` groups (every code below `groupCount`, checked).
    public init(_ codes: [UInt32], groupCount: Int) {
        self.init(codes, groupCount: groupCount) { $0 }
    }

    /// Codes written as a literal, at the width their largest code needs.
    public init(arrayLiteral codes: UInt32...) {
        self.init(codes, groupCount: Int(codes.max() ?? 0) + 1)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// The code of row `row`: one 4-byte load at `row << shift`, masked.
    @inlinable @inline(__always)
    public subscript(row: Int) -> UInt32 {
        precondition(row >= 0 && row < count, "row out of range")
        return bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: row &<< shift, as: UInt32.self) } & mask
    }

    /// Calls `body` with the codes' bytes, the shift and the mask, valid for the call: row
    /// `r`'s code is `raw.loadUnaligned(fromByteOffset: r << shift, as: UInt32.self) & mask`
    /// for `r` in `0 ..< count` (the buffer holds the 3 bytes of padding this load may read
    /// past the last code). For loops that read many codes without bounds checks.
    @inlinable
    public func withRawCodes<R>(_ body: (_ raw: UnsafeRawPointer, _ shift: Int, _ mask: UInt32) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { try body($0.baseAddress!, shift, mask) }
    }

    /// Calls `body(row, code)` for each row of `rows`, in order (no bounds check per row).
    @inlinable
    public func forEach(in rows: Range<Int>, _ body: (_ row: Int, _ code: UInt32) throws -> Void) rethrows {
        precondition(rows.lowerBound >= 0 && rows.upperBound <= count, "rows out of range")
        try withRawCodes { raw, shift, mask in
            for r in rows { try body(r, raw.loadUnaligned(fromByteOffset: r &<< shift, as: UInt32.self) & mask) }
        }
    }

    /// Number of rows with each code `0 ..< groupCount` (every code below `groupCount`).
    public func counts(groupCount: Int) -> [Int] {
        var result = [Int](repeating: 0, count: groupCount)
        result.withUnsafeMutableBufferPointer { counts in
            forEach(in: 0..<count) { _, code in counts[Int(code)] += 1 }
        }
        return result
    }

    /// The codes as 4-byte integers (for an interface that takes `[UInt32]`): a copy of
    /// `4 · count` bytes.
    public var widened: [UInt32] {
        [UInt32](unsafeUninitializedCapacity: count) { out, initialized in
            forEach(in: 0..<count) { r, code in out[r] = code }
            initialized = count
        }
    }
}
