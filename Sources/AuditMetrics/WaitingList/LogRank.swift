import LinearAlgebra

/// The log-rank test that k groups share one time-to-allocation distribution (Mantel 1966;
/// Peto & Peto 1972), chi-square with k − 1 degrees of freedom, k the groups with applicants.
///
/// At each distinct allocation time t with n at risk and d allocations (n_g, d_g per group):
/// O_g = Σ d_g, E_g = Σ d·n_g/n, V_gh = Σ d(n − d)/(n − 1)·(n_g/n)(δ_gh − n_h/n) (terms with
/// n = 1 are 0). Statistic (O − E)ᵀ V⁻¹ (O − E) over the first k − 1 groups (any k − 1 give
/// the same value), solved by Cholesky (LAPACK `dposv`); p = `ChiSquared.survival`, published as
/// the upper bound 1e-300 below it (``PublishedPValue``).
/// lifelines `statistics.multivariate_logrank_test` (which uses a pseudo-inverse).
public struct LogRank: Sendable, Equatable {
    public let statistic: MetricValue
    public let degreesOfFreedom: Int
    public let pValue: MetricValue
    /// Observed and expected allocations per group code (0 for empty groups).
    public let observed: [Double]
    public let expected: [Double]

    public init(_ times: WaitingTimes) {
        let groupCount = times.groupLabels.count
        var atRisk = [Int](repeating: 0, count: groupCount)
        for g in times.sortedGroups { atRisk[Int(g)] += 1 }
        let present = (0..<groupCount).filter { atRisk[$0] > 0 }
        let k = present.count
        degreesOfFreedom = max(0, k - 1)
        var observed = [Double](repeating: 0, count: groupCount), expected = observed
        var v = [Double](repeating: 0, count: groupCount * groupCount)
        var total = times.count
        let t = times.sortedTimes, e = times.sortedEvents, groups = times.sortedGroups
        var d = [Int](repeating: 0, count: groupCount), removed = d
        var i = 0
        while i < t.count {
            var j = i, dAll = 0
            while j < t.count, t[j] == t[i] {
                let g = Int(groups[j])
                removed[g] += 1
                if e[j] == 1 { d[g] += 1; dAll += 1 }
                j += 1
            }
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
                            v[a * groupCount + b] += factor * na * ((a == b ? n : 0) - nb)
                        }
                    }
                }
            }
            for g in present { atRisk[g] -= removed[g]; removed[g] = 0; d[g] = 0 }
            total -= j - i
            i = j
        }
        self.observed = observed
        self.expected = expected
        guard k >= 2 else {
            statistic = .undefined(reason: "the log-rank test needs at least 2 groups with applicants")
            pValue = statistic
            return
        }
        let kept = Array(present.prefix(k - 1))
        let diff = kept.map { observed[$0] - expected[$0] }
        let rows = kept.map { a in kept.map { b in v[a * groupCount + b] } }
        if let matrix = try? Matrix(rows: rows), let solution = try? LAPACK.choleskySolve(matrix, diff) {
            var x = 0.0
            for (a, b) in zip(diff, solution) { x += a * b }
            statistic = .defined(max(0, x))
            let p = PublishedPValue.bounded(ChiSquared.survival(max(0, x), degreesOfFreedom: Double(k - 1)))
            pValue = p.isUpperBound ? .upperBound(p.value, reason: PublishedPValue.boundReason("the log-rank p-value")) : .defined(p.value)
        } else {
            let reason = "the log-rank covariance matrix is singular (a group has no one at risk at any allocation time, or no allocation at all)"
            statistic = .undefined(reason: reason)
            pValue = statistic
        }
    }
}
