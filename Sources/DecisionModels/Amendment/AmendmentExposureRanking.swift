import AuditMetrics

/// Each group's total position-based exposure in one candidate's overall order, without a
/// comparison sort (the `exposure_ratio>=x` target, ``AmendmentTarget/exposureRatioAtLeast(_:)``;
/// `docs/amend.md`, "Targets").
///
/// The order is the model audit's: applicants of a known group by score descending, then by the
/// baseline tie-break, at positions `1…N`; position `r` has the exposure `v(r) = 1/log₂(1 + r)`
/// (Singh & Joachims 2018, the DCG discount, ``RankedApplicants``). `E_g = Σ_{i∈g} v(r_i)`,
/// added up in position order (as the model audit adds them up, so the sums are the same
/// numbers).
///
/// Scores are whole numbers of 10^−D points (``GridScoreScale``), so the key `hi − score` is a
/// whole number below 2^53: the rows, listed once in tie-break order, are sorted by that key by a
/// **stable least-significant-digit radix sort** (16 bits a pass; one counting pass when the
/// scores span fewer than 65,536 steps, as whole-point grids do). Stability keeps the tie-break
/// among equal scores. `O(N)` per candidate with a few passes. (``StableRadixSort``, the
/// allocation's, sorts full 64-bit keys in 11-bit digits and counts every digit; here the keys
/// are bounded by the scores' span, so the passes stop there.)
struct AmendmentExposureRanking: Sendable {
    /// Rows (in the caller's layout) of a known group, in tie-break order.
    let tieOrder: [Int32]
    /// The group code of `tieOrder[t]`.
    let tieCodes: [Int32]
    /// `v(r) = 1/log₂(1 + r)` for `r = 1…N` (index `r − 1`).
    let discount: [Double]
    /// Group codes `0..<slots`.
    let slots: Int

    /// - Parameters:
    ///   - tieRank: each row's rank in the tie-break (0 = first, distinct).
    ///   - codes: each row's group, `unknown` any code outside `0..<slots`.
    init(tieRank: [Int32], codes: [Int32], slots: Int) {
        let known = tieRank.indices.filter { codes[$0] >= 0 && Int(codes[$0]) < slots }
        let order = known.sorted { tieRank[$0] < tieRank[$1] }
        tieOrder = order.map { Int32($0) }
        tieCodes = order.map { codes[$0] }
        discount = (0..<order.count).map { RankedApplicants.exposure(atPosition: $0 + 1) }
        self.slots = slots
    }

    /// Reused buffers of one worker.
    struct Scratch {
        var keys: [UInt64] = []
        var order: [Int32] = []
        var other: [Int32] = []
        var counts: [Int] = []
    }

    /// `E_g` per group code of the column `x` (exact scores in 10^−D points, in the caller's layout).
    func sums(column x: UnsafeBufferPointer<Double>, scratch: inout Scratch) -> [Double] {
        var sums = [Double](repeating: 0, count: slots)
        let n = tieOrder.count
        guard n > 0 else { return sums }
        var hi = x[Int(tieOrder[0])], lo = hi
        for t in tieOrder {
            let v = x[Int(t)]
            hi = v > hi ? v : hi
            lo = v < lo ? v : lo
        }
        let width = hi - lo
        guard width >= 0, width < 9_007_199_254_740_992 else { return comparisonSums(column: x) }
        if scratch.keys.count != n {
            scratch.keys = [UInt64](repeating: 0, count: n)
            scratch.order = [Int32](repeating: 0, count: n)
            scratch.other = [Int32](repeating: 0, count: n)
        }
        for t in 0..<n {
            scratch.keys[t] = UInt64(hi - x[Int(tieOrder[t])])
            scratch.order[t] = Int32(t)
        }
        let span = UInt64(width)
        var shift: UInt64 = 0
        // One stable counting pass per 16 bits of the widest key.
        repeat {
            let buckets = Int(min(65_535, span >> shift)) + 1
            if scratch.counts.count < buckets { scratch.counts = [Int](repeating: 0, count: buckets) }
            scratch.keys.withUnsafeBufferPointer { keys in
                scratch.counts.withUnsafeMutableBufferPointer { counts in
                    scratch.order.withUnsafeMutableBufferPointer { from in
                        scratch.other.withUnsafeMutableBufferPointer { to in
                            for b in 0..<buckets { counts[b] = 0 }
                            for t in 0..<n { counts[Int((keys[t] >> shift) & 0xFFFF)] += 1 }
                            var start = 0
                            for b in 0..<buckets { let c = counts[b]; counts[b] = start; start += c }
                            for j in 0..<n {
                                let t = from[j]
                                let b = Int((keys[Int(t)] >> shift) & 0xFFFF)
                                to[counts[b]] = t
                                counts[b] += 1
                            }
                        }
                    }
                }
            }
            swap(&scratch.order, &scratch.other)
            shift += 16
        } while shift < 64 && (span >> shift) > 0
        for (r, t) in scratch.order.enumerated() { sums[Int(tieCodes[Int(t)])] += discount[r] }
        return sums
    }

    /// The same sums by a comparison sort (score descending, then tie-break): never needed for
    /// scores of ``GridScoreScale``, kept so that any column has an answer.
    func comparisonSums(column x: UnsafeBufferPointer<Double>) -> [Double] {
        var sums = [Double](repeating: 0, count: slots)
        let ranked = tieOrder.indices.sorted { a, b in
            let u = x[Int(tieOrder[a])], v = x[Int(tieOrder[b])]
            return u > v || (u == v && a < b)
        }
        for (r, t) in ranked.enumerated() { sums[Int(tieCodes[t])] += discount[r] }
        return sums
    }
}
