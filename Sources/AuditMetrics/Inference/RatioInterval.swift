import Foundation

/// Confidence intervals for the ratio p₁/p₂ of two independent binomial proportions.
public enum RatioInterval {
    /// Katz log interval for the risk ratio r = p̂₁/p̂₂ (Katz, Baptista, Azen & Pike 1978,
    /// Biometrics 34:469–474):
    ///
    ///     exp( ln r ∓ z·√(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂) ),  z = Φ⁻¹((1 + level)/2)
    ///
    /// statsmodels `confint_proportions_2indep(x1, n1, x2, n2, compare='ratio', method='log',
    /// alpha = 1 − level)`. Counts may be non-integer.
    ///
    /// Zero counts: statsmodels' `method='log'` adds **nothing** (the +0.5 correction — to each
    /// count *and* each n — belongs to `method='log-adjusted'` only). With numpy inputs it
    /// returns (0, nan) when x₁ = 0, (nan, inf) when x₂ = 0 < x₁ and (nan, nan) when both are 0;
    /// with Python scalars it raises `ZeroDivisionError`. This function mirrors that by returning
    /// `nil` whenever x₁ = 0 or x₂ = 0: the ratio is undefined when p₂ = 0, and when p₁ = 0 the
    /// upper bound is undefined (the variance is infinite). When x₁ = n₁ and x₂ = n₂ the variance
    /// is 0 and the interval is the single point [r, r], as in statsmodels.
    /// Also `nil` for invalid proportions (see ``ProportionInterval``) or `level` not in (0, 1).
    public static func katz(successes1: Double, trials1: Double, successes2: Double, trials2: Double, level: Double = 0.95) -> ConfidenceInterval? {
        guard InferenceInput.isProportion(successes1, trials1), InferenceInput.isProportion(successes2, trials2),
              InferenceInput.isLevel(level), successes1 > 0, successes2 > 0
        else { return nil }
        let z = InferenceInput.criticalValue(level: level)
        let ratio = (successes1 / trials1) / (successes2 / trials2)
        let variance = max(0, 1 / successes1 - 1 / trials1 + 1 / successes2 - 1 / trials2)
        let halfWidth = z * variance.squareRoot()
        let logRatio = log(ratio)
        let low = exp(logRatio - halfWidth), high = exp(logRatio + halfWidth)
        guard low.isFinite, high.isFinite else { return nil }
        return ConfidenceInterval(low: low, high: high, level: level)
    }

    /// The Katz interval, or — when the group's count x₁ is 0 (a ratio of exactly 0, whose
    /// Katz upper bound is infinite) — the log interval with 0.5 added to each count and each
    /// n, statsmodels `method='log-adjusted'` (Pettigrew, Gart & Thomas 1986). `nil` when the
    /// ratio itself is undefined (x₂ = 0).
    public static func katzOrAdjusted(successes1: Double, trials1: Double, successes2: Double, trials2: Double, level: Double = 0.95) -> ConfidenceInterval? {
        if let interval = katz(successes1: successes1, trials1: trials1, successes2: successes2, trials2: trials2, level: level) {
            return interval
        }
        guard successes1 == 0, successes2 > 0, trials1 > 0 else { return nil }
        guard let adjusted = katz(successes1: 0.5, trials1: trials1 + 0.5, successes2: successes2 + 0.5, trials2: trials2 + 0.5, level: level) else { return nil }
        // The estimate is 0; the adjusted interval's lower end is kept at 0.
        return ConfidenceInterval(low: 0, high: adjusted.high, level: level)
    }
}
