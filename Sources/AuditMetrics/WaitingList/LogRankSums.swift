import LinearAlgebra

/// The sums behind a log-rank test: per group, observed and expected allocations, and the
/// variance matrix of observed − expected (``LogRank`` for the formulas). Sums over strata
/// give the stratified test (``StratifiedLogRank``).
struct LogRankSums: Sendable {
    let groupCount: Int
    private(set) var observed: [Double]
    private(set) var expected: [Double]
    /// Row-major groupCount × groupCount.
    private(set) var variance: [Double]

    init(groupCount: Int) {
        self.groupCount = groupCount
        observed = [Double](repeating: 0, count: groupCount)
        expected = observed
        variance = [Double](repeating: 0, count: groupCount * groupCount)
    }

    /// Adds the terms of one set of applicants (a whole list or one stratum) of `sizes[g]` rows
    /// per group: at each distinct allocation time with n at risk and d allocations,
    /// O_g += d_g, E_g += d·n_g/n, V_gh += d(n − d)/(n − 1)·(n_g/n)(δ_gh − n_h/n) (n > 1).
    /// `walk` gives the distinct times in ascending order, as ``WaitingTimes/forEachTime(at:_:)``
    /// does: the groups with rows there, and per group code its allocations and rows there.
    mutating func add(sizes: [Int], walk: ((_ touched: UnsafeBufferPointer<Int>, _ time: UnsafeBufferPointer<Double>,
                                              _ events: UnsafeBufferPointer<Int>, _ removed: UnsafeBufferPointer<Int>) -> Void) -> Void) {
        var atRisk = sizes
        let present = (0..<groupCount).filter { atRisk[$0] > 0 }
        var total = sizes.reduce(0, +)
        walk { touched, _, d, removed in
            var dAll = 0, removedAll = 0
            for g in touched { dAll += d[g]; removedAll += removed[g] }
            if dAll > 0 {
                let n = Double(total), dd = Double(dAll)
                for g in present {
                    observed[g] += Double(d[g])
                    expected[g] += dd * Double(atRisk[g]) / n
                }
                if total > 1 {
                    let factor = dd * (n - dd) / (n - 1) / (n * n)
                    for a in present {
                        let na = Double(atRisk[a])
                        for b in present {
                            let nb = Double(atRisk[b])
                            variance[a * groupCount + b] += factor * na * ((a == b ? n : 0) - nb)
                        }
                    }
                }
            }
            for g in touched { atRisk[g] -= removed[g] }
            total -= removedAll
        }
    }

    /// (O − E)ᵀ V⁻¹ (O − E) over the first k − 1 of the `present` groups (any k − 1 give the
    /// same value), solved by Cholesky (LAPACK `dposv`), with its chi-square p-value on k − 1
    /// degrees of freedom; `what` names the test in the reasons.
    func chiSquare(present: [Int], what: String) -> (statistic: MetricValue, pValue: MetricValue) {
        let k = present.count
        guard k >= 2 else {
            let undefined = MetricValue.undefined(reason: "the \(what) test needs at least 2 groups with applicants")
            return (undefined, undefined)
        }
        let kept = Array(present.prefix(k - 1))
        let diff = kept.map { observed[$0] - expected[$0] }
        let rows = kept.map { a in kept.map { b in variance[a * groupCount + b] } }
        guard let matrix = try? Matrix(rows: rows), let solution = try? LAPACK.choleskySolve(matrix, diff) else {
            let undefined = MetricValue.undefined(reason: "the \(what) covariance matrix is singular (a group has no one at risk at any allocation time, or no allocation at all)")
            return (undefined, undefined)
        }
        var x = 0.0
        for (a, b) in zip(diff, solution) { x += a * b }
        let p = ChiSquared.survival(max(0, x), degreesOfFreedom: Double(k - 1))
        return (.defined(max(0, x)), PublishedPValue.metricValue(p, what: "the \(what) p-value"))
    }
}
