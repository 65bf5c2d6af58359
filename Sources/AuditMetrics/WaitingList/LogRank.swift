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
        var sums = LogRankSums(groupCount: groupCount)
        let size = times.groupSizes
        sums.add(sizes: size) { times.forEachTime(at: nil, $0) }
        let present = (0..<groupCount).filter { size[$0] > 0 }
        degreesOfFreedom = max(0, present.count - 1)
        observed = sums.observed
        expected = sums.expected
        (statistic, pValue) = sums.chiSquare(present: present, what: "log-rank")
    }
}
