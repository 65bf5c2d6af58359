/// Reads one identifier column during the load: each row's value as written; after the
/// load, a value given twice is an error naming both lines.
struct IdentifierBuilder {
    let name: String
    let slot: Int
    /// The values read, one array per segment (merged segments: in file order).
    private var parts: [[String]] = [[]]
    /// Whether every value is ASCII: then two values are equal as `String`s (Unicode
    /// canonical equivalence) exactly when their bytes are.
    private(set) var allASCII = true

    init(name: String, slot: Int) {
        self.name = name
        self.slot = slot
    }

    mutating func read(_ row: CSVRow) throws(CSVError) {
        let value = try row.validatedString(slot)
        if allASCII {
            var high: UInt8 = 0
            for byte in row.bytes(slot) { high |= byte }
            if high >= 0x80 { allASCII = false }
        }
        parts[parts.count - 1].append(value)
    }

    /// Appends the rows `other` read (the segment that follows, read by another thread).
    mutating func append(_ other: IdentifierBuilder) {
        parts += other.parts
        allASCII = allASCII && other.allASCII
    }

    /// The column, in one array; the builder's segments are released as they are copied.
    mutating func takeValues() -> [String] {
        if parts.count == 1 { return parts.removeLast() }
        var result: [String] = []
        result.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for k in parts.indices {
            result.append(contentsOf: parts[k])
            parts[k] = []
        }
        parts = [[]]
        return result
    }

    /// The first repetition in file order among `values` (this column, taken): the row where
    /// a value already seen appears again, and the row where it was first seen.
    ///
    /// ASCII values: one pass in file order through a hash table of the rows seen
    /// (`CategoricalEncoder.hash` of the bytes, linear probing, values compared only when
    /// the upper halves of their hashes are equal): the first row whose value
    /// is in the table is the first repetition, and the table holds that value's first row.
    /// Otherwise rows sorted by value (`String` order and equality), as `sortedRepetition`.
    func firstRepetition(_ values: [String]) -> (first: Int, second: Int)? {
        guard allASCII, values.count < Int(Int32.max) / 2 else { return Self.sortedRepetition(values) }
        var size = 16
        while size < 2 * values.count { size <<= 1 }
        let mask = size - 1
        // Each bucket: the upper half of the value's hash, then its first row + 1 (0: empty);
        // values are compared only when the halves are equal.
        var table = [UInt64](repeating: 0, count: size)
        for r in values.indices {
            var value = values[r]
            let hash = value.withUTF8 { CategoricalEncoder.hash($0) }
            let tag = hash & 0xFFFF_FFFF_0000_0000
            var bucket = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = table[bucket]
                if entry == 0 {
                    table[bucket] = tag | UInt64(r + 1)
                    break
                }
                if entry & 0xFFFF_FFFF_0000_0000 == tag {
                    let seen = Int(entry & 0xFFFF_FFFF) - 1
                    if values[seen] == value { return (seen, r) }
                }
                bucket = (bucket &+ 1) & mask
            }
        }
        return nil
    }

    /// The first repetition found by sorting: rows by value, then position; within each run
    /// of equal values, the second row is that value's first repetition; the earliest of
    /// those is the first in file order.
    static func sortedRepetition(_ values: [String]) -> (first: Int, second: Int)? {
        let order = values.indices.sorted { values[$0] != values[$1] ? values[$0] < values[$1] : $0 < $1 }
        var best: (first: Int, second: Int)?
        var i = 0
        while i < order.count {
            var j = i + 1
            while j < order.count && values[order[j]] == values[order[i]] { j += 1 }
            if j - i > 1, best.map({ order[i + 1] < $0.second }) ?? true { best = (order[i], order[i + 1]) }
            i = j
        }
        return best
    }
}
