import AuditData

extension GridPartialSelection {
    /// Buffers of ``select(scores:decimals:segmentCodes:tieRank:into:scratch:)``, reused from
    /// column to column.
    public struct RowOrderScratch {
        var histogram: [Int] = []
        var bucket: [Double] = []
        var ties: [[Int32]] = []

        public init() {}
    }

    /// Buckets of the per-segment histogram (as the amendment search's, `AmendmentKernel`).
    static let buckets = 4_096

    /// ``select(scores:decimals:into:scratch:)`` in a few sequential passes over the rows in
    /// file order instead of gathering each segment in tie-break order: per segment, the
    /// smallest and largest score; a histogram of `(score − low) >> shift` (at most 4,096
    /// buckets) whose walk from the top gives the bucket of the `k`-th largest score `T` (then
    /// Hoare's *find* among that bucket's scores when a bucket holds several scores); every
    /// row above `T` selected; the rows at `T`, collected, go in tie-break order (`tieRank`)
    /// while `k − |{score > T}|` places remain. The same set (the `k`-th largest score and the
    /// tie-break decide it), with sequential memory access.
    ///
    /// `scores` are whole numbers of 10^−`decimals` points (``GridScores/scaled``); a segment
    /// whose scores span 2⁵³ units or more (never expected: ``GridScoreScale`` bounds them by
    /// 2⁵²) takes the general path. `segmentCodes` and `tieRank` are the design's.
    public func select(scores x: UnsafeBufferPointer<Double>, decimals: Int, segmentCodes: [Int32], tieRank: [Int32],
                       into selected: UnsafeMutableBufferPointer<Bool>, scratch: inout RowOrderScratch) {
        let n = x.count
        let scaledThreshold = threshold.flatMap(GridDecimal.init).flatMap { $0.scaled(toDecimals: max(decimals, $0.decimals)) }.map(Double.init)
        if let t = scaledThreshold {
            for i in 0..<n { selected[i] = x[i] >= t }
            return
        }
        let segments = segmentRows.count
        let places = segmentRows.indices.map { min(limits?[$0] ?? 0, segmentRows[$0].count) }
        // Segments where the capacity decides nothing: none or all of them are selected.
        let partial = segmentRows.indices.map { places[$0] > 0 && places[$0] < segmentRows[$0].count }
        var low = [Double](repeating: .infinity, count: segments)
        var high = [Double](repeating: -.infinity, count: segments)
        segmentCodes.withUnsafeBufferPointer { code in
            for i in 0..<n {
                let s = Int(code[i]), v = x[i]
                if v < low[s] { low[s] = v }
                if v > high[s] { high[s] = v }
            }
        }
        var shifts = [Int](repeating: 0, count: segments)
        var general = [Bool](repeating: false, count: segments)
        for s in 0..<segments where partial[s] {
            let width = high[s] - low[s]
            guard width < 9_007_199_254_740_992 else { general[s] = true; continue }
            while (Int(width) >> shifts[s]) >= Self.buckets { shifts[s] += 1 }
        }
        if scratch.histogram.count != segments * Self.buckets { scratch.histogram = [Int](repeating: 0, count: segments * Self.buckets) }
        for b in scratch.histogram.indices { scratch.histogram[b] = 0 }
        var histogram = scratch.histogram
        scratch.histogram = []
        segmentCodes.withUnsafeBufferPointer { code in
            histogram.withUnsafeMutableBufferPointer { h in
                for i in 0..<n {
                    let s = Int(code[i])
                    guard partial[s], !general[s] else { continue }
                    h[s * Self.buckets + (Int(x[i] - low[s]) >> shifts[s])] += 1
                }
            }
        }
        scratch.histogram = histogram
        // Per segment: T, and the places left for the rows at T.
        var cut = [Double](repeating: .infinity, count: segments)
        var quota = [Int](repeating: 0, count: segments)
        for s in 0..<segments where partial[s] {
            let k = places[s]
            if general[s] {
                scratch.bucket.removeAll(keepingCapacity: true)
                for row in segmentRows[s] { scratch.bucket.append(x[Int(row)]) }
                let t = Self.kthLargest(&scratch.bucket, k)
                cut[s] = t
                quota[s] = k - scratch.bucket.reduce(0) { $0 + ($1 > t ? 1 : 0) }
                continue
            }
            let base = s * Self.buckets
            var above = 0, bucket = Int(high[s] - low[s]) >> shifts[s]
            while above + scratch.histogram[base + bucket] < k {
                above += scratch.histogram[base + bucket]
                bucket -= 1
            }
            if shifts[s] == 0 {
                cut[s] = low[s] + Double(bucket)
                quota[s] = k - above
            } else {
                // The bucket's scores: low + bucket·2^shift ≤ score < low + (bucket + 1)·2^shift.
                let from = low[s] + Double(bucket << shifts[s]), to = low[s] + Double((bucket + 1) << shifts[s])
                scratch.bucket.removeAll(keepingCapacity: true)
                for row in segmentRows[s] where x[Int(row)] >= from && x[Int(row)] < to { scratch.bucket.append(x[Int(row)]) }
                let t = Self.kthLargest(&scratch.bucket, k - above)
                cut[s] = t
                quota[s] = k - above - scratch.bucket.reduce(0) { $0 + ($1 > t ? 1 : 0) }
            }
        }
        // Above T: selected; at T: collected, then taken in tie-break order.
        if scratch.ties.count != segments { scratch.ties = [[Int32]](repeating: [], count: segments) }
        for s in 0..<segments { scratch.ties[s].removeAll(keepingCapacity: true) }
        segmentCodes.withUnsafeBufferPointer { code in
            for i in 0..<n {
                let s = Int(code[i])
                if !partial[s] {
                    selected[i] = places[s] > 0
                    continue
                }
                let v = x[i], t = cut[s]
                selected[i] = v > t
                if v == t { scratch.ties[s].append(Int32(i)) }
            }
        }
        for s in 0..<segments where partial[s] && quota[s] < scratch.ties[s].count {
            // Only part of the rows at T: the first `quota` in tie-break order.
            scratch.ties[s].sort { tieRank[Int($0)] < tieRank[Int($1)] }
            for row in scratch.ties[s][..<quota[s]] { selected[Int(row)] = true }
        }
        for s in 0..<segments where partial[s] && quota[s] >= scratch.ties[s].count {
            for row in scratch.ties[s] { selected[Int(row)] = true }
        }
    }
}
