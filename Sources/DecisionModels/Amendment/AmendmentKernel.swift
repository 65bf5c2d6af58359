import AuditData
import LinearAlgebra

/// The search's layout of the applicants (``AmendmentEvaluator/measure(_:)``, `docs/amend.md`,
/// "Cost"): rows reordered once by segment, then by the baseline tie-break, so that every
/// segment is a contiguous range already in tie-break order. A candidate's column of exact
/// scores is then selected and measured in a few sequential passes per segment, without
/// gathering, sorting or materialising the selected set:
///
/// 1. the smallest and largest score `lo`, `hi` of the segment;
/// 2. a histogram of `(score − lo) >> shift` into at most 4,096 buckets (`shift = 0` when
///    `hi − lo < 4,096`: one bucket per score, scores being whole numbers of 10^−D points);
///    walking down from the top bucket gives the bucket holding the `k`-th largest score
///    `T`, and `a` rows above it;
/// 3. when `shift > 0`, `T` is the `(k − a)`-th largest of that bucket's scores (Hoare's
///    *find* on those few values);
/// 4. one pass: a row is selected when its score is above `T`, or equal to `T` while
///    `k − |{score > T}|` places remain — in tie-break order, which is the row order —, and
///    its group's score sum, selected count and agreement with the baseline are counted.
///
/// This is the set ``GridPartialSelection`` and ``GridAllocation`` select (the `k`-th largest
/// score and the tie-break decide it), in `O(n)` with small constants.
struct AmendmentKernel: Sendable {
    /// Buckets of the histogram.
    static let buckets = 4_096
    let rows: Int
    /// `X'` (``GridDesign/scaledFeatures()``) with rows in the layout's order, column-major.
    let features: Matrix
    /// Group code of each row in the layout's order; `unknown` is the extra slot `labels.count`.
    let codes: [Int32]
    /// 1 when the baseline grid selects the row, in the layout's order.
    let baseline: [UInt8]
    /// Per segment, its range of rows in the layout and its number of places (`nil`: threshold rule).
    let segments: [(range: Range<Int>, limit: Int?)]
    /// The threshold rule's threshold, in points.
    let threshold: Double?
    /// Per exclusive group, the features of each member criterion.
    let groupFeatures: [[[Int]]]
    let groupSlots: Int
    /// The overall order's exposure per group (``AmendmentExposureRanking``), when an
    /// `exposure_ratio` target needs it; `nil` otherwise (no rank is computed).
    let exposure: AmendmentExposureRanking?

    init(design: GridDesign, groups: AmendmentGroups, selection: GridPartialSelection, baselineSelected: [Bool], exposure: Bool = false) {
        let n = design.rows, p = design.featureDefinitions.count
        rows = n
        var order: [Int] = []
        order.reserveCapacity(n)
        var segments: [(range: Range<Int>, limit: Int?)] = []
        for (s, members) in selection.segmentRows.enumerated() {
            let start = order.count
            order.append(contentsOf: members.map(Int.init))
            segments.append((start..<order.count, selection.limits?[s]))
        }
        self.segments = segments
        threshold = selection.threshold
        let x = design.scaledFeatures()
        var storage = [Double](repeating: 0, count: n * p)
        for f in 0..<p {
            for (j, i) in order.enumerated() { storage[f * n + j] = x.storage[f * n + i] }
        }
        features = (try? Matrix(rows: n, columns: p, columnMajor: storage)) ?? x
        let unknown = Int32(groups.labels.count)
        codes = order.map { groups.codes[$0] >= 0 ? groups.codes[$0] : unknown }
        baseline = order.map { baselineSelected[$0] ? 1 : 0 }
        groupSlots = groups.labels.count + 1
        var featuresOf = [[Int]](repeating: [], count: design.grid.criteria.count)
        for (f, c) in design.featureCriterion.enumerated() { featuresOf[c].append(f) }
        groupFeatures = design.grid.exclusiveGroups.map { group in group.members.map { featuresOf[$0] } }
        self.exposure = exposure ? AmendmentExposureRanking(tieRank: order.map { design.tieRank[$0] }, codes: codes, slots: groups.labels.count) : nil
    }

    /// Per-worker buffers, reused from column to column.
    struct Scratch {
        var histogram = [Int](repeating: 0, count: AmendmentKernel.buckets)
        var bucket: [Double] = []
        var sums: [Double] = []
        var chosen: [Int] = []
        var exposure = AmendmentExposureRanking.Scratch()
    }

    /// What the selection of one column gives: per group slot the score sum (in 10^−D points)
    /// and the selected count, the selected total and `|S ∩ S_0|`.
    struct Tally {
        var total = 0
        var kept = 0
    }

    /// Completes one column of `X'·W'_lin` into exact scores: adds each exclusive group's best
    /// member (`weights`: the column's scaled weights, grouped features included) and applies
    /// the floor, as ``GridDesign/exactScores(weights:)``.
    func complete(column out: UnsafeMutableBufferPointer<Double>, weights w: UnsafeBufferPointer<Double>, floor: Double?, scratch: inout Scratch) {
        let n = rows
        // One pass per group: per row, each member's points, the best kept (the first on a tie:
        // equal values), added to the row's score.
        features.storage.withUnsafeBufferPointer { x in
            for group in groupFeatures {
                let members = group.map { $0.filter { w[$0] != 0 } }
                for i in 0..<n {
                    var best = 0.0
                    for (m, memberFeatures) in members.enumerated() {
                        var points = 0.0
                        for f in memberFeatures { points += x[f * n + i] * w[f] }
                        if m == 0 || points > best { best = points }
                    }
                    out[i] += best
                }
            }
        }
        if let floor {
            for i in 0..<n where out[i] < floor { out[i] = floor }
        }
    }

