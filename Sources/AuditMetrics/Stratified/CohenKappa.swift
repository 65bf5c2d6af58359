/// Agreement between the grid's selection and the actual decision: the observed share of
/// agreement and Cohen's kappa (Cohen 1960), with its asymptotic standard error (Fleiss,
/// Cohen & Everitt 1969) and a normal interval.
///
/// With pᵢⱼ the shares of the ``AgreementTable`` (i the grid, j the decision, 1 selected,
/// 0 not), rᵢ and cⱼ its row and column margins:
///
///     pₒ = p₁₁ + p₀₀                       (observed agreement)
///     pₑ = r₁c₁ + r₀c₀                      (agreement expected by chance)
///     κ = (pₒ − pₑ)/(1 − pₑ) = 1 − (p₁₀ + p₀₁)/(r₁c₀ + r₀c₁)
///     Var κ = [Σᵢ pᵢᵢ(1 − (rᵢ + cᵢ)(1 − κ))² + (1 − κ)² Σᵢ≠ⱼ pᵢⱼ(cᵢ + rⱼ)² − (κ − pₑ(1 − κ))²] / ((1 − pₑ)² n)
///     interval = κ ∓ z_{(1+level)/2} · √Var κ
///
/// κ: scikit-learn `cohen_kappa_score(grid, decision, sample_weight=w)` (the second form,
/// which it computes, has no cancellation). Standard error and interval: statsmodels
/// `stats.inter_rater.cohens_kappa(table)` (`std_kappa`, `kappa_low`, `kappa_upp`), not clipped
/// to [−1, 1], as there. With weights, n is the weight sum (statsmodels on the weighted table).
///
/// Undefined when the table is empty, or when pₑ = 1: both the grid and the decision give every
/// applicant the same outcome, chance agreement is then total and κ = 0/0.
public struct CohenKappa: Sendable, Equatable {
    /// n (rows, or the weight sum).
    public let total: Double
    /// pₒ: share of applicants where the grid's selection equals the decision.
    public let observedAgreement: MetricValue
    /// pₑ.
    public let expectedAgreement: MetricValue
    /// κ.
    public let kappa: MetricValue
    /// √Var κ (asymptotic, not under the null).
    public let standardError: MetricValue
    /// κ ∓ z·SE at ``level``; `nil` when κ is undefined or the level is not in (0, 1).
    public let interval: ConfidenceInterval?
    /// The confidence level of ``interval``.
    public let level: Double

    public init(_ table: AgreementTable, level: Double = 0.95) {
        let n = table.total
        total = n
        self.level = level
        guard n > 0 else {
            observedAgreement = .undefined(reason: "no applicant: the agreement table is empty")
            expectedAgreement = observedAgreement
            kappa = observedAgreement
            standardError = observedAgreement
            interval = nil
            return
        }
        let p11 = table.both / n, p10 = table.gridOnly / n, p01 = table.decisionOnly / n, p00 = table.neither / n
        let r1 = (table.both + table.gridOnly) / n, r0 = (table.decisionOnly + table.neither) / n
        let c1 = (table.both + table.decisionOnly) / n, c0 = (table.gridOnly + table.neither) / n
        let pe = r1 * c1 + r0 * c0
        observedAgreement = .defined(p11 + p00)
        expectedAgreement = .defined(pe)
        let chanceDisagreement = r1 * c0 + r0 * c1
        guard chanceDisagreement > 0 else {
            kappa = .undefined(reason: "expected agreement is 1: the grid and the decision give every applicant the same outcome, so chance agreement is total and kappa is 0/0")
            standardError = kappa
            interval = nil
            return
        }
        let k = 1 - (p10 + p01) / chanceDisagreement
        let q = 1 - k
        let termA = p11 * square(1 - (r1 + c1) * q) + p00 * square(1 - (r0 + c0) * q)
        let termB = q * q * (p10 * square(c1 + r0) + p01 * square(c0 + r1))
        let termC = square(k - pe * q)
        let variance = Swift.max(0, (termA + termB - termC) / (chanceDisagreement * chanceDisagreement * n))
        let se = variance.squareRoot()
        kappa = .defined(k)
        standardError = se.isFinite ? .defined(se) : .undefined(reason: "the kappa variance is beyond double precision")
        if InferenceInput.isLevel(level), se.isFinite {
            let z = InferenceInput.criticalValue(level: level)
            interval = ConfidenceInterval(low: k - z * se, high: k + z * se, level: level)
        } else {
            interval = nil
        }
    }
}

private func square(_ x: Double) -> Double { x * x }
