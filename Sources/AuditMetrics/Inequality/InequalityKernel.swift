import Foundation

/// Row multipliers `m_i ≥ 0` applied to the sample's weights in one evaluation of the kernel:
/// Poisson(1) counts (bootstrap), 0/1 (jackknife) or 1 (the sample itself).
///
/// Rows are visited in sorted order, block by block (`InequalityKernel.blockSize`); within a
/// block `next(row:)` is called once per row in increasing order after `startBlock`. Calling
/// `startBlock(b)` again must replay the same multipliers (the shares' second look at a block).
protocol RowMultipliers {
    mutating func startBlock(_ block: Int)
    mutating func next(row: Int) -> Double
}

/// All multipliers 1: the sample itself.
struct UnitMultipliers: RowMultipliers {
    mutating func startBlock(_ block: Int) {}
    @inline(__always) mutating func next(row: Int) -> Double { 1 }
}

/// Poisson(1) multipliers of bootstrap replicate `replicate`: block `b`'s rows are drawn in order
/// from `BootstrapRandom(seed:stream:replicate: replicate·2³² + b)`, so a block can be redrawn
/// alone and the draws do not depend on how replicates or blocks are spread over threads.
struct PoissonMultipliers: RowMultipliers {
    let seed: UInt64, stream: UInt64, replicate: Int
    var generator: BootstrapRandom
    let guide = PoissonOneSampler.guide
    let thresholds = PoissonOneSampler.thresholdPointer

    init(seed: UInt64, stream: UInt64, replicate: Int) {
        self.seed = seed
        self.stream = stream
        self.replicate = replicate
        self.generator = BootstrapRandom(seed: seed, stream: stream, replicate: Self.key(replicate: replicate, block: 0))
    }

    /// `replicate·2³² + block` (replicates and blocks < 2³²).
    static func key(replicate: Int, block: Int) -> UInt64 { UInt64(replicate) << 32 | UInt64(block) }

    mutating func startBlock(_ block: Int) {
        generator = BootstrapRandom(seed: seed, stream: stream, replicate: Self.key(replicate: replicate, block: block))
    }

    @inline(__always) mutating func next(row: Int) -> Double {
        Double(PoissonOneSampler.draw(generator.next(), guide: guide, thresholds: thresholds))
    }
}

/// Jackknife multipliers: 0 for the rows left out, 1 otherwise. Either one row (`row`), or every
/// row whose `group[row] == group` (delete-a-group).
struct LeaveOutMultipliers: RowMultipliers {
    let leftOutRow: Int
    let groupOfRow: [UInt8]
    let leftOutGroup: UInt8

    init(row: Int) { leftOutRow = row; groupOfRow = []; leftOutGroup = 0 }
    init(group: UInt8, groupOfRow: [UInt8]) { leftOutRow = -1; self.groupOfRow = groupOfRow; leftOutGroup = group }

    mutating func startBlock(_ block: Int) {}
    @inline(__always) mutating func next(row: Int) -> Double {
        if leftOutRow >= 0 { return row == leftOutRow ? 0 : 1 }
        return groupOfRow[row] == leftOutGroup ? 0 : 1
    }
}

/// The O(n) engine behind the bootstrap and jackknife: for row multipliers `m_i`, the weights
/// `e_i = m_i w_i` give every requested index in one pass over the sorted sample (no re-sort).
///
/// With `r_i = x_i/μ₀` (μ₀ the sample's mean, for scale), it accumulates, in sorted order,
/// * sums `Σ e_i f(r_i)` of the features the indices need — `1` (→ W), `r` (→ S), `(r − 1)²`,
///   `ln r`, `r ln r`, `r^a` — eight to a `SIMD8<Double>` lane group (lane-wise, so the order of
///   additions is fixed);
/// * for the Gini, `H = Σ e_i D_i`, `D_i = D_{i−1} + C_{i−1}(r_i − r_{i−1})` (see
///   `Inequality.value`);
/// * for quantile shares, the cumulative `(C, S)` at each block end; a cut `pW` is then located
///   by replaying the multipliers of the one block containing it.
///
/// From these (`m = S/W = μ/μ₀`): GE(1) = `Σe r ln r / S − ln m`; GE(0) = `ln m − Σe ln r / W`;
/// GE(α) = `((Σe r^α / W)/m^α − 1)/(α(α−1))`; GE(2) = `v/(2m²)`, CV = `√v / m` with
/// `v = Σe (r−1)²/W − (m − 1)²`; Atkinson `1 − (Σe r^{1−ε}/W)^{1/(1−ε)}/m`, `1 − exp(Σe ln r/W)/m`;
/// shares and Palma from `L(p)` as in `Inequality.lorenzOrdinates`.
struct InequalityKernel: Sendable {
    /// Rows per random-number block (and per `(C, S)` checkpoint).
    static let blockSize = 65_536
    /// Rows per cache chunk: all replicates of a worker go over one chunk before the next.
    static let chunkSize = 4_096

