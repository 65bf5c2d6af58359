import AuditData

/// Every protected attribute's group code of each row, side by side, so that one pass over the
/// rows counts and sums the groups of every attribute (``GridSensitivity``: once per weight
/// variant).
///
/// Attribute `a`'s group `g` is slot `offsets[a] + g`; row `i`'s slots are
/// `slots[i·A ..< (i+1)·A]` for `A` attributes. The slots take one byte each when every
/// attribute's groups together number at most 256 (the housing demo: 16), four otherwise.
///
/// Why: one pass per attribute made each group's score sum a chain of dependent additions, one
/// row after another; with every attribute in the same pass, the attributes' chains overlap.
/// Each slot's sum still adds its rows in row order, so each sum has the bits of the
/// attribute-by-attribute loop (``GridGroupDisparity/compute(attribute:counts:reference:minGroupSize:priorities:scores:selected:)``,
/// the reference the tests compare with).
struct GroupSlots: Sendable {
    /// The attributes (`A`).
    let attributes: Int
    /// The first slot of each attribute; the slots number `slotCount`.
    let offsets: [Int]
    let slotCount: Int
    /// The rows.
    let rows: Int
    private let narrow: [UInt8]
    private let wide: [UInt32]

    init(attributes columns: [GroupColumn], rows: Int) {
        attributes = columns.count
        self.rows = rows
        var offsets: [Int] = [], total = 0
        for c in columns {
            offsets.append(total)
            total += c.groups.count
        }
        self.offsets = offsets
        slotCount = total
        let a = columns.count
        if total <= Int(UInt8.max) + 1 {
            var slots = [UInt8](repeating: 0, count: rows * a)
            for (k, c) in columns.enumerated() {
                let offset = offsets[k]
                for i in 0..<rows { slots[i * a + k] = UInt8(truncatingIfNeeded: offset + Int(c.codes[i])) }
            }
            narrow = slots
            wide = []
        } else {
            var slots = [UInt32](repeating: 0, count: rows * a)
            for (k, c) in columns.enumerated() {
                let offset = offsets[k]
                for i in 0..<rows { slots[i * a + k] = UInt32(truncatingIfNeeded: offset + Int(c.codes[i])) }
            }
            narrow = []
            wide = slots
        }
    }

    /// What one pass over the rows gives: per slot, the selected rows and the sum of the
    /// rows' scores in points (each added in row order); and the selected rows in all.
    struct Tally {
        var chosen: [Int]
        var sums: [Double]
        var selected: Int
    }

    /// One pass over the rows: row `i`'s score in points is `scaled[i] / unit` (as
    /// ``GridScores/points``), it is selected when `selected[i]`.
    func tally(scaled: UnsafeBufferPointer<Double>, unit: Double, selected: UnsafeBufferPointer<Bool>) -> Tally {
        precondition(scaled.count == rows && selected.count == rows, "the scores, the selection and the groups have different rows")
        var tally = Tally(chosen: [Int](repeating: 0, count: slotCount), sums: [Double](repeating: 0, count: slotCount), selected: 0)
        if wide.isEmpty {
            narrow.withUnsafeBufferPointer { tally.add($0, attributes: attributes, scaled: scaled, unit: unit, selected: selected) }
        } else {
            wide.withUnsafeBufferPointer { tally.add($0, attributes: attributes, scaled: scaled, unit: unit, selected: selected) }
        }
        return tally
    }
}

extension GroupSlots.Tally {
    /// The pass itself, on the slots at their width. The selected are counted without a
    /// branch (a variant selects few, unpredictably).
    @inline(__always)
    mutating func add<Slot: FixedWidthInteger>(_ slots: UnsafeBufferPointer<Slot>, attributes a: Int, scaled: UnsafeBufferPointer<Double>,
                                               unit: Double, selected: UnsafeBufferPointer<Bool>) {
        var count = 0
        chosen.withUnsafeMutableBufferPointer { chosen in
            sums.withUnsafeMutableBufferPointer { sums in
                for i in 0..<scaled.count {
                    let points = scaled[i] / unit
                    let picked = Int(unsafeBitCast(selected[i], to: UInt8.self))
                    count &+= picked
                    let base = i &* a
                    for k in 0..<a {
                        let slot = Int(slots[base &+ k])
                        chosen[slot] &+= picked
                        sums[slot] += points
                    }
                }
            }
        }
        self.selected = count
    }
}
