/// Stable least-significant-digit radix sort of row indices by 64-bit keys (11-bit digits,
/// 6 passes; a pass where every key has the same digit is skipped). Linear time: the rank
/// statistics (``ScoreSample``, ``WaitingTimes``, ``RankedApplicants``,
/// ``ReceiverOperating``) and the grid's allocation order a million rows in a few counting
/// passes instead of a comparison sort. On whole-number or few-decimal scores (a points
/// grid's) most of the key's low bits are equal, so only 2 or 3 of the 6 passes move rows.
///
/// Stability is what makes it a drop-in for the comparison sorts it replaced: rows enter in
/// ascending row order (or the tie-break order), so equal keys keep that order, which is the
/// tie rule ("ties by row index") every caller documented. The order is therefore the same
/// total order, and every statistic read from it is the same to the bit.
public enum StableRadixSort {
    /// An unsigned key whose ascending order is the *descending* order of
    /// `score` (−0 and +0 equal), for ranking the best score first. `score` is not NaN.
    @inlinable @inline(__always)
    public static func descendingKey(_ score: Double) -> UInt64 {
        let bits = (-score + 0.0).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// An unsigned key whose ascending order is the ascending order of `value`
    /// (−0 and +0 equal). `value` is not NaN.
    @inlinable @inline(__always)
    public static func ascendingKey(_ value: Double) -> UInt64 {
        let bits = (value + 0.0).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// The largest number of items ``sort(keys:items:)`` takes (items are `Int32` row indices).
    public static let maximumCount = Int(Int32.max)

    /// Reorders `items` (and `keys` with them) by ascending key, keeping the
    /// current order among equal keys.
    public static func sort(keys: inout [UInt64], items: inout [Int32]) {
        var scratch = Scratch()
        sort(keys: &keys, items: &items, scratch: &scratch)
    }

    /// `rows` (row indices, in the order ties must keep) reordered by ascending `value(row)`
    /// (``sort(items:key:)``).
    public static func ascending(_ rows: [Int32], by value: (Int) -> Double) -> [Int32] {
        var items = rows
        sort(items: &items) { ascendingKey(value($0)) }
        return items
    }

    /// The fewest items sorted by counting (``sort(items:key:)``): below, the radix sort's
    /// arrays are small and its passes few.
    static let countingMinimum = 1 << 12
    /// The most distinct keys sorted by counting (2-byte codes).
    static let countingLimit = 1 << 16

    /// Reorders `items` (row indices) by ascending `key(row)`, keeping the current order among
    /// equal keys. With at most 65,536 distinct keys — a points grid's scores, waits in whole
    /// days — by counting: each item's key numbered through a hash table (2 bytes an item),
    /// the distinct keys sorted, then one pass to count each key's items and one to place them
    /// (4 bytes an item): 10 bytes an item where the radix sort takes 24 with its keys and
    /// scratch (240 MB at 10 million rows; issue 21). With more distinct keys, the radix sort
    /// (the attempt stops at the 65,537th distinct key). Both are stable sorts by the same
    /// keys: the same order, item for item.
    public static func sort(items: inout [Int32], key: (Int) -> UInt64) {
        if items.count >= countingMinimum, let counted = byCounting(items, key: key) {
            items = counted
            return
        }
        var keys = items.map { key(Int($0)) }
        sort(keys: &keys, items: &items)
    }

    /// `items` stably sorted by `key` by counting, or nil past ``countingLimit`` distinct keys.
    static func byCounting(_ items: [Int32], key: (Int) -> UInt64) -> [Int32]? {
        let n = items.count
        // Open addressing, linear probing, 2^17 slots (at most half full), hashed by the
        // SplitMix64 finaliser (whole numbers' keys differ in their high bits only).
        let bits = 17, mask = (1 << bits) - 1
        var slotKeys = [UInt64](repeating: 0, count: 1 << bits)
        var slotCodes = [UInt32](repeating: 0, count: 1 << bits)  // code + 1; 0 empty
        var distinct: [UInt64] = []
        var codes = [UInt16](repeating: 0, count: n)
        let complete: Bool = slotKeys.withUnsafeMutableBufferPointer { slotKeys in
            slotCodes.withUnsafeMutableBufferPointer { slotCodes in
                codes.withUnsafeMutableBufferPointer { codes in
                    items.withUnsafeBufferPointer { items in
                        for i in 0..<n {
                            let k = key(Int(items[i]))
                            var z = k
                            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                            z ^= z >> 31
                            var h = Int(truncatingIfNeeded: z >> UInt64(64 - bits))
                            while slotCodes[h] != 0 && slotKeys[h] != k { h = (h &+ 1) & mask }
                            if slotCodes[h] == 0 {
                                guard distinct.count < countingLimit else { return false }
                                distinct.append(k)
                                slotKeys[h] = k
                                slotCodes[h] = UInt32(distinct.count)
                            }
                            codes[i] = UInt16(truncatingIfNeeded: slotCodes[h] &- 1)
                        }
                        return true
                    }
                }
            }
        }
        guard complete else { return nil }
        slotKeys = []
        slotCodes = []
        // The rank of each code among the distinct keys (all different: a strict order).
        var rank = [Int](repeating: 0, count: distinct.count)
        for (r, c) in distinct.indices.sorted(by: { distinct[$0] < distinct[$1] }).enumerated() { rank[c] = r }
        var start = [Int](repeating: 0, count: distinct.count + 1)
        for c in codes { start[rank[Int(c)] + 1] += 1 }
        for r in 0..<distinct.count { start[r + 1] += start[r] }
        var out = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            let r = rank[Int(codes[i])]
            out[start[r]] = items[i]
            start[r] += 1
        }
        return out
    }

    /// Buffers reused across calls (no allocation, no fresh pages per segment).
    public struct Scratch {
        var keys: [UInt64] = []
        var items: [Int32] = []
        var counts = [Int](repeating: 0, count: 2048)

        public init() {}
    }

    /// ``sort(keys:items:)`` with caller-owned buffers.
    public static func sort(keys: inout [UInt64], items: inout [Int32], scratch: inout Scratch) {
        let n = keys.count
        precondition(items.count == n, "StableRadixSort: \(n) keys for \(items.count) items")
        guard n > 1 else { return }
        if scratch.keys.count < n {
            scratch.keys = [UInt64](repeating: 0, count: n)
            scratch.items = [Int32](repeating: 0, count: n)
        }
        var sortedInScratch = false
        keys.withUnsafeMutableBufferPointer { k0 in
            items.withUnsafeMutableBufferPointer { i0 in
                scratch.keys.withUnsafeMutableBufferPointer { k1 in
                    scratch.items.withUnsafeMutableBufferPointer { i1 in
                        scratch.counts.withUnsafeMutableBufferPointer { counts in
                            var (fromK, fromI, toK, toI) = (k0.baseAddress!, i0.baseAddress!, k1.baseAddress!, i1.baseAddress!)
                            var shift: UInt64 = 0
                            while shift < 64 {
                                for d in 0..<2048 { counts[d] = 0 }
                                for j in 0..<n { counts[Int((fromK[j] >> shift) & 2047)] += 1 }
                                if counts[Int((fromK[0] >> shift) & 2047)] != n {
                                    var total = 0
                                    for d in 0..<2048 {
                                        let c = counts[d]
                                        counts[d] = total
                                        total += c
                                    }
                                    for j in 0..<n {
                                        let d = Int((fromK[j] >> shift) & 2047)
                                        let to = counts[d]
                                        counts[d] = to + 1
                                        toK[to] = fromK[j]
                                        toI[to] = fromI[j]
                                    }
                                    swap(&fromK, &toK)
                                    swap(&fromI, &toI)
                                    sortedInScratch.toggle()
                                }
                                shift += 11
                            }
                        }
                    }
                }
            }
        }
        if sortedInScratch {
            keys.withUnsafeMutableBufferPointer { k in
                scratch.keys.withUnsafeBufferPointer { s in k.baseAddress!.update(from: s.baseAddress!, count: n) }
            }
            items.withUnsafeMutableBufferPointer { i in
                scratch.items.withUnsafeBufferPointer { s in i.baseAddress!.update(from: s.baseAddress!, count: n) }
            }
        }
    }
}
