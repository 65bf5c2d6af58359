import Dispatch
import Foundation

/// Bootstrap confidence intervals of inequality indices by the **Poisson bootstrap**.
///
/// **Resampling plan.** Each replicate gives every row an independent Poisson(1) multiplier
/// `m_i` of its weight (Hanley & MacGibbon 2006, "Creating non-parametric bootstrap samples using
/// Poisson frequencies", *Comput. Methods Programs Biomed.* 83; Chamandy et al. 2012, "Estimating
/// uncertainty for massive data streams", Google): the rows are independent, so a replicate can
/// be computed in one streaming pass, in parallel, and its total size varies (`Σ m_i ≈ n ± √n`)
/// instead of being fixed at n as in the multinomial bootstrap — the two agree to O(1/n). Weights
/// `w_i` (survey weights) become `m_i w_i`. On the pre-sorted sample a replicate costs O(n): the
/// multipliers are applied in sorted order and nothing is re-sorted (`InequalityKernel`); all
/// requested indices come from the same pass.
///
/// **Reproducibility.** The multipliers of replicate `r` on rows `65 536·b …` (block `b`) are
/// drawn in row order from `BootstrapRandom(seed:stream:replicate: r·2³² + b)` by exact
/// inversion (`PoissonOneSampler`). Replicates are spread over threads in contiguous ranges; each
/// is computed by one thread in a fixed order and written to its own slot, so values are
/// bit-identical for any `threads`, and replicate `r` does not depend on `replicates`.
///
/// **Intervals.** `BootstrapIntervals.percentile` or `.bca` on the replicate values (replicates
/// where an index is undefined — e.g. a total weight of 0 — are dropped under that type's 10 %
/// rule). BCa's acceleration `a = Σ d_j³ / (6 (Σ d_j²)^{3/2})`, `d_j = θ̄ − θ_(j)`, comes from a
/// jackknife:
/// * `n ≤ 10 000` rows: the delete-one jackknife (Efron & Tibshirani 1993, eq. 14.15), n
///   evaluations of O(n) each;
/// * `n > 10 000`: a **delete-a-group jackknife with 64 groups** (Kott 2001, "The delete-a-group
///   jackknife", *J. Official Statistics* 17(4)): rows are put in random order
///   (Fisher–Yates with `BootstrapRandom(seed:stream:replicate: 2⁶⁴−1)`, `next() % (i+1)`) and row
///   `k` of that order goes to group `k mod 64`; `θ_(j)` leaves out group `j`. The formula is
///   unchanged: the third and second cumulants of a group's summed influence are m times those of
///   one row, so the ratio estimates the same `a` (with 63 degrees of freedom). Random rather
///   than systematic (sorted-order) groups are essential: groups spread evenly over the sorted
///   values would have nearly equal influence sums and shrink `Σ d²`.
/// The estimate θ̂ for BCa is `Inequality.value(_:of:)`.
public struct InequalityBootstrap: Sendable {
    /// Number of replicates B.
    public let replicates: Int
    /// The user's seed.
    public let seed: UInt64
    /// Independent stream under the seed (e.g. one per audited column).
    public let stream: UInt64
    /// Worker threads; `≤ 0` means one per active processor.
    public let threads: Int

    /// Above this many rows, BCa uses the 64-group jackknife.
    public static let deleteOneLimit = 10_000
    /// Groups of the delete-a-group jackknife.
    public static let jackknifeGroups = 64

    public init(replicates: Int, seed: UInt64, stream: UInt64, threads: Int) {
        precondition(replicates >= 0 && replicates < 1 << 32, "bootstrap: number of replicates outside [0, 2³²)")
        self.replicates = replicates
        self.seed = seed
        self.stream = stream
        self.threads = threads
    }

    /// Replicate values of each index (length `replicates`; nil where undefined). An index that
    /// is undefined on `sample` itself gets no replicates (absent from the result).
    public func replicateValues(_ indices: [InequalityIndex], sample: AllocationSample) -> [InequalityIndex: [Double?]] {
        let defined = Self.definedIndices(indices, sample: sample)
        guard !defined.isEmpty else { return [:] }
        let kernel = InequalityKernel(indices: defined, sample: sample)
        let (seed, stream) = (self.seed, self.stream)
        let rows = Self.parallel(count: replicates, threads: threads) { range in
            var multipliers = range.map { PoissonMultipliers(seed: seed, stream: stream, replicate: $0) }
            return kernel.evaluate(&multipliers)
        }
        var out: [InequalityIndex: [Double?]] = [:]
        for (k, index) in defined.enumerated() { out[index] = rows.map { $0[k] } }
        return out
    }

