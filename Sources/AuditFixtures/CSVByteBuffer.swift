import Foundation

/// An append-only byte buffer that flushes itself to a `FileHandle` whenever
/// it grows past `flushThreshold` bytes.
///
/// The storage is a single raw allocation owned by this non-copyable value,
/// so appending never triggers reference counting, uniqueness checks or
/// reallocation; memory stays flat at ≈ 1 MiB whatever the row count.
/// All number formatting is done here with integer arithmetic, so output is
/// byte-for-byte deterministic and independent of locale or `String(format:)`.
struct CSVByteBuffer: ~Copyable {
    /// Flush once the buffer holds at least this many bytes (1 MiB).
    static let flushThreshold = 1 << 20
    /// Headroom above the threshold; one CSV row must fit in it.
    static let slack = 1 << 16

    private let base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private let handle: FileHandle

    init(handle: FileHandle) {
        self.handle = handle
        self.base = .allocate(capacity: CSVByteBuffer.flushThreshold + CSVByteBuffer.slack)
    }

    deinit {
        base.deallocate()
    }

    /// Appends the UTF-8 bytes of a static string literal.
    @inline(__always)
    mutating func append(_ literal: StaticString) {
        let n = literal.utf8CodeUnitCount
        (base + count).update(from: literal.utf8Start, count: n)
        count += n
    }

    /// Appends bytes (used for the header only; must fit in `slack`).
    mutating func append(bytes: [UInt8]) {
        precondition(count + bytes.count <= CSVByteBuffer.flushThreshold + CSVByteBuffer.slack)
        for b in bytes {
            base[count] = b
            count += 1
        }
    }

    @inline(__always)
    mutating func append(byte: UInt8) {
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func comma() { append(byte: UInt8(ascii: ",")) }

    @inline(__always)
    mutating func newline() { append(byte: UInt8(ascii: "\n")) }

    /// `"1"` or `"0"`.
    @inline(__always)
    mutating func append(flag: Bool) { append(byte: flag ? UInt8(ascii: "1") : UInt8(ascii: "0")) }

    /// `"oui"` or `"non"`.
    @inline(__always)
    mutating func append(ouiNon: Bool) { append(ouiNon ? "oui" : "non") }

    /// Appends a signed integer in base 10.
    @inline(__always)
    mutating func append(int value: Int) {
        if value < 0 {
            append(byte: UInt8(ascii: "-"))
            append(unsigned: UInt64(-value), minDigits: 1)
        } else {
            append(unsigned: UInt64(value), minDigits: 1)
        }
    }

    /// Appends `value` in base 10, left-padded with zeros to `minDigits` (≤ 20).
    @inline(__always)
    mutating func append(unsigned value: UInt64, minDigits: Int) {
        var digits = 1
        var probe = value
        while probe >= 10 { probe /= 10; digits += 1 }
        let width = max(digits, minDigits)
        var p = base + count + width
        var v = value
        for _ in 0..<width {
            p -= 1
            p.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10)
            v /= 10
        }
        count += width
    }

    /// Appends a non-negative fixed-point decimal `scaled / 10^decimals`,
    /// e.g. `(123456, 2)` → `1234.56`, `(5, 3)` → `0.005`.
    @inline(__always)
    mutating func append(fixed scaled: Int, decimals: Int) {
        var divisor = 1
        for _ in 0..<decimals { divisor *= 10 }
        append(unsigned: UInt64(scaled / divisor), minDigits: 1)
        append(byte: UInt8(ascii: "."))
        append(unsigned: UInt64(scaled % divisor), minDigits: decimals)
    }

    /// Writes the buffer out if it has reached the flush threshold.
    @inline(__always)
    mutating func flushIfNeeded() throws {
        if count >= CSVByteBuffer.flushThreshold {
            try flush()
        }
    }

    /// Writes any buffered bytes to the handle and empties the buffer.
    mutating func flush() throws {
        guard count > 0 else { return }
        let data = Data(bytesNoCopy: base, count: count, deallocator: .none)
        count = 0
        try handle.write(contentsOf: data)
    }
}
