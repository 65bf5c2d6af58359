/// Waiting-list fairness by group (issue 4, point 4): share of the allocated places, exposure,
/// NDKL, and time to allocation with censoring. Each function returns the table's rows
/// (``MetricEntry``) per group code, in code order, and for the whole list.
public enum WaitingListFairness {
    /// Per group: `applicant_share`, `top_k_share` (Wilson), `top_k_share_ratio` (``TopKShare``),
    /// `mean_exposure`, `exposure_share`, `exposure_ratio` (``GroupExposure``); overall: `ndkl`
    /// (``RankedApplicants/ndkl()``) and `top_k` (k itself). `n` is the group's applicants, k
    /// for `top_k_share`, the list's length overall.
    /// - Throws: ``WaitingListInputError/invalidParameter(name:expected:)`` for k out of 0…n or a bad level.
    public static func rankingEntries(_ ranked: RankedApplicants, allocated k: Int, level: Double = 0.95) throws -> (overall: [MetricEntry], groups: [[MetricEntry]]) {
        guard level > 0, level < 1 else { throw WaitingListInputError.invalidParameter(name: "level", expected: "a confidence level in (0, 1)") }
        let top = try ranked.topKShares(k: k, level: level)
        let exposure = ranked.exposures()
        let groups = ranked.groupLabels.indices.map { g -> [MetricEntry] in
            let t = top[g], x = exposure[g]
            return [
                MetricEntry(.applicantShare, t.applicantShare, n: t.applicants),
                MetricEntry(.topKShare, t.topKShare, n: k, interval: t.topKShareInterval),
                MetricEntry(.topKShareRatio, t.ratio, n: t.applicants),
                MetricEntry(.meanExposure, x.meanExposure, n: x.applicants),
                MetricEntry(.exposureShare, x.exposureShare, n: x.applicants),
                MetricEntry(.exposureRatio, x.exposureRatio, n: x.applicants),
            ]
        }
        let overall = [
            MetricEntry(.topK, .defined(Double(k)), n: ranked.count),
            MetricEntry(.ndkl, ranked.ndkl(), n: ranked.count),
        ]
        return (overall, groups)
    }

    /// Kaplan–Meier curves of the whole list and of each group (by code), and the log-rank test.
    public static func survival(_ times: WaitingTimes, level: Double = 0.95) throws -> (overall: KaplanMeier, groups: [KaplanMeier], logRank: LogRank) {
        guard level > 0, level < 1 else { throw WaitingListInputError.invalidParameter(name: "level", expected: "a confidence level in (0, 1)") }
        // Every curve from the counts at each distinct time, gathered in one walk of the rows
        // (``WaitingTimes/countsByGroup()``), not from a copy of each group's rows.
        let counts = times.countsByGroup()
        let overall = KaplanMeier(counts.overall, level: level)
        let groups = counts.groups.map { KaplanMeier($0, level: level) }
        return (overall, groups, LogRank(times))
    }

    /// The common horizon of the restricted mean wait: the earliest of the last observed times
    /// of the groups with applicants (so that every group's curve is known up to it); nil when
    /// no group has applicants.
    public static func commonHorizon(_ groups: [KaplanMeier]) -> Double? {
        groups.compactMap { $0.curve.last?.time }.min()
    }

    /// Per group (and overall): `km_median_wait` (Brookmeyer–Crowley interval when both limits
    /// exist), `km_median_wait_lower`, `km_median_wait_upper`, `km_restricted_mean_wait` (up to
    /// `horizon`, by default ``commonHorizon(_:)``), `allocated` (events); overall also
    /// `km_horizon`, `logrank_chi2`, `logrank_df`, `logrank_p_value`. `n` is the applicants of
    /// the curve, the analysed applicants for the test and the horizon.
    public static func survivalEntries(_ times: WaitingTimes, level: Double = 0.95, horizon: Double? = nil) throws -> (overall: [MetricEntry], groups: [[MetricEntry]]) {
        if let horizon, !(horizon.isFinite && horizon >= 0) {
            throw WaitingListInputError.invalidParameter(name: "horizon", expected: "a finite time ≥ 0")
        }
        let s = try survival(times, level: level)
        let tau = horizon ?? commonHorizon(s.groups)
        func entries(_ km: KaplanMeier) -> [MetricEntry] {
            [
                MetricEntry(.kmMedianWait, km.medianWait, n: km.n, interval: km.medianInterval),
                MetricEntry(.kmMedianWaitLower, km.medianLower, n: km.n),
                MetricEntry(.kmMedianWaitUpper, km.medianUpper, n: km.n),
                MetricEntry(.kmRestrictedMeanWait, tau.map { km.restrictedMeanWait(upTo: $0) } ?? .undefined(reason: "no applicant on the list"), n: km.n),
                MetricEntry(.allocated, .defined(Double(km.events)), n: km.n),
            ]
        }
        let test = s.logRank
        let overall = entries(s.overall) + [
            MetricEntry(.kmHorizon, tau.map { .defined($0) } ?? .undefined(reason: "no applicant on the list"), n: times.count),
            MetricEntry(.logrankChi2, test.statistic, n: times.count),
            MetricEntry(.logrankDF, .defined(Double(test.degreesOfFreedom)), n: times.count),
            MetricEntry(.logrankPValue, test.pValue, n: times.count),
        ]
        return (overall, s.groups.map(entries))
    }
}
