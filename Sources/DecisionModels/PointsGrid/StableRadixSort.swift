/// Stable least-significant-digit radix sort of row indices by 64-bit keys
/// (11-bit digits, 6 passes; a pass where every key has the same digit is
/// skipped). Linear time, so ranking a million applicants under 64 grids is 64
/// linear passes instead of 64 comparison sorts.
enum StableRadixSort {
    /// An unsigned key whose ascending order is the *descending* order of
    /// `score` (−0 and +0 equal), for ranking the best score first.
    @inline(__always)
    static func descendingKey(_ score: Double) -> UInt64 {
        let bits = (-score + 0.0).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// An unsigned key whose ascending order is the ascending order of `value`.
    @inline(__always)
    static func ascendingKey(_ value: Double) -> UInt64 {
        let bits = (value + 0.0).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// Reorders `items` (and `keys` with them) by ascending key, keeping the
    /// current order among equal keys.
    static func sort(keys: inout [UInt64], items: inout [Int32]) {
        let n = keys.count
        guard n > 1 else { return }
        var keyBuffer = [UInt64](repeating: 0, count: n)
        var itemBuffer = [Int32](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 2048)
        var shift: UInt64 = 0
        while shift < 64 {
            for d in 0..<2048 { counts[d] = 0 }
            for k in keys { counts[Int((k >> shift) & 2047)] += 1 }
            if counts[Int((keys[0] >> shift) & 2047)] != n {
                var total = 0
                for d in 0..<2048 {
                    let c = counts[d]
                    counts[d] = total
                    total += c
                }
                for i in 0..<n {
                    let d = Int((keys[i] >> shift) & 2047)
                    let to = counts[d]
                    counts[d] = to + 1
                    keyBuffer[to] = keys[i]
                    itemBuffer[to] = items[i]
                }
                swap(&keys, &keyBuffer)
                swap(&items, &itemBuffer)
            }
            shift += 11
        }
    }
}
