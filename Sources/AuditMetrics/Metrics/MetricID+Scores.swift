extension MetricID {
    /// Mean score of the group's scored rows (Student t interval): `score_mean` (``GroupMetric/scoreMean``).
    public static let scoreMean = MetricID(.scoreMean)
    /// Standard deviation of the scores: `score_sd`.
    public static let scoreSD = MetricID("score_sd")
    /// Score percentiles (type 7): `score_p10`, `score_p25`, `score_median`, `score_p75`, `score_p90`.
    public static let scoreP10 = MetricID("score_p10")
    public static let scoreP25 = MetricID("score_p25")
    public static let scoreMedian = MetricID("score_median")
    public static let scoreP75 = MetricID("score_p75")
    public static let scoreP90 = MetricID("score_p90")
    /// The score's distribution: mean, standard deviation and percentiles, in the table's order.
    public static let scoreDistribution: [MetricID] = [.scoreMean, .scoreSD, .scoreP10, .scoreP25, .scoreMedian, .scoreP75, .scoreP90]
    /// NYC LL144's scoring rate: share of the group scoring above the sample's median (Wilson): `scoring_rate`.
    public static let scoringRate = MetricID("scoring_rate")
    /// LL144's scoring rate over the highest comparable group's (Katz): `scoring_impact_ratio`.
    public static let scoringImpactRatio = MetricID("scoring_impact_ratio")
    /// Kolmogorov–Smirnov distance between the group's scores and the rest's: `ks_distance`.
    public static let ksDistance = MetricID("ks_distance")
    /// Its p-value: `ks_p_value`.
    public static let ksPValue = MetricID("ks_p_value")
    /// KS distance between the group's scores and the reference group's: `ks_distance_reference`.
    public static let ksDistanceReference = MetricID("ks_distance_reference")
    /// Its p-value: `ks_p_value_reference`.
    public static let ksPValueReference = MetricID("ks_p_value_reference")
    /// Area under the ROC curve of the score for the label (DeLong interval): `auc`.
    public static let auc = MetricID("auc")
    /// DeLong's standard error of the AUC: `auc_se`.
    public static let aucSE = MetricID("auc_se")
    /// Observed label rate in calibration bin `bin` (1-based, Wilson): `calibration_<bin>_observed_rate`.
    public static func calibrationObservedRate(bin: Int) -> MetricID { MetricID("calibration_\(bin)_observed_rate") }
    /// Mean score in calibration bin `bin` (1-based): `calibration_<bin>_mean_score`.
    public static func calibrationMeanScore(bin: Int) -> MetricID { MetricID("calibration_\(bin)_mean_score") }
}
