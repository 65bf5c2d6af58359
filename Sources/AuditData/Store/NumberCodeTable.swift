/// The distinct values of a number column being coded (`NumberChunks`, while a file is read
/// or by `NumberColumn(_:)`), each with its code: the values in order of first appearance
/// (`values`, code `c` is `values[c]`) and an index from bit pattern to code. The row loop
/// reads the slots through the pointers `keys` and `slots` (`find`), kept by the caller.
///
/// **Why not a `Dictionary`.** The index is consulted once per row: 10 million times per
/// column at 10 million rows. A `Dictionary<UInt64, UInt32>` (SipHash) took 20 to 27 ns a row
/// there (0.2 to 0.27 s a column of 100, 1,000 or 2 distinct values, measured: -O, whole
/// module); this table, open addressing with linear probing over a power-of-two number of
/// slots, at most half full, hashed by the SplitMix64 finaliser (every bit of the pattern
/// moves the slot, so whole numbers, whose low bits are all zero, spread as well as any),
/// 2 to 9 ns (0.02 to 0.09 s; measured on a batch loop over a column, since replaced by the
/// per-value loop of `NumberChunks`, which reads the same slots the same way). It holds at most
/// `NumberColumn.codedLimit` values (2¹⁷ slots, 1.5 MB), freed with the coding.
final class NumberCodeTable {
    /// The distinct values, by code, in order of first appearance.
    private(set) var values: [Double] = []
    /// The bit pattern in each slot (meaningful where `slots` is not 0).
    private(set) var keys: UnsafeMutablePointer<UInt64>
    /// The code + 1 in each slot; 0 for an empty slot.
    private(set) var slots: UnsafeMutablePointer<UInt32>
    /// `log2` of the number of slots. `keys`, `slots` and `bits` change when the table grows
    /// (`add`); a reader that keeps them (`NumberChunks`) takes them again after each `add`.
    private(set) var bits: Int

    /// An empty table of 256 slots. The slots are raw memory, not arrays: the loop of `code`
    /// reads them through two local pointers, with no reference counting per row.
    init() {
        bits = 8
        keys = .allocate(capacity: 1 << bits)
        slots = .allocate(capacity: 1 << bits)
        slots.initialize(repeating: 0, count: 1 << bits)
        keys.initialize(repeating: 0, count: 1 << bits)
    }

    /// A table holding the same values and codes, with slots of its own (a copy of a load's
    /// builder numbering values of its own: `NumberChunks`).
    func copy() -> NumberCodeTable {
        let copy = NumberCodeTable()
        for x in values {
            let slot = Self.find(x.bitPattern, keys: copy.keys, slots: copy.slots, bits: copy.bits).slot
            _ = copy.add(x, at: slot)
        }
        return copy
    }

    /// The code of `x`, numbered next when it is new and fewer than `limit` values are held;
    /// nil when it is new and `limit` values are held. Reads the slots through the table's
    /// properties: for the rare lookups (merging two segments' tables), not for every row.
    func code(of x: Double, limit: Int) -> UInt32? {
        let (slot, codePlusOne) = Self.find(x.bitPattern, keys: keys, slots: slots, bits: bits)
        if codePlusOne != 0 { return codePlusOne &- 1 }
        guard values.count < limit else { return nil }
        return add(x, at: slot)
    }

    deinit {
        keys.deallocate()
        slots.deallocate()
    }

    /// Number of distinct values.
    var count: Int { values.count }

    /// The slot of `key` among `1 << bits` slots if it is there, else the empty slot where it
    /// goes; and its code + 1 (0 when absent).
    @inline(__always)
    static func find(_ key: UInt64, keys: UnsafeMutablePointer<UInt64>, slots: UnsafeMutablePointer<UInt32>,
                     bits: Int) -> (slot: Int, codePlusOne: UInt32) {
        var z = key
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        let mask = (1 << bits) &- 1
        var h = Int(truncatingIfNeeded: z >> UInt64(64 &- bits))
        while true {
            let s = slots[h]
            if s == 0 || keys[h] == key { return (h, s) }
            h = (h &+ 1) & mask
        }
    }

    /// Numbers `x`, absent from the table, with the next code, in `slot` (from `find`): its code.
    func add(_ x: Double, at slot: Int) -> UInt32 {
        values.append(x)
        keys[slot] = x.bitPattern
        slots[slot] = UInt32(values.count)
        if values.count * 2 > 1 << bits { grow() }
        return UInt32(values.count - 1)
    }

    /// Twice the slots, every value placed again.
    private func grow() {
        keys.deallocate()
        slots.deallocate()
        bits += 1
        keys = .allocate(capacity: 1 << bits)
        slots = .allocate(capacity: 1 << bits)
        slots.initialize(repeating: 0, count: 1 << bits)
        keys.initialize(repeating: 0, count: 1 << bits)
        for (code, x) in values.enumerated() {
            let h = Self.find(x.bitPattern, keys: keys, slots: slots, bits: bits).slot
            keys[h] = x.bitPattern
            slots[h] = UInt32(code + 1)
        }
    }
}