    enum Feature: Hashable { case weight, total, centeredSquare, log, xLog, power(Double) }

    let indices: [InequalityIndex]
    let n: Int
    let r: [Double]
    let w: [Double]
    let gap: [Double]
    let features: [Feature]
    let lane: [Feature: Int]
    /// Number of `SIMD8` lane groups per row.
    let groups: Int
    /// Row-major: `values[i·groups + g]`.
    let table: [SIMD8<Double>]
    let needsGini: Bool
    /// Sorted distinct cut points in (0, 1).
    let cuts: [Double]

    /// A kernel for those of `indices` that are defined on `sample` (callers check).
    init(indices: [InequalityIndex], sample: AllocationSample) {
        self.indices = indices
        let mu0 = sample.mean!
        let n = sample.count
        self.n = n
        let r = sample.values.map { $0 / mu0 }
        self.r = r
        self.w = sample.weights
        var gap = [Double](repeating: 0, count: n)
        for i in 1..<max(n, 1) { gap[i] = r[i] - r[i - 1] }
        self.gap = gap
        var features: [Feature] = [.weight, .total]
        var gini = false
        var cuts: Set<Double> = []
        func add(_ f: Feature) { if !features.contains(f) { features.append(f) } }
        for index in indices {
            switch index {
            case .gini: gini = true
            case .theilT: add(.xLog)
            case .theilL: add(.log)
            case .generalizedEntropy(let a):
                if a == 1 { add(.xLog) } else if a == 0 { add(.log) } else if a == 2 { add(.centeredSquare) } else { add(.power(a)) }
            case .atkinson(let e):
                if e == 1 { add(.log) } else if e > 0 { add(.power(1 - e)) }
            case .coefficientOfVariation: add(.centeredSquare)
            case .palma: cuts.insert(0.4); cuts.insert(0.9)
            case .quantileShare(let lower, let upper):
                for p in [lower, upper] where p > 0 && p < 1 { cuts.insert(p) }
            }
        }
        self.features = features
        self.lane = Dictionary(uniqueKeysWithValues: features.enumerated().map { ($1, $0) })
        self.needsGini = gini
        self.cuts = cuts.sorted()
        let groups = (features.count + 7) / 8
        self.groups = groups
        var table = [SIMD8<Double>](repeating: .zero, count: n * groups)
        for i in 0..<n {
            let ri = r[i], wi = sample.weights[i]
            for (k, f) in features.enumerated() {
                let v: Double
                switch f {
                case .weight: v = 1
                case .total: v = ri
                case .centeredSquare: v = (ri - 1) * (ri - 1)
                case .log: v = Foundation.log(ri)
                case .xLog: v = ri == 0 ? 0 : ri * Foundation.log(ri)
                case .power(let a): v = ri == 0 ? 0 : Foundation.pow(ri, a)
                }
                table[i * groups + k / 8][k % 8] = wi * v
            }
        }
        self.table = table
    }

    /// Index values of `indices` (nil where undefined) for each multiplier set, in order.
    /// Block-major: for each chunk of rows, every multiplier set is advanced over it.
    func evaluate<M: RowMultipliers>(_ multipliers: inout [M]) -> [[Double?]] {
        let count = multipliers.count
        let blocks = (n + Self.blockSize - 1) / Self.blockSize
        var sums = [SIMD8<Double>](repeating: .zero, count: count * groups)
        var gini = [SIMD4<Double>](repeating: .zero, count: count)  // (C, D, H, previous r)
        var checkpoints = [SIMD2<Double>](repeating: .zero, count: cuts.isEmpty ? 0 : count * blocks)
        table.withUnsafeBufferPointer { table in
        w.withUnsafeBufferPointer { w in
        gap.withUnsafeBufferPointer { gap in
        sums.withUnsafeMutableBufferPointer { sums in
        multipliers.withUnsafeMutableBufferPointer { multipliers in
            for b in 0..<blocks {
                let blockEnd = min(n, (b + 1) * Self.blockSize)
                for k in 0..<count { multipliers[k].startBlock(b) }
                var start = b * Self.blockSize
                while start < blockEnd {
                    let end = min(blockEnd, start + Self.chunkSize)
                    for k in 0..<count {
                        var source = multipliers[k]
                        defer { multipliers[k] = source }
                        if groups == 1 {
                            var acc = sums[k]
                            if needsGini {
                                var g = gini[k]
                                var c = g[0], d = g[1], h = g[2]
                                for i in start..<end {
                                    let m = source.next(row: i)
                                    acc += SIMD8(repeating: m) * table[i]
                                    let e = m * w[i]
                                    d += c * gap[i]
                                    h += e * d
                                    c += e
                                }
                                g[0] = c; g[1] = d; g[2] = h
                                gini[k] = g
                            } else {
                                for i in start..<end {
                                    let m = source.next(row: i)
                                    acc += SIMD8(repeating: m) * table[i]
                                }
                            }
                            sums[k] = acc
                        } else {
                            var g = gini[k]
                            var c = g[0], d = g[1], h = g[2]
                            let base = k * groups
                            for i in start..<end {
                                let m = source.next(row: i)
                                let mv = SIMD8(repeating: m)
                                for q in 0..<groups { sums[base + q] += mv * table[i * groups + q] }
                                let e = m * w[i]
                                d += c * gap[i]
                                h += e * d
                                c += e
                            }
                            g[0] = c; g[1] = d; g[2] = h
                            gini[k] = g
                        }
                    }
                    start = end
                }
                if !cuts.isEmpty {
                    for k in 0..<count { checkpoints[k * blocks + b] = SIMD2(sums[k * groups][0], sums[k * groups][1]) }
                }
            }
        }}}}}
        var out: [[Double?]] = []
        out.reserveCapacity(count)
        for k in 0..<count {
            let s = Array(sums[(k * groups)..<((k + 1) * groups)])
            var lorenz: [Double: Double] = [:]
            if !cuts.isEmpty {
                let points = cutOrdinates(&multipliers[k], checkpoints: Array(checkpoints[(k * blocks)..<((k + 1) * blocks)]))
                for (p, l) in zip(cuts, points) { lorenz[p] = l }
            }
            out.append(indices.map { value($0, sums: s, gini: gini[k][2], lorenz: lorenz) })
        }
        return out
    }

