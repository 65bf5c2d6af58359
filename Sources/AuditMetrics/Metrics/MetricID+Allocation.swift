extension MetricID {
    /// Mean allocation per household (weighted when weighted; normal interval unweighted): `allocation_mean`.
    public static let allocationMean = MetricID("allocation_mean")
    /// Median allocation (weighted median when weighted): `allocation_median`.
    public static let allocationMedian = MetricID("allocation_median")
    /// Σ allocation / Σ persons, with a delta-method interval: `allocation_per_capita`.
    public static let allocationPerCapita = MetricID("allocation_per_capita")
    /// Mean bill per household under the tariff: `bill_mean`.
    public static let billMean = MetricID("bill_mean")
    /// Σ bill / Σ volume, the price paid per m³: `water_price_per_m3`.
    public static let waterPricePerM3 = MetricID("water_price_per_m3")
    /// Share of households below their need (Wilson on Kish counts): `shortfall_share`.
    public static let shortfallShare = MetricID("shortfall_share")
    /// Mean shortfall max(0, need − allocation) over households with a need: `shortfall_mean`.
    public static let shortfallMean = MetricID("shortfall_mean")
    /// Mean effort rate, bill over income: `effort_rate_mean`.
    public static let effortRateMean = MetricID("effort_rate_mean")
    /// Share of households whose bill exceeds 3 % of their income (the affordability line): `effort_above_3pct_share`.
    public static let effortAbove3pctShare = MetricID("effort_above_3pct_share")
    /// The drought rule's cut: share of the total reduction borne by the group: `drought_reduction_share`.
    public static let droughtReductionShare = MetricID("drought_reduction_share")
    /// The group's share of households: `drought_household_share`.
    public static let droughtHouseholdShare = MetricID("drought_household_share")
    /// The group's share of persons: `drought_person_share`.
    public static let droughtPersonShare = MetricID("drought_person_share")
    /// Cut per person, m³: `drought_reduction_per_person`.
    public static let droughtReductionPerPerson = MetricID("drought_reduction_per_person")
    /// Cut over need: `drought_reduction_per_need`.
    public static let droughtReductionPerNeed = MetricID("drought_reduction_per_need")
    /// Concentration index of the allocation ranked by the declared rank column: `concentration_index`.
    public static let concentrationIndex = MetricID("concentration_index")
    /// Concentration index of a benefit column ranked the same way: `concentration_index_<benefit>`.
    public static func concentrationIndex(of benefit: String) -> MetricID { MetricID("concentration_index_\(benefit)") }
    /// An inequality index of the allocation (``InequalityIndex/name``: `gini`, `theil_t`, `ge_2`…).
    public init(_ index: InequalityIndex) { self.init(index.name) }
    /// The between-groups part of a decomposable index: `<index>_between`.
    public static func between(_ index: InequalityIndex) -> MetricID { MetricID("\(index.name)_between") }
    /// The within-groups part: `<index>_within`.
    public static func within(_ index: InequalityIndex) -> MetricID { MetricID("\(index.name)_within") }

    /// The means compared with the reference as ratios (log-scale normal interval from the
    /// two means' intervals; none for the median), in this order.
    public static let allocationRatioMeans: [MetricID] = [.waterPricePerM3, .allocationMean, .allocationMedian, .allocationPerCapita, .billMean]
    /// The shares compared with the reference by difference and ratio, in this order.
    public static let allocationComparedShares: [MetricID] = [.effortAbove3pctShare, .droughtReductionPerPerson]
}
