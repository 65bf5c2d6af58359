#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Interns the byte values of a categorical column into dense `UInt32` codes
/// in order of first appearance, without allocating a `String` per row.
///
/// Distinct values are stored once, back to back, in a byte arena; an
/// open-addressing hash table (linear probing, load factor at most 1/2) maps
/// a value's bytes to its code. Only the first occurrence of a value allocates
/// (its `String` for `levels`), so a column of 10M rows with a handful of
/// levels costs a hash and a `memcmp` per row.
///
/// Values are compared byte for byte: `"Male"` and `"male "` are different
/// levels. Missing values are the caller's business (check
/// `CSVRow.isMissing` first).
package struct CategoricalEncoder {
    private var arena: [UInt8] = []
    /// Level `k` is `arena[offsets[k] ..< offsets[k + 1]]`.
    private var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Code + 1 of the level in each bucket; 0 marks an empty bucket.
    private var table: [UInt32] = [UInt32](repeating: 0, count: 16)
    private var levelStrings: [String] = []
    /// The last value coded, when at most 8 bytes long: its length (−1: none), its bytes
    /// as one word (zero-padded) and its code. Columns of few short values (oui/non, a
    /// typology) often repeat the row before's value: one comparison instead of a hash
    /// and a probe. Codes never change, so the remembered code stays right.
    private var lastLength = -1
    private var lastWord: UInt64 = 0
    private var lastCode: UInt32 = 0

    package init() {}

    /// Distinct values in order of first appearance; `levels[code]` is the
    /// value of `code`. Invalid UTF-8 (only possible through `code(for:)`) is
    /// shown with U+FFFD.
    package var levels: [String] { levelStrings }

    /// Number of distinct values seen.
    package var count: Int { levelStrings.count }

    /// The code of `bytes`, adding it as a new level if never seen.
    /// Invalid UTF-8 is accepted (the level's `String` repairs it with
    /// U+FFFD); use `code(for:_:)` to reject it with a located error.
    package mutating func code(for bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let hash = Self.hash(bytes)
        if let code = find(bytes, hash: hash) { return code }
        return insert(bytes, hash: hash, string: String(decoding: bytes, as: UTF8.self))
    }

    /// The code of field `i` of `row`, adding it as a new level if never seen.
    /// A new level is checked once (not on every row) to be valid UTF-8 text without a
    /// NUL byte (``CSVRow/validatedString(_:)``).
    ///
    /// - Throws: `CSVError` at the field if a new level is not valid UTF-8 or holds a NUL.
    package mutating func code(for row: CSVRow, _ i: Int) throws(CSVError) -> UInt32 {
        let bytes = row.bytes(i)
        let short = bytes.count <= 8
        let word = short ? Self.word(bytes) : 0
        if short, bytes.count == lastLength, word == lastWord { return lastCode }
        let hash = Self.hash(bytes)
        let code: UInt32
        if let known = find(bytes, hash: hash) {
            code = known
        } else {
            code = insert(bytes, hash: hash, string: try row.validatedString(i))
        }
        if short {
            lastLength = bytes.count
            lastWord = word
            lastCode = code
        }
        return code
    }

    /// The bytes of a value of at most 8 bytes as one word, zero-padded: two values of the
    /// same length are equal exactly when their words are.
    @inline(__always)
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var word: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            word |= UInt64(byte) << shift
            shift &+= 8
        }
        return word
    }

    /// Adds the levels of `other` (an encoder of the rows that follow, read by another
    /// thread), in their order of first appearance there: those not known here get the next
    /// codes, so merging the encoders of consecutive segments in file order gives the codes
    /// one encoder reading the whole file would give. Returns the code here of each of
    /// `other`'s codes.
    package mutating func merge(_ other: CategoricalEncoder) -> [UInt32] {
        var remap: [UInt32] = []
        remap.reserveCapacity(other.count)
        other.arena.withUnsafeBufferPointer { arena in
            for k in 0..<other.count {
                let bytes = UnsafeBufferPointer(rebasing: arena[other.offsets[k]..<other.offsets[k + 1]])
                let hash = other.hashes[k]
                remap.append(find(bytes, hash: hash) ?? insert(bytes, hash: hash, string: other.levelStrings[k]))
            }
        }
        return remap
    }

    @inline(__always)
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt32? {
        let mask = table.count - 1
        var bucket = Int(truncatingIfNeeded: hash) & mask
        return table.withUnsafeBufferPointer { table in
            arena.withUnsafeBufferPointer { arena in
                offsets.withUnsafeBufferPointer { offsets in
                    hashes.withUnsafeBufferPointer { hashes in
                        while true {
                            let entry = table[bucket]
                            if entry == 0 { return nil }
                            let code = Int(entry &- 1)
                            let start = offsets[code], length = offsets[code &+ 1] &- start
                            if length == bytes.count && hashes[code] == hash
                                && Self.equal(arena.baseAddress.map { $0 + start }, bytes.baseAddress, length) {
                                return UInt32(truncatingIfNeeded: code)
                            }
                            bucket = (bucket &+ 1) & mask
                        }
                    }
                }
            }
        }
    }

    /// Byte equality; short values (the usual case) are compared inline.
    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>?, _ length: Int) -> Bool {
        guard length > 0, let a, let b else { return true }
        if length > 16 { return memcmp(a, b, length) == 0 }
        var i = 0
        while i < length {
            if a[i] != b[i] { return false }
            i &+= 1
        }
        return true
    }

    private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, string: String) -> UInt32 {
        precondition(levelStrings.count < Int(UInt32.max), "too many categorical levels")
        let code = levelStrings.count
        arena.append(contentsOf: bytes)
        offsets.append(arena.count)
        hashes.append(hash)
        levelStrings.append(string)
        if (code + 1) * 2 > table.count {
            var grown = [UInt32](repeating: 0, count: table.count * 2)
            for k in 0..<code { Self.place(UInt32(k + 1), hash: hashes[k], in: &grown) }
            table = grown
        }
        Self.place(UInt32(code + 1), hash: hash, in: &table)
        return UInt32(code)
    }

    private static func place(_ entry: UInt32, hash: UInt64, in table: inout [UInt32]) {
        let mask = table.count - 1
        var bucket = Int(truncatingIfNeeded: hash) & mask
        while table[bucket] != 0 { bucket = (bucket + 1) & mask }
        table[bucket] = entry
    }

    /// A fast 64-bit hash: 8-byte words mixed with multiply/xor-shift steps,
    /// finished with the SplitMix64 finaliser.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return finalize(h) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < n {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                word |= UInt64(base[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ word) &* 0x94D0_49BB_1331_11EB
        }
        return finalize(h)
    }

    @inline(__always)
    private static func finalize(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
