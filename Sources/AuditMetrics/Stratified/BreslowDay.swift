/// The Breslow–Day test that K 2×2 tables share one odds ratio (Breslow & Day 1980, §4.4),
/// with Tarone's adjustment (Tarone 1985, *Biometrika* 72:91): does the group's disadvantage at
/// equal stratum differ between strata? Chi-square with K′ − 1 degrees of freedom, K′ the
/// informative strata.
///
/// With ψ = OR_MH (``MantelHaenszel``) and, per informative stratum, margins m₁ = a + b,
/// t₁ = a + c and n, the expected count eₖ of a under the common odds ratio ψ solves
/// e(n − m₁ − t₁ + e) = ψ(m₁ − e)(t₁ − e), the quadratic
///
///     (1 − ψ)e² + (ψ(m₁ + t₁) + n − m₁ − t₁)e − ψm₁t₁ = 0
///
/// (its root in (max(0, m₁ + t₁ − n), min(m₁, t₁)); e = m₁t₁/n when ψ = 1), and
///
///     vₖ = 1 / (1/e + 1/(t₁ − e) + 1/(m₁ − e) + 1/(n − m₁ − t₁ + e))
///     X²_BD = Σ (aₖ − eₖ)²/vₖ
///     X²_Tarone = X²_BD − (Σaₖ − Σeₖ)²/Σvₖ
///
/// statsmodels `StratifiedTable(tables).test_equal_odds(adjust=False)` (Breslow–Day) and
/// `adjust=True` (Tarone), computed here on the informative strata only: statsmodels gives nan
/// as soon as one stratum is uninformative (its vₖ is 0), and counts all K tables in its
/// degrees of freedom. The root is taken in the cancellation-free form 2C/(−B − √D) when B > 0.
///
/// **Default: Tarone's adjustment.** The Breslow–Day statistic plugs in the Mantel–Haenszel
/// estimate, which is not the maximum-likelihood one, so it is not asymptotically χ² without
/// the correction (Tarone 1985); SAS PROC FREQ and R `DescTools::BreslowDayTest(correct=TRUE)`
/// report it. The correction is never larger than the statistic (Cauchy–Schwarz).
///
/// Undefined when fewer than 2 strata are informative (nothing to compare), or when the
/// Mantel–Haenszel odds ratio is undefined (0 or infinite).
public struct BreslowDay: Sendable, Equatable {
    /// Which statistic.
    public enum Adjustment: String, Sendable, Equatable {
        /// The Breslow–Day statistic as published (statsmodels `adjust=False`).
        case none
        /// With Tarone's correction (statsmodels `adjust=True`).
        case tarone
    }

    /// Strata given.
    public let strata: Int
    /// Strata that carry information.
    public let informativeStrata: Int
    public let adjustment: Adjustment
    /// X².
    public let statistic: MetricValue
    /// K′ − 1, K′ the informative strata (0 when fewer than 2).
    public let degreesOfFreedom: Int
    /// P(χ²_{K′−1} > X²), or the upper bound 1e-300.
    public let pValue: MetricValue

    public init(_ tables: StratifiedTables, adjustment: Adjustment = .tarone) {
        strata = tables.strata.count
        self.adjustment = adjustment
        let informative = tables.informative
        informativeStrata = informative.count
        degreesOfFreedom = Swift.max(0, informative.count - 1)
        guard informative.count >= 2 else {
            statistic = .undefined(reason: informative.count == 1
                ? "one informative stratum: the Breslow–Day test of equal odds ratios needs at least two strata to compare"
                : "no informative stratum: the Breslow–Day test needs at least two strata where both groups are present and the outcome varies")
            pValue = statistic
            return
        }
        guard let psi = MantelHaenszel(tables).oddsRatio.value else {
            statistic = .undefined(reason: "the Mantel–Haenszel odds ratio is 0 or infinite, so the Breslow–Day expected counts are degenerate")
            pValue = statistic
            return
        }
        var x = 0.0, observedSum = 0.0, expectedSum = 0.0, varianceSum = 0.0
        for t in informative {
            let n = t.total, m1 = t.groupTotal, t1 = t.selectedTotal
            let e = Self.expectedCount(oddsRatio: psi, groupTotal: m1, selectedTotal: t1, total: n)
            let v = 1 / (1 / e + 1 / (t1 - e) + 1 / (m1 - e) + 1 / (n - m1 - t1 + e))
            let a = t.groupSelected
            x += (a - e) * (a - e) / v
            observedSum += a
            expectedSum += e
            varianceSum += v
        }
        if adjustment == .tarone {
            x -= (observedSum - expectedSum) * (observedSum - expectedSum) / varianceSum
        }
        guard x.isFinite else {
            statistic = .undefined(reason: "the Breslow–Day expected counts reach a margin (the odds ratio is too extreme for double precision)")
            pValue = statistic
            return
        }
        x = Swift.max(0, x)
        statistic = .defined(x)
        pValue = PublishedPValue.metricValue(ChiSquared.survival(x, degreesOfFreedom: Double(degreesOfFreedom)),
                                             what: "the Breslow–Day p-value")
    }

    /// The expected count of a under odds ratio ψ with fixed margins (the root of the quadratic
    /// above that lies between the margins' bounds).
    static func expectedCount(oddsRatio psi: Double, groupTotal m1: Double, selectedTotal t1: Double, total n: Double) -> Double {
        let a = 1 - psi
        let b = psi * (m1 + t1) + n - m1 - t1
        let c = -psi * m1 * t1
        if a == 0 { return -c / b }
        let root = Swift.max(0, b * b - 4 * a * c).squareRoot()
        return b > 0 ? 2 * c / (-b - root) : (-b + root) / (2 * a)
    }
}
