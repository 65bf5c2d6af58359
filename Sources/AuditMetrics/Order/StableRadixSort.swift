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

    /// `rows` (row indices, in the order ties must keep) reordered by ascending `value(row)`.
    public static func ascending(_ rows: [Int32], by value: (Int) -> Double) -> [Int32] {
        var items = rows
        var keys = rows.map { ascendingKey(value(Int($0))) }
        sort(keys: &keys, items: &items)
        return items
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