    /// Selects one column of exact scores (in 10^−D points; `scaledThreshold` the threshold
    /// rule's threshold in the same units) and counts it into `scratch.sums` and `scratch.chosen`.
    func select(column x: UnsafeBufferPointer<Double>, scaledThreshold: Double?, scratch: inout Scratch) -> Tally {
        if scratch.sums.count != groupSlots {
            scratch.sums = [Double](repeating: 0, count: groupSlots)
            scratch.chosen = [Int](repeating: 0, count: groupSlots)
        }
        // Moved out of `scratch` (no copy), so that `kthLargest` may use the rest of it.
        var sumsStorage = scratch.sums, chosenStorage = scratch.chosen
        scratch.sums = []
        scratch.chosen = []
        defer {
            scratch.sums = sumsStorage
            scratch.chosen = chosenStorage
        }
        for g in 0..<groupSlots { sumsStorage[g] = 0; chosenStorage[g] = 0 }
        var tally = Tally()
        codes.withUnsafeBufferPointer { codes in
            baseline.withUnsafeBufferPointer { base in
                sumsStorage.withUnsafeMutableBufferPointer { sums in
                    chosenStorage.withUnsafeMutableBufferPointer { chosen in
                        // Counts row i, selected or not.
                        @inline(__always) func count(_ i: Int, _ selected: Bool) {
                            let g = Int(codes[i]), s = selected ? 1 : 0
                            sums[g] += x[i]
                            chosen[g] += s
                            tally.total += s
                            tally.kept += s & Int(base[i])
                        }
                        for segment in segments {
                            let range = segment.range
                            if let t = scaledThreshold {
                                for i in range { count(i, x[i] >= t) }
                                continue
                            }
                            let k = min(segment.limit ?? 0, range.count)
                            if k == 0 || k == range.count {
                                for i in range { count(i, k > 0) }
                                continue
                            }
                            let (t, above) = kthLargest(x, range, k, scratch: &scratch)
                            var quota = k - above
                            for i in range {
                                let v = x[i]
                                let tie = v == t && quota > 0
                                if tie { quota -= 1 }
                                count(i, v > t || tie)
                            }
                        }
                    }
                }
            }
        }
        return tally
    }

    /// The `k`-th largest score `T` of `range` (1 ≤ k < count) and how many scores exceed it.
    func kthLargest(_ x: UnsafeBufferPointer<Double>, _ range: Range<Int>, _ k: Int, scratch: inout Scratch) -> (Double, Int) {
        var lo = x[range.lowerBound], hi = lo
        for i in range {
            let v = x[i]
            lo = v < lo ? v : lo
            hi = v > hi ? v : hi
        }
        let width = hi - lo
        // Whole numbers below 2^52 in magnitude (GridScoreScale): `width` is exact and below
        // 2^53; anything else (never expected) takes the general selection.
        guard width >= 0, width < 9_007_199_254_740_992 else { return generalKthLargest(x, range, k, scratch: &scratch) }
        if width == 0 { return (hi, 0) }
        var shift = 0
        while (Int(width) >> shift) >= Self.buckets { shift += 1 }
        let top = Int(width) >> shift
        scratch.histogram.withUnsafeMutableBufferPointer { h in
            for b in 0...top { h[b] = 0 }
            for i in range { h[Int(x[i] - lo) >> shift] += 1 }
        }
        var above = 0, bucket = top
        while above + scratch.histogram[bucket] < k {
            above += scratch.histogram[bucket]
            bucket -= 1
        }
        if shift == 0 {
            return (lo + Double(bucket), above)
        }
        scratch.bucket.removeAll(keepingCapacity: true)
        // The bucket's scores: lo + bucket·2^shift ≤ score < lo + (bucket + 1)·2^shift (exact: whole numbers below 2^53).
        let from = lo + Double(bucket << shift), to = lo + Double((bucket + 1) << shift)
        for i in range where x[i] >= from && x[i] < to { scratch.bucket.append(x[i]) }
        let t = GridPartialSelection.kthLargest(&scratch.bucket, k - above)
        var greater = above
        for v in scratch.bucket where v > t { greater += 1 }
        return (t, greater)
    }

    /// Hoare's *find* on a copy of the range.
    func generalKthLargest(_ x: UnsafeBufferPointer<Double>, _ range: Range<Int>, _ k: Int, scratch: inout Scratch) -> (Double, Int) {
        scratch.bucket.removeAll(keepingCapacity: true)
        for i in range { scratch.bucket.append(x[i]) }
        let t = GridPartialSelection.kthLargest(&scratch.bucket, k)
        var greater = 0
        for i in range where x[i] > t { greater += 1 }
        return (t, greater)
    }
}
