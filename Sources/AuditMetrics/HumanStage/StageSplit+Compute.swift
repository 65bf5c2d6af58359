extension StageSplit {
    /// The three gaps of `group` against `reference` from their 4-cell tables (index
    /// `2·grid + actual`), as exact integer numerators over `n_g·n_r` when the products fit in
    /// 64 bits; nil when either table is empty.
    static func gaps(_ g: SIMD4<Int>, _ r: SIMD4<Int>) -> (actual: Double, grid: Double, human: Double, exact: (Int, Int, Int)?)? {
        let ng = g.wrappedSum(), nr = r.wrappedSum()
        guard ng > 0, nr > 0 else { return nil }
        let sg = g[2] + g[3], sr = r[2] + r[3], ag = g[1] + g[3], ar = r[1] + r[3]
        let (d, o1) = ng.multipliedReportingOverflow(by: nr)
        let (x1, o2) = sg.multipliedReportingOverflow(by: nr), (x2, o3) = sr.multipliedReportingOverflow(by: ng)
        let (y1, o4) = ag.multipliedReportingOverflow(by: nr), (y2, o5) = ar.multipliedReportingOverflow(by: ng)
        if !(o1 || o2 || o3 || o4 || o5) {
            let grid = x1 - x2, actual = y1 - y2, human = actual - grid
            let dd = Double(d)
            return (Double(actual) / dd, Double(grid) / dd, Double(human) / dd, (d, grid, human))
        }
        let grid = Double(sg) / Double(ng) - Double(sr) / Double(nr)
        let actual = Double(ag) / Double(ng) - Double(ar) / Double(nr)
        return (actual, grid, actual - grid, nil)
    }

    /// The stage split of each group in `groups` against `reference`, with bootstrap intervals.
    ///
    /// - Parameters:
    ///   - cells: every group's 4-cell table (index `2·grid + actual`), in group-code order.
    ///   - replicates: bootstrap replicates B (0: no intervals).
    ///   - stream: the bootstrap's stream under `inference.seed` (one per attribute).
    ///   - threads: worker threads; the result does not depend on them.
    /// - Returns: one split per group of `groups` (the reference and out-of-range codes skipped).
    public static func split(cells: [SIMD4<Int>], reference: Int, groups: [Int], inference: InferenceSpec, replicates: Int,
                             stream: UInt64, threads: Int) -> [StageSplit] {
        guard cells.indices.contains(reference) else { return [] }
        let compared = groups.filter { $0 != reference && cells.indices.contains($0) }
        var statistics: [@Sendable ([SIMD4<Int>]) -> Double?] = []
        for g in compared {
            statistics.append { t in gaps(t[g], t[reference])?.actual }
            statistics.append { t in gaps(t[g], t[reference])?.grid }
            statistics.append { t in gaps(t[g], t[reference])?.human }
        }
        let engine = StratifiedCountBootstrap(replicates: replicates, seed: inference.seed, stream: stream, threads: threads)
        let values = replicates > 0 ? engine.run(groups: cells, statistics: statistics) : []
        func interval(_ k: Int) -> MetricInterval? {
            guard replicates > 0 else { return nil }
            let result: BootstrapInterval?
            switch inference.bootstrapMethod {
            case .percentile:
                result = BootstrapIntervals.percentile(values[k], level: inference.level)
            case .bca:
                guard let estimate = statistics[k](cells),
                      let acceleration = StratifiedCountBootstrap.acceleration(groups: cells, statistic: statistics[k]) else {
                    // No jackknife spread (a constant statistic): the percentile interval.
                    result = BootstrapIntervals.percentile(values[k], level: inference.level)
                    break
                }
                result = BootstrapIntervals.bca(values[k], estimate: estimate, acceleration: acceleration, level: inference.level)
            }
            guard let result, result.low.isFinite, result.high.isFinite else { return nil }
            return MetricInterval(low: result.low, high: result.high, method: result.method == .bca ? .bootstrapBCa : .bootstrapPercentile)
        }
        return compared.enumerated().map { i, g in
            let ng = cells[g].wrappedSum(), nr = cells[reference].wrappedSum()
            guard let v = gaps(cells[g], cells[reference]) else {
                let why = MetricValue.undefined(reason: ng == 0 ? "empty group: no rows" : "empty reference group: no rows")
                return StageSplit(group: g, reference: reference, groupRows: ng, referenceRows: nr, actualGap: why, gridStageGap: why, humanStageGap: why,
                                  actualGapInterval: nil, gridStageGapInterval: nil, humanStageGapInterval: nil, exact: nil)
            }
            return StageSplit(group: g, reference: reference, groupRows: ng, referenceRows: nr,
                              actualGap: .defined(v.actual), gridStageGap: .defined(v.grid), humanStageGap: .defined(v.human),
                              actualGapInterval: interval(3 * i), gridStageGapInterval: interval(3 * i + 1), humanStageGapInterval: interval(3 * i + 2),
                              exact: v.exact.map { (denominator: $0.0, gridNumerator: $0.1, humanNumerator: $0.2) })
        }
    }
}
