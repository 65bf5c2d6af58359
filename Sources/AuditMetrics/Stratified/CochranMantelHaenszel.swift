/// The Cochran–Mantel–Haenszel test that the common odds ratio of K 2×2 tables is 1
/// (Cochran 1954; Mantel & Haenszel 1959): at equal stratum, is the group selected as often
/// as the reference? Chi-square with 1 degree of freedom.
///
/// Over the informative strata (``TwoByTwoTable/isInformative``), with margins
/// m₁ = a + b, m₀ = c + d, t₁ = a + c, t₀ = b + d:
///
///     Δ = Σ (aₖ − m₁ₖt₁ₖ/nₖ) = Σ (aₖdₖ − bₖcₖ)/nₖ
///     V = Σ m₁ₖm₀ₖt₁ₖt₀ₖ / (nₖ²(nₖ − 1))        (hypergeometric variance of aₖ)
///     X² = Δ²/V, or (max(0, |Δ| − ½))²/V with the continuity correction
///     p = P(χ²₁ > X²)  (``ChiSquared/survival(_:degreesOfFreedom:)``, published through ``PublishedPValue``)
///
/// statsmodels `StratifiedTable(tables).test_null_odds(correction=…)` (which computes p as
/// `1 − chi2.cdf`, 0 below about 1e-16; Vigie's survival function keeps the small p-values).
///
/// **Default: no continuity correction**, as statsmodels' default and SAS PROC FREQ's CMH
/// statistic: the audit's strata are large, the correction only makes the test conservative,
/// and half a unit means nothing for weighted counts. With the correction, Vigie follows R's
/// `mantelhaen.test` in not correcting when |Δ| < ½ (statsmodels subtracts ½ regardless, so
/// that an exact Δ = 0 gives X² = 1/(4V) > 0); for |Δ| ≥ ½ the two agree.
///
/// Uninformative strata add exactly 0 to Δ and V and are left out. Undefined when no stratum
/// is informative, or when an informative stratum's total (a weight sum) is at most 1, so that
/// its variance term is not positive (weights should then be frequency weights).
public struct CochranMantelHaenszel: Sendable, Equatable {
    /// Strata given.
    public let strata: Int
    /// Strata that carry information.
    public let informativeStrata: Int
    /// Σ(a − E a): positive when the group is selected more than the reference at equal stratum.
    public let observedMinusExpected: MetricValue
    /// X².
    public let statistic: MetricValue
    /// Always 1.
    public let degreesOfFreedom: Int
    /// P(χ²₁ > X²), or the upper bound 1e-300.
    public let pValue: MetricValue
    /// Whether the continuity correction was applied.
    public let continuityCorrection: Bool

    public init(_ tables: StratifiedTables, continuityCorrection: Bool = false) {
        strata = tables.strata.count
        degreesOfFreedom = 1
        self.continuityCorrection = continuityCorrection
        let informative = tables.informative
        informativeStrata = informative.count
        func undefined(_ reason: String) -> (MetricValue, MetricValue, MetricValue) {
            (.undefined(reason: reason), .undefined(reason: reason), .undefined(reason: reason))
        }
        guard !informative.isEmpty else {
            (observedMinusExpected, statistic, pValue) = undefined(
                "no informative stratum: the Cochran–Mantel–Haenszel test needs a stratum where both the group and the reference are present and the outcome varies")
            return
        }
        var delta = 0.0, variance = 0.0
        for t in informative {
            let n = t.total
            guard n > 1 else {
                (observedMinusExpected, statistic, pValue) = undefined(
                    "a stratum's total weight is \(n) ≤ 1: its hypergeometric variance m₁m₀t₁t₀/(n²(n − 1)) is not positive (the test needs frequency weights)")
                return
            }
            delta += (t.groupSelected * t.referenceNotSelected - t.groupNotSelected * t.referenceSelected) / n
            variance += t.groupTotal * t.referenceTotal * t.selectedTotal * t.notSelectedTotal / (n * n * (n - 1))
        }
        let magnitude = continuityCorrection ? Swift.max(0, abs(delta) - 0.5) : abs(delta)
        let x = magnitude * magnitude / variance
        guard x.isFinite, variance > 0 else {
            (observedMinusExpected, statistic, pValue) = undefined("the Cochran–Mantel–Haenszel statistic is beyond double precision")
            return
        }
        observedMinusExpected = .defined(delta)
        statistic = .defined(x)
        pValue = PublishedPValue.metricValue(ChiSquared.survival(x, degreesOfFreedom: 1), what: "the Cochran–Mantel–Haenszel p-value")
    }
}
