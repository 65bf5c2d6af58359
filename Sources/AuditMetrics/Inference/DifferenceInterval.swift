/// Confidence intervals for the difference p₁ − p₂ of two independent binomial proportions.
public enum DifferenceInterval {
    /// Newcombe's hybrid score interval for p₁ − p₂ (Newcombe 1998, Statistics in Medicine
    /// 17:873–890, his method 10), built from the two Wilson intervals [l₁, u₁] and [l₂, u₂]
    /// (``ProportionInterval/wilson(successes:trials:level:)``):
    ///
    ///     low  = p̂₁ − p̂₂ − √((p̂₁ − l₁)² + (u₂ − p̂₂)²)
    ///     high = p̂₁ − p̂₂ + √((p̂₂ − l₂)² + (u₁ − p̂₁)²)
    ///
    /// statsmodels `confint_proportions_2indep(x1, n1, x2, n2, compare='diff', method='newcomb',
    /// alpha = 1 − level)`. Counts may be non-integer. `nil` when either proportion is invalid
    /// (see ``ProportionInterval``) or `level` is not in (0, 1). The interval lies in [−1, 1].
    public static func newcombe(successes1: Double, trials1: Double, successes2: Double, trials2: Double, level: Double = 0.95) -> ConfidenceInterval? {
        guard let w1 = ProportionInterval.wilson(successes: successes1, trials: trials1, level: level),
              let w2 = ProportionInterval.wilson(successes: successes2, trials: trials2, level: level)
        else { return nil }
        let p1 = successes1 / trials1, p2 = successes2 / trials2
        let d1 = p1 - w1.low, e1 = w1.high - p1
        let d2 = p2 - w2.low, e2 = w2.high - p2
        let difference = p1 - p2
        let low = difference - (d1 * d1 + e2 * e2).squareRoot()
        let high = difference + (d2 * d2 + e1 * e1).squareRoot()
        return ConfidenceInterval(low: max(low, -1), high: min(high, 1), level: level)
    }
}
