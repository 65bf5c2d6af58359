import Foundation

/// The Mantel–Haenszel common odds ratio of K 2×2 tables (Mantel & Haenszel 1959), with the
/// Robins–Breslow–Greenland variance of its log (Robins, Breslow & Greenland 1986,
/// *Biometrics* 42:311) and a normal interval on the log scale.
///
/// Over the informative strata (``TwoByTwoTable/isInformative``), with Rₖ = aₖdₖ/nₖ,
/// Sₖ = bₖcₖ/nₖ, Pₖ = (aₖ + dₖ)/nₖ, Qₖ = (bₖ + cₖ)/nₖ, R = ΣRₖ, S = ΣSₖ:
///
///     OR_MH = R / S
///     Var(log OR_MH) = ΣPₖRₖ/(2R²) + Σ(PₖSₖ + QₖRₖ)/(2RS) + ΣQₖSₖ/(2S²)
///     interval = exp(log OR_MH ∓ z_{(1+level)/2} · √Var)
///
/// statsmodels `StratifiedTable(tables).oddsratio_pooled`, `logodds_pooled_se` and
/// `oddsratio_pooled_confint(alpha = 1 − level)`. Uninformative strata add exactly 0 to every
/// sum there; they are left out here (and counted), which gives the same numbers and avoids
/// statsmodels' nan for a stratum with n = 0 or 1. With one stratum, OR_MH = ad/bc and the
/// variance is Woolf's 1/a + 1/b + 1/c + 1/d. Counts may be weight sums (the variance then
/// treats them as counts).
///
/// Undefined, with the reason, when no stratum is informative, or when R = 0 or S = 0 (the
/// odds ratio would be 0 or infinite: Vigie never publishes either, nor a log-interval around
/// it).
public struct MantelHaenszel: Sendable, Equatable {
    /// Strata given.
    public let strata: Int
    /// Strata with all four margins positive: the ones that carry information.
    public let informativeStrata: Int
    /// OR_MH = R / S.
    public let oddsRatio: MetricValue
    /// log OR_MH.
    public let logOddsRatio: MetricValue
    /// √Var(log OR_MH), Robins–Breslow–Greenland.
    public let logStandardError: MetricValue
    /// exp(log OR_MH ∓ z·SE) at ``level``; `nil` when the odds ratio is undefined, the level is
    /// not in (0, 1), or a bound is not a positive finite number.
    public let interval: ConfidenceInterval?
    /// The confidence level of ``interval``.
    public let level: Double

    public init(_ tables: StratifiedTables, level: Double = 0.95) {
        strata = tables.strata.count
        self.level = level
        let informative = tables.informative
        informativeStrata = informative.count
        guard !informative.isEmpty else {
            let reason = tables.strata.isEmpty
                ? "no stratum: the Mantel–Haenszel odds ratio needs at least one 2×2 table"
                : "no informative stratum: in each of the \(tables.strata.count) strata the group or the reference is absent, or nobody or everybody is selected"
            oddsRatio = .undefined(reason: reason)
            logOddsRatio = oddsRatio
            logStandardError = oddsRatio
            interval = nil
            return
        }
        var r = 0.0, s = 0.0, pr = 0.0, psQr = 0.0, qs = 0.0
        for t in informative {
            let n = t.total
            let rk = t.groupSelected * t.referenceNotSelected / n
            let sk = t.groupNotSelected * t.referenceSelected / n
            let pk = (t.groupSelected + t.referenceNotSelected) / n
            let qk = (t.groupNotSelected + t.referenceSelected) / n
            r += rk
            s += sk
            pr += pk * rk
            psQr += pk * sk + qk * rk
            qs += qk * sk
        }
        guard r > 0, s > 0 else {
            let reason = r == 0
                ? "the Mantel–Haenszel odds ratio is 0 (Σ ad/n = 0: no stratum has both a selected group member and a reference member not selected); its log-interval is unbounded"
                : "the Mantel–Haenszel odds ratio is infinite (Σ bc/n = 0: no stratum has both a group member not selected and a selected reference member); its log-interval is unbounded"
            oddsRatio = .undefined(reason: reason)
            logOddsRatio = oddsRatio
            logStandardError = oddsRatio
            interval = nil
            return
        }
        let or = r / s
        let logOR = Foundation.log(r) - Foundation.log(s)
        let variance = pr / (2 * r * r) + psQr / (2 * r * s) + qs / (2 * s * s)
        guard or.isFinite, or > 0, variance.isFinite, variance >= 0 else {
            oddsRatio = .undefined(reason: "the Mantel–Haenszel odds ratio is beyond double precision (R = \(r), S = \(s))")
            logOddsRatio = oddsRatio
            logStandardError = oddsRatio
            interval = nil
            return
        }
        let se = variance.squareRoot()
        oddsRatio = .defined(or)
        logOddsRatio = .defined(logOR)
        logStandardError = .defined(se)
        if InferenceInput.isLevel(level) {
            let z = InferenceInput.criticalValue(level: level)
            let low = Foundation.exp(logOR - z * se), high = Foundation.exp(logOR + z * se)
            interval = low > 0 && high.isFinite ? ConfidenceInterval(low: low, high: high, level: level) : nil
        } else {
            interval = nil
        }
    }
}