    /// `L(p)` at each cut: the block whose end checkpoint reaches `pW` is replayed.
    func cutOrdinates<M: RowMultipliers>(_ multipliers: inout M, checkpoints: [SIMD2<Double>]) -> [Double] {
        let total = checkpoints.last![0], totalS = checkpoints.last![1]
        guard total > 0, totalS > 0 else { return cuts.map { _ in .nan } }
        return cuts.map { p in
            let t = p * total
            let b = checkpoints.firstIndex { $0[0] >= t } ?? (checkpoints.count - 1)
            var c = b == 0 ? 0 : checkpoints[b - 1][0]
            var s = b == 0 ? 0 : checkpoints[b - 1][1]
            multipliers.startBlock(b)
            for i in (b * Self.blockSize)..<min(n, (b + 1) * Self.blockSize) {
                let e = multipliers.next(row: i) * w[i]
                if c + e >= t { return min(1, (s + (t - c) * r[i]) / totalS) }
                c += e
                s += e * r[i]
            }
            return 1
        }
    }

    /// Feature sum `f` (see `features`).
    @inline(__always)
    func sum(_ f: Feature, _ sums: [SIMD8<Double>]) -> Double {
        let k = lane[f]!
        return sums[k / 8][k % 8]
    }

    /// One index from the accumulated sums; nil when undefined or not finite.
    func value(_ index: InequalityIndex, sums: [SIMD8<Double>], gini h: Double, lorenz: [Double: Double]) -> Double? {
        let total = sum(.weight, sums), s = sum(.total, sums)
        guard total > 0, s > 0 else { return nil }
        let m = s / total
        func ordinate(_ p: Double) -> Double { p <= 0 ? 0 : p >= 1 ? 1 : lorenz[p]! }
        func variance() -> Double { max(0, sum(.centeredSquare, sums) / total - (m - 1) * (m - 1)) }
        func ge(_ a: Double) -> Double {
            if a == 1 { return sum(.xLog, sums) / s - Foundation.log(m) }
            if a == 0 { return Foundation.log(m) - sum(.log, sums) / total }
            if a == 2 { return variance() / (2 * m * m) }
            return ((sum(.power(a), sums) / total) / Foundation.pow(m, a) - 1) / (a * (a - 1))
        }
        let v: Double
        switch index {
        case .gini: v = h / (total * s)
        case .theilT, .theilL, .generalizedEntropy: v = ge(index.entropyAlpha!)
        case .atkinson(let e):
            if e == 0 { v = 0 } else if e == 1 { v = 1 - Foundation.exp(sum(.log, sums) / total) / m } else {
                v = 1 - Foundation.pow(sum(.power(1 - e), sums) / total, 1 / (1 - e)) / m
            }
        case .coefficientOfVariation: v = variance().squareRoot() / m
        case .palma:
            let bottom = ordinate(0.4)
            guard bottom > 0 else { return nil }
            v = (1 - ordinate(0.9)) / bottom
        case .quantileShare(let lower, let upper): v = ordinate(upper) - ordinate(lower)
        }
        return v.isFinite ? v : nil
    }
}