    /// Intervals at `level` for the requested indices; an index undefined on `sample`, or
    /// whose interval cannot be formed (too many undefined replicates, degenerate BCa), is
    /// absent from the result.
    public func intervals(_ indices: [InequalityIndex], sample: AllocationSample, level: Double, method: BootstrapInterval.Method) -> [InequalityIndex: BootstrapInterval] {
        let values = replicateValues(indices, sample: sample)
        guard !values.isEmpty else { return [:] }
        var out: [InequalityIndex: BootstrapInterval] = [:]
        switch method {
        case .percentile:
            for (index, v) in values { out[index] = BootstrapIntervals.percentile(v, level: level) }
        case .bca:
            let defined = Self.definedIndices(indices, sample: sample)
            let accelerations = self.accelerations(defined, sample: sample)
            for (k, index) in defined.enumerated() {
                guard let v = values[index], let a = accelerations[k], let estimate = Inequality.value(index, of: sample).value else { continue }
                out[index] = BootstrapIntervals.bca(v, estimate: estimate, acceleration: a, level: level)
            }
        }
        return out
    }

    /// Jackknife accelerations of `indices` (all defined on `sample`): delete-one up to
    /// `deleteOneLimit` rows, delete-a-group (64 random groups) beyond. nil where a leave-out
    /// value is undefined or all are equal.
    public func accelerations(_ indices: [InequalityIndex], sample: AllocationSample) -> [Double?] {
        let kernel = InequalityKernel(indices: indices, sample: sample)
        let n = sample.count
        let rows: [[Double?]]
        if n <= Self.deleteOneLimit {
            rows = Self.parallel(count: n, threads: threads) { range in
                var multipliers = range.map { LeaveOutMultipliers(row: $0) }
                return kernel.evaluate(&multipliers)
            }
        } else {
            let group = Self.randomGroups(count: n, groups: Self.jackknifeGroups, seed: seed, stream: stream)
            rows = Self.parallel(count: Self.jackknifeGroups, threads: threads) { range in
                var multipliers = range.map { LeaveOutMultipliers(group: UInt8($0), groupOfRow: group) }
                return kernel.evaluate(&multipliers)
            }
        }
        return indices.indices.map { k in
            var deltas: [Double] = []
            deltas.reserveCapacity(rows.count)
            for row in rows {
                guard let v = row[k] else { return nil }
                deltas.append(v)
            }
            let mean = deltas.reduce(0, +) / Double(deltas.count)
            return StratifiedCountBootstrap.acceleration(deltas: deltas.map { $0 - mean }, multiplicities: [Double](repeating: 1, count: deltas.count))
        }
    }

    /// Group of each sorted row: its position in a seeded random permutation, mod `groups`.
    static func randomGroups(count n: Int, groups: Int, seed: UInt64, stream: UInt64) -> [UInt8] {
        var order = Array(0..<n)
        var generator = BootstrapRandom(seed: seed, stream: stream, replicate: .max)
        if n > 1 {
            for i in stride(from: n - 1, to: 0, by: -1) {
                let j = Int(generator.next() % UInt64(i + 1))
                order.swapAt(i, j)
            }
        }
        var group = [UInt8](repeating: 0, count: n)
        for (position, row) in order.enumerated() { group[row] = UInt8(position % groups) }
        return group
    }

    /// The indices of `indices` defined on `sample` (deduplicated, in order).
    static func definedIndices(_ indices: [InequalityIndex], sample: AllocationSample) -> [InequalityIndex] {
        var seen: Set<InequalityIndex> = []
        return indices.filter { seen.insert($0).inserted && Inequality.value($0, of: sample).value != nil }
    }

    /// Runs `work` on contiguous ranges of `0..<count` over up to `threads` workers; each range's
    /// rows go to their own slots, so the result does not depend on `threads`.
    static func parallel(count: Int, threads: Int, _ work: @escaping @Sendable (Range<Int>) -> [[Double?]]) -> [[Double?]] {
        guard count > 0 else { return [] }
        let workers = max(1, min(count, threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount))
        let buffer = UnsafeMutableBufferPointer<[Double?]>.allocate(capacity: count)
        buffer.initialize(repeating: [])
        defer { buffer.deinitialize(); buffer.deallocate() }
        nonisolated(unsafe) let slots = buffer
        if workers == 1 {
            for (k, row) in work(0..<count).enumerated() { slots[k] = row }
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                let range = (w * count / workers)..<((w + 1) * count / workers)
                for (k, row) in work(range).enumerated() { slots[range.lowerBound + k] = row }
            }
        }
        return Array(slots)
    }
}
