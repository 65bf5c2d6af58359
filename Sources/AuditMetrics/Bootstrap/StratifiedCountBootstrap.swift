import Foundation

/// The bootstrap of statistics that depend only on per-group confusion counts.
///
/// **Resampling plan.** Stratified by group (each group keeps its size `n_g`, as in
/// `scipy.stats.bootstrap` with one sample per group): in every replicate, the rows of group `g`
/// are redrawn with replacement from its own rows. The counts of the four cells (TN, FP, FN, TP)
/// of the resampled group then follow Multinomial(`n_g`, `cells_g / n_g`) exactly, so the cells
/// are drawn directly (`MultinomialSampler`, three binomials) instead of `n_g` rows: the cost is
/// independent of the number of rows. Groups are independent given the data.
///
/// **Reproducibility.** Replicate `r` uses `BootstrapRandom(seed:stream:replicate: r)` and draws
/// the groups in the given order; its values go to slot `r`. Threads only change who computes a
/// replicate, so results are bit-identical for any `threads`. Use different `stream`s for
/// bootstraps that must be independent under one user seed (e.g. one stream per attribute).
public struct StratifiedCountBootstrap: Sendable {
    /// Number of bootstrap replicates `B`.
    public let replicates: Int
    /// The user's seed (`--seed`).
    public let seed: UInt64
    /// Independent stream under the seed.
    public let stream: UInt64
    /// Worker threads; `≤ 0` means one per active processor.
    public let threads: Int

    public init(replicates: Int, seed: UInt64, stream: UInt64, threads: Int) {
        precondition(replicates >= 0, "bootstrap: negative number of replicates")
        self.replicates = replicates
        self.seed = seed
        self.stream = stream
        self.threads = threads
    }

    /// The resampled table of replicate `replicate`: group `g`'s cells drawn from
    /// Multinomial(`n_g`, `groups[g] / n_g`), in order, with the replicate's own generator.
    public func resample(groups: [SIMD4<Int>], replicate: Int) -> [SIMD4<Int>] {
        var table = groups
        resample(groups, into: &table, replicate: replicate)
        return table
    }

    @inline(__always)
    func resample(_ groups: [SIMD4<Int>], into table: inout [SIMD4<Int>], replicate: Int) {
        var generator = BootstrapRandom(seed: seed, stream: stream, replicate: UInt64(replicate))
        for g in groups.indices {
            table[g] = MultinomialSampler.resample(counts: groups[g], using: &generator)
        }
    }

    /// For each replicate, every group's 4 cells are redrawn as Multinomial(n_g, cells_g / n_g)
    /// (group size fixed), and each statistic is evaluated on the resampled table (one
    /// `SIMD4<Int>` per group, same order).
    ///
    /// - Returns: `values[statistic][replicate]`; nil where a statistic is undefined on a
    ///   replicate (e.g. a rate whose denominator was resampled to 0).
    public func run(groups: [SIMD4<Int>], statistics: [@Sendable ([SIMD4<Int>]) -> Double?]) -> [[Double?]] {
        precondition(groups.allSatisfy { all($0 .>= 0) }, "bootstrap: negative cell count")
        let b = replicates
        let s = statistics.count
        if b == 0 || s == 0 { return Array(repeating: Array(repeating: nil, count: b), count: s) }
        let buffer = UnsafeMutableBufferPointer<Double?>.allocate(capacity: s * b)
        buffer.initialize(repeating: nil)
        defer { buffer.deallocate() }
        nonisolated(unsafe) let slots = buffer

        let workers = max(1, min(b, threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount))
        let work: @Sendable (Range<Int>) -> Void = { range in
            var table = groups
            for r in range {
                self.resample(groups, into: &table, replicate: r)
                for k in 0..<s {
                    slots[k * b + r] = statistics[k](table)
                }
            }
        }
        if workers == 1 {
            work(0..<b)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                work((w * b / workers)..<((w + 1) * b / workers))
            }
        }
        return (0..<s).map { k in Array(slots[(k * b)..<((k + 1) * b)]) }
    }

    /// Jackknife over rows, grouped by cell: removing one row of cell `c` of group `g` gives the
    /// same value `θ_gc` for all `n_gc` such rows, so the leave-one-out values and their
    /// multiplicities `m_i = n_gc` are enough (at most 4 evaluations per group, whatever the
    /// number of rows).
    ///
    ///     a = Σ m_i (θ̄ − θ_i)³ / (6 [Σ m_i (θ̄ − θ_i)²]^{3/2}),   θ̄ = Σ m_i θ_i / Σ m_i
    ///
    /// (Efron & Tibshirani 1993, *An Introduction to the Bootstrap*, eq. 14.15), the jackknife
    /// being over all `N = Σ n_g` rows pooled. Differences are formed as `(θ_i − θ̂)` before
    /// averaging, to avoid cancellation when `N` is large.
    ///
    /// Note: for several samples, `scipy.stats.bootstrap` jackknifes each sample separately and
    /// sums `Σ_i U_ji³ / n_j³` and `Σ_i U_ji² / n_j²` with `U_ji = (n_j − 1)(θ̄_j − θ_ji)`; with one
    /// group the two coincide exactly, with several they differ at order 1/n.
    ///
    /// - Returns: nil if the statistic is undefined on the full table or on any leave-one-out
    ///   table, or if all leave-one-out values are equal (zero jackknife variance).
    public static func acceleration(groups: [SIMD4<Int>], statistic: ([SIMD4<Int>]) -> Double?) -> Double? {
        guard let estimate = statistic(groups), estimate.isFinite else { return nil }
        var deltas: [Double] = []
        var weights: [Double] = []
        var table = groups
        for g in groups.indices {
            for c in 0..<4 where groups[g][c] > 0 {
                table[g][c] -= 1
                let value = statistic(table)
                table[g][c] += 1
                guard let value, value.isFinite else { return nil }
                deltas.append(value - estimate)
                weights.append(Double(groups[g][c]))
            }
        }
        return acceleration(deltas: deltas, multiplicities: weights)
    }

    /// The acceleration from leave-one-out deviations `θ_i − θ̂` and their multiplicities
    /// (the formula above); shared by `acceleration(groups:statistic:)` and the audit's
    /// bootstrap, which evaluates all its statistics on each leave-one-out table at once.
    static func acceleration(deltas: [Double], multiplicities weights: [Double]) -> Double? {
        let total = weights.reduce(0, +)
        guard total > 0 else { return nil }
        var mean = 0.0
        for i in deltas.indices { mean += weights[i] * deltas[i] }
        mean /= total
        var s2 = 0.0, s3 = 0.0
        for i in deltas.indices {
            let d = mean - deltas[i]
            s2 += weights[i] * d * d
            s3 += weights[i] * d * d * d
        }
        guard s2 > 0 else { return nil }
        let a = s3 / (6 * s2 * s2.squareRoot())
        return a.isFinite ? a : nil
    }
}
