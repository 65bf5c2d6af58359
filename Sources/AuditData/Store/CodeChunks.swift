/// The codes of a coded column while it is read (`CategoryBuilder`), at the narrowest width
/// the codes read so far need: 1 byte per row while the column has fewer than 255 distinct
/// values, 2 bytes below 65,535, 4 bytes beyond. A column of a few groups thus takes one
/// byte per row during the load as after it (`GroupCodes`), where 4-byte codes made the
/// load hold 4 bytes per row per column at its peak.
///
/// The largest value of each width (`UInt8.max`, `UInt16.max`, `UInt32.max`) marks a missing
/// value; `code(_:)` reads it back as `UInt32.max`. When a code reaches that value, every
/// chunk read so far is rewritten at the next width, chunk by chunk (so that the tables of
/// `ColumnChunkRemap`, one per chunk, still apply): at most twice per column, and early for a
/// column of many values (the 255th distinct value of a column comes within its first rows).
struct CodeChunks {
    private var bytes = ColumnChunks<UInt8>()
    private var halves = ColumnChunks<UInt16>()
    private var words = ColumnChunks<UInt32>()
    /// `log2` of the bytes per code held now: 0, 1 or 2.
    private(set) var shift = 0

    init() {}

    /// Codes held.
    var count: Int {
        switch shift {
        case 0: bytes.count
        case 1: halves.count
        default: words.count
        }
    }

    /// Chunks held (one table of `ColumnChunkRemap` each).
    var chunkCount: Int {
        switch shift {
        case 0: bytes.chunks.count
        case 1: halves.chunks.count
        default: words.chunks.count
        }
    }

    /// Appends `code` (`UInt32.max`: a missing value), widening first when the width held
    /// cannot tell it from a missing value.
    @inline(__always)
    mutating func append(_ code: UInt32) {
        switch shift {
        case 0 where code < UInt32(UInt8.max) || code == UInt32.max:
            bytes.append(UInt8(truncatingIfNeeded: code))
        case 1 where code < UInt32(UInt16.max) || code == UInt32.max:
            halves.append(UInt16(truncatingIfNeeded: code))
        case 2:
            words.append(code)
        default:
            widen(to: code < UInt32(UInt16.max) ? 1 : 2)
            append(code)
        }
    }

    /// Appends the codes of `other` (the segment that follows), both held at the wider of
    /// the two widths; chunks are moved, not copied, when the widths are the same.
    mutating func append(_ other: CodeChunks) {
        var other = other
        let target = Swift.max(shift, other.shift)
        widen(to: target)
        other.widen(to: target)
        switch target {
        case 0: bytes.append(other.bytes)
        case 1: halves.append(other.halves)
        default: words.append(other.words)
        }
    }

    /// Rewrites every chunk at `newShift` bytes (no change when it is not wider), chunk by chunk.
    mutating func widen(to newShift: Int) {
        guard newShift > shift else { return }
        if shift == 0 {
            if newShift == 1 {
                halves = bytes.mapChunks { $0 == UInt8.max ? UInt16.max : UInt16($0) }
            } else {
                words = bytes.mapChunks { $0 == UInt8.max ? UInt32.max : UInt32($0) }
            }
            bytes.removeAll()
        } else {
            words = halves.mapChunks { $0 == UInt16.max ? UInt32.max : UInt32($0) }
            halves.removeAll()
        }
        shift = newShift
    }

    /// The codes as chunks of `T`, chunk for chunk, `transform(k, code)` applied to each code
    /// of chunk `k` (a missing value passed as `UInt32.max`); these chunks are left as they are.
    func mapCodes<T: BitwiseCopyable>(_ transform: (_ chunk: Int, _ code: UInt32) -> T) -> ColumnChunks<T> {
        switch shift {
        case 0: bytes.mapChunks { k, c in transform(k, c == UInt8.max ? UInt32.max : UInt32(c)) }
        case 1: halves.mapChunks { k, c in transform(k, c == UInt16.max ? UInt32.max : UInt32(c)) }
        default: words.mapChunks(transform)
        }
    }

    /// Writes the codes, `transform(k, code)` applied to each code of chunk `k` (a missing
    /// value passed as `UInt32.max`), one after the other into `out` as `T`
    /// (`ColumnChunks.take(into:as:_:)`); the chunks are released as they are copied.
    mutating func take<T: BitwiseCopyable>(into out: UnsafeMutableRawBufferPointer, as type: T.Type, _ transform: (_ chunk: Int, _ code: UInt32) -> T) {
        switch shift {
        case 0: bytes.take(into: out, as: type) { k, c in transform(k, c == UInt8.max ? UInt32.max : UInt32(c)) }
        case 1: halves.take(into: out, as: type) { k, c in transform(k, c == UInt16.max ? UInt32.max : UInt32(c)) }
        default: words.take(into: out, as: type, transform)
        }
    }
}
