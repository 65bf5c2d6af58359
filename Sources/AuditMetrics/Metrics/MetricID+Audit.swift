extension MetricID {
    /// A per-group metric of the audit (``GroupMetric``: `tpr`, `selection_rate`…).
    public init(_ metric: GroupMetric) { self.init(metric.rawValue, rate: metric) }

    /// Favourable-outcome rate over the most favoured comparable group's (the four-fifths
    /// ratio, `GroupFrame.mostFavouredRatios`): `impact_ratio`.
    public static let impactRatio = MetricID("impact_ratio")
    /// `impact_ratio < threshold` (1 or 0): `adverse_impact`.
    public static let adverseImpact = MetricID("adverse_impact")

    /// AIF360's `statistical_parity_difference`: selection rate minus the reference's.
    public static let statisticalParityDifference = MetricID("statistical_parity_difference")
    /// AIF360's `disparate_impact`: selection rate over the reference's.
    public static let disparateImpact = MetricID("disparate_impact")
    /// AIF360's `average_odds_difference`: ½[(FPR − FPR_ref) + (TPR − TPR_ref)].
    public static let averageOddsDifference = MetricID("average_odds_difference")
    /// AIF360's `average_abs_odds_difference`: ½[|FPR − FPR_ref| + |TPR − TPR_ref|].
    public static let averageAbsOddsDifference = MetricID("average_abs_odds_difference")
    /// AIF360's `equal_opportunity_difference`: TPR − TPR_ref.
    public static let equalOpportunityDifference = MetricID("equal_opportunity_difference")

    /// Fairlearn's `demographic_parity_difference` (between groups): max − min selection rate.
    public static let demographicParityDifference = MetricID("demographic_parity_difference")
    /// Fairlearn's `demographic_parity_ratio` (between groups): min / max selection rate.
    public static let demographicParityRatio = MetricID("demographic_parity_ratio")
    /// Fairlearn's `demographic_parity_difference(method='to_overall')`.
    public static let demographicParityDifferenceToOverall = MetricID("demographic_parity_difference_to_overall")
    /// Fairlearn's `demographic_parity_ratio(method='to_overall')`.
    public static let demographicParityRatioToOverall = MetricID("demographic_parity_ratio_to_overall")
    /// Fairlearn's `equalized_odds_difference`: the larger of the TPR and FPR differences.
    public static let equalizedOddsDifference = MetricID("equalized_odds_difference")
    /// Fairlearn's `equalized_odds_ratio`: the smaller of the TPR and FPR ratios.
    public static let equalizedOddsRatio = MetricID("equalized_odds_ratio")
    /// `equalized_odds_difference` to the overall rates.
    public static let equalizedOddsDifferenceToOverall = MetricID("equalized_odds_difference_to_overall")
    /// `equalized_odds_ratio` to the overall rates.
    public static let equalizedOddsRatioToOverall = MetricID("equalized_odds_ratio_to_overall")
    /// Foulds et al.'s smoothed empirical differential fairness ε: `smoothed_edf`.
    public static let smoothedEDF = MetricID("smoothed_edf")

    /// AIF360's named disparities, in the order the audit lists them.
    public static let aif360Disparities: [MetricID] = [
        .statisticalParityDifference, .disparateImpact, .averageOddsDifference, .averageAbsOddsDifference, .equalOpportunityDifference,
    ]

    /// The smallest decrease of `rate` the audit could detect for a group (power 80 %):
    /// `<rate>_minimum_detectable_decrease`.
    public static func minimumDetectableDecrease(_ rate: MetricID) -> MetricID { MetricID(rate, suffix: "minimum_detectable_decrease") }
    /// The smallest increase of `rate` the audit could detect: `<rate>_minimum_detectable_increase`.
    public static func minimumDetectableIncrease(_ rate: MetricID) -> MetricID { MetricID(rate, suffix: "minimum_detectable_increase") }
    /// Pearson's χ² of independence between the groups and `rate`'s outcome: `<rate>_independence_chi2`.
    public static func independenceChi2(_ rate: MetricID) -> MetricID { MetricID(rate, suffix: "independence_chi2") }
    /// Its p-value: `<rate>_independence_p_value`.
    public static func independencePValue(_ rate: MetricID) -> MetricID { MetricID(rate, suffix: "independence_p_value") }
    /// Its p-value adjusted for the audit's family of tests: `<rate>_independence_p_adjusted`.
    public static func independencePAdjusted(_ rate: MetricID) -> MetricID { MetricID(rate, suffix: "independence_p_adjusted") }
    /// The p-value of a group's comparison of `rate` with its reference: `<rate>_p_value`.
    public static func pValue(_ rate: MetricID) -> MetricID { MetricID(rate, suffix: "p_value") }
    /// That p-value adjusted for the family of tests: `<rate>_p_adjusted`.
    public static func pAdjusted(_ rate: MetricID) -> MetricID { MetricID(rate, suffix: "p_adjusted") }
}
