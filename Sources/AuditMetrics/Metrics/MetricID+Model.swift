extension MetricID {
    /// Share of the group the grid selects under the baseline capacities (Wilson): `grid_selection_rate`.
    public static let gridSelectionRate = MetricID("grid_selection_rate")
    /// The grid's selection rate over the most favoured comparable group's (Katz): `grid_impact_ratio`.
    public static let gridImpactRatio = MetricID("grid_impact_ratio")
    /// Mean grid score of the group minus the reference's: `score_gap`.
    public static let scoreGap = MetricID("score_gap")
    /// One criterion's part of the score gap (mean points of the group minus the reference's): `score_gap_part:<criterion>`.
    public static func scoreGapPart(criterion: String) -> MetricID { MetricID("score_gap_part:\(criterion)") }
    /// Oaxaca–Blinder: the selection gap to the reference, `allocation_gap`, its part explained by the
    /// criteria, `allocation_gap_explained`, and the rest, `allocation_gap_unexplained`.
    public static let allocationGap = MetricID("allocation_gap")
    public static let allocationGapExplained = MetricID("allocation_gap_explained")
    public static let allocationGapUnexplained = MetricID("allocation_gap_unexplained")
    /// One criterion's part of the explained gap: `allocation_gap_explained:<criterion>`.
    public static func allocationGapExplained(criterion: String) -> MetricID { MetricID("allocation_gap_explained:\(criterion)") }
    /// A criterion's association with the protected attribute (Cramér's V or η): `proxy_<measure>:<criterion>`.
    public static func proxy(_ measure: ProxyAssociation.Measure, criterion: String) -> MetricID { MetricID("proxy_\(measure.rawValue):\(criterion)") }
    /// AUC of the logistic regression predicting a group from the criteria: `proxy_auc`.
    public static let proxyAUC = MetricID("proxy_auc")
    /// Change of a group's impact ratio when `criterion`'s points are scaled by `scale`:
    /// `sensitivity_impact_ratio_change:<criterion>×<scale>` (an integral scale printed without decimals).
    public static func sensitivityImpactRatioChange(criterion: String, scale: Double) -> MetricID {
        MetricID("sensitivity_impact_ratio_change:\(criterion)×\(ExactNumberText.shortest(scale))")
    }
    /// Change of a group's selection-rate difference under the same scaling: `sensitivity_rate_difference_change:<criterion>×<scale>`.
    public static func sensitivityRateDifferenceChange(criterion: String, scale: Double) -> MetricID {
        MetricID("sensitivity_rate_difference_change:\(criterion)×\(ExactNumberText.shortest(scale))")
    }

    /// The human stage (`docs/human-stage.md`): share of applicants on which the grid's
    /// selection and the decision agree, `grid_agreement`; Cohen's κ and its standard error.
    public static let gridAgreement = MetricID("grid_agreement")
    public static let cohenKappa = MetricID("cohen_kappa")
    public static let cohenKappaSE = MetricID("cohen_kappa_se")
    /// Among those the grid selects, the share the decision leaves out (the audit's FNR with the
    /// grid as label): `override_out_rate`; among those it leaves out, the share the decision
    /// selects (the FPR): `override_in_rate`.
    public static let overrideOutRate = MetricID("override_out_rate")
    public static let overrideInRate = MetricID("override_in_rate")
    /// The two override rates, and the audit's rates they are (`fpr`, `fnr` with the grid's selection as the label).
    public static let overrideRates: [(rate: GroupMetric, id: MetricID)] = [(.fpr, .overrideInRate), (.fnr, .overrideOutRate)]
    /// Share of the group the decision selects (Wilson): `actual_selection_rate`.
    public static let actualSelectionRate = MetricID("actual_selection_rate")
    /// The stage split (`StageSplit`): the group's actual selection gap to the reference,
    /// `actual_gap`, and its parts arising at the grid, `grid_stage_gap`, and after it, `human_stage_gap`.
    public static let actualGap = MetricID("actual_gap")
    public static let gridStageGap = MetricID("grid_stage_gap")
    public static let humanStageGap = MetricID("human_stage_gap")
    /// Whether a value is an override rate or derived from one (compares or tests it).
    public var isOverride: Bool { (base ?? self) == .overrideInRate || (base ?? self) == .overrideOutRate }
    /// Kaplan–Meier median wait within rank band `band` (1-based): `km_median_wait_band:<band>`.
    public static func kmMedianWaitBand(_ band: Int) -> MetricID { MetricID("km_median_wait_band:\(band)") }
    /// Mantel–Haenszel common odds ratio of selection at equal points: `mh_odds_ratio`; strata with information: `mh_informative_strata`.
    public static let mhOddsRatio = MetricID("mh_odds_ratio")
    public static let mhInformativeStrata = MetricID("mh_informative_strata")
    /// Cochran–Mantel–Haenszel test: `cmh_chi2`, `cmh_p_value`.
    public static let cmhChi2 = MetricID("cmh_chi2")
    public static let cmhPValue = MetricID("cmh_p_value")
    /// Breslow–Day (Tarone) homogeneity test: `breslow_day_chi2`, `breslow_day_df`, `breslow_day_p_value`.
    public static let breslowDayChi2 = MetricID("breslow_day_chi2")
    public static let breslowDayDF = MetricID("breslow_day_df")
    public static let breslowDayPValue = MetricID("breslow_day_p_value")
    /// Stratified log-rank test of the waits within rank bands: `stratified_logrank_chi2`, `_df`, `_p_value`.
    public static let stratifiedLogrankChi2 = MetricID("stratified_logrank_chi2")
    public static let stratifiedLogrankDF = MetricID("stratified_logrank_df")
    public static let stratifiedLogrankPValue = MetricID("stratified_logrank_p_value")
}
