extension MetricID {
    /// The group's share of all applicants: `applicant_share`.
    public static let applicantShare = MetricID("applicant_share")
    /// The group's share of the first k places of the waiting list: `top_k_share`.
    public static let topKShare = MetricID("top_k_share")
    /// `top_k_share` over `applicant_share`: `top_k_share_ratio`.
    public static let topKShareRatio = MetricID("top_k_share_ratio")
    /// Mean position-based exposure 1/log₂(1 + rank) of the group's applicants: `mean_exposure`.
    public static let meanExposure = MetricID("mean_exposure")
    /// The group's share of total exposure: `exposure_share`.
    public static let exposureShare = MetricID("exposure_share")
    /// `exposure_share` over `applicant_share`: `exposure_ratio`.
    public static let exposureRatio = MetricID("exposure_ratio")
    /// The k of the top-k measures (the places offered): `top_k`.
    public static let topK = MetricID("top_k")
    /// Normalised discounted KL divergence of the ranking from the groups' shares: `ndkl`.
    public static let ndkl = MetricID("ndkl")
    /// Kaplan–Meier median wait, months (Brookmeyer–Crowley interval): `km_median_wait`.
    public static let kmMedianWait = MetricID("km_median_wait")
    /// Lower and upper bounds of the median wait's interval, published apart: `km_median_wait_lower`, `km_median_wait_upper`.
    public static let kmMedianWaitLower = MetricID("km_median_wait_lower")
    public static let kmMedianWaitUpper = MetricID("km_median_wait_upper")
    /// Restricted mean wait up to the horizon τ: `km_restricted_mean_wait`.
    public static let kmRestrictedMeanWait = MetricID("km_restricted_mean_wait")
    /// Applicants allocated (events): `allocated`.
    public static let allocated = MetricID("allocated")
    /// The horizon τ of the restricted mean: `km_horizon`.
    public static let kmHorizon = MetricID("km_horizon")
    /// Log-rank test of equal waiting-time distributions between the groups: `logrank_chi2`, `logrank_df`, `logrank_p_value`.
    public static let logrankChi2 = MetricID("logrank_chi2")
    public static let logrankDF = MetricID("logrank_df")
    public static let logrankPValue = MetricID("logrank_p_value")
    /// The log-rank family (for filters that keep or drop the three together).
    public var isLogRank: Bool { self == .logrankChi2 || self == .logrankDF || self == .logrankPValue }
}
