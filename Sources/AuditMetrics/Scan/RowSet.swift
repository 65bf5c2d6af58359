/// A set of positions `0..<count` as bits, 64 to a word: what ``ClusterDescription`` counts
/// with, so that the share of a cluster meeting a conjunction of conditions is a few popcounts
/// per 64 applicants instead of a loop over each. Bits past `count` are always 0.
struct RowSet: Sendable, Equatable {
    let count: Int
    private(set) var words: [UInt64]

    /// The empty set, or every position (`full`).
    init(count: Int, full: Bool = false) {
        self.count = count
        words = [UInt64](repeating: full ? ~0 : 0, count: (count + 63) / 64)
        if full, count % 64 != 0 { words[words.count - 1] = (1 << UInt64(count % 64)) - 1 }
    }

    /// The positions `i` for which `contains(i)`.
    init(count: Int, _ contains: (Int) -> Bool) {
        self.count = count
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
        words.withUnsafeMutableBufferPointer { w in
            var i = 0
            for k in 0..<w.count {
                var word: UInt64 = 0
                let end = Swift.min(count, i + 64)
                var bit: UInt64 = 0
                while i < end {
                    word |= UInt64(unsafeBitCast(contains(i), to: UInt8.self)) << bit
                    bit += 1
                    i += 1
                }
                w[k] = word
            }
        }
    }

    /// Keeps only the positions also in `other`.
    mutating func formIntersection(_ other: RowSet) {
        for k in words.indices { words[k] &= other.words[k] }
    }

    /// `|self ∩ a|` and `|self ∩ a ∩ b|`.
    func intersectionCounts(_ a: RowSet, _ b: RowSet) -> (Int, Int) {
        words.withUnsafeBufferPointer { s in
            a.words.withUnsafeBufferPointer { x in
                b.words.withUnsafeBufferPointer { y in
                    var both = 0, all = 0
                    for k in 0..<s.count {
                        let w = s[k] & x[k]
                        both &+= w.nonzeroBitCount
                        all &+= (w & y[k]).nonzeroBitCount
                    }
                    return (both, all)
                }
            }
        }
    }
}
