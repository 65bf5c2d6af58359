extension IdentifierColumn {
    /// The first repetition in file order: the row where a value already seen appears
    /// again, and the row where it was first seen; nil when every value is distinct.
    ///
    /// ASCII values: one pass in row order through a hash table of the rows seen
    /// (`CategoricalEncoder.hash` of the bytes, linear probing, values compared only when
    /// the upper halves of their hashes are equal): the first row whose value
    /// is in the table is the first repetition, and the table holds that value's first row.
    /// The table has a power of two of 8-byte buckets, at most two thirds full (at 10 million
    /// rows, 2²⁴ buckets: 134 MB, held at the end of the load, the peak of the 10M demo's load
    /// when it was at most half full: 268 MB; issue 21).
    /// Otherwise rows sorted by value (`String` order and equality), as `sortedRepetition`.
    public func firstRepetition() -> (first: Int, second: Int)? {
        guard isASCII, count < Int(Int32.max) / 2 else { return sortedRepetition() }
        var size = 16
        while 2 * size < 3 * count { size <<= 1 }
        let mask = size - 1
        // Each bucket: the upper half of the value's hash, then its first row + 1 (0: empty);
        // values are compared only when the halves are equal.
        var table = [UInt64](repeating: 0, count: size)
        for r in 0..<count {
            let hash = withUTF8(r) { CategoricalEncoder.hash($0) }
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
                    if same(seen, r) { return (seen, r) }
                }
                bucket = (bucket &+ 1) & mask
            }
        }
        return nil
    }

    /// The first repetition found by sorting: rows by value, then position; within each run
    /// of equal values, the second row is that value's first repetition; the earliest of
    /// those is the first in file order.
    func sortedRepetition() -> (first: Int, second: Int)? {
        let values = Array(self)
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
