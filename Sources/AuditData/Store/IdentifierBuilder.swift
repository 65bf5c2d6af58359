/// Reads one identifier column during the load: each row's value as written; after the
/// load, a value given twice is an error naming both lines.
struct IdentifierBuilder {
    let name: String
    let slot: Int
    private(set) var values: [String] = []

    init(name: String, slot: Int) {
        self.name = name
        self.slot = slot
    }

    mutating func read(_ row: CSVRow) throws(CSVError) {
        values.append(try row.validatedString(slot))
    }

    /// Room for `rows` rows in all.
    mutating func reserveCapacity(rows: Int) { values.reserveCapacity(rows) }

    /// Appends the rows `other` read (the segment that follows, read by another thread).
    mutating func append(_ other: IdentifierBuilder) {
        values.append(contentsOf: other.values)
    }

    /// The first repetition in file order: the row where a value already seen appears again,
    /// and the row where it was first seen.
    func firstRepetition() -> (first: Int, second: Int)? {
        // Rows by value, then position: within each run of equal values, the second row is
        // that value's first repetition; the earliest of those is the first in file order.
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
