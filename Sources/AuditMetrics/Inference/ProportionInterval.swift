import Foundation

/// Confidence intervals for a single binomial proportion p from `successes` out of `trials`.
///
/// Counts may be non-integer (Kish effective counts of weighted data). Every function returns
/// `nil` when `trials <= 0`, when `successes` is outside `[0, trials]`, when an input is not
/// finite, or when `level` is not in (0, 1).
public enum ProportionInterval {
    /// Wilson score interval (Wilson 1927, JASA 22:209–212); statsmodels
    /// `proportion_confint(successes, trials, alpha = 1 − level, method='wilson')`.
    ///
    /// With p̂ = x/n and z = Φ⁻¹((1 + level)/2), the bounds are the roots of
    /// (n + z²)p² − (2x + z²)p + x²/n = 0, i.e. (p̂ + z²/2n ∓ z·√(p̂(1−p̂)/n + z²/4n²))/(1 + z²/n).
    /// They are evaluated without cancellation: low = 2x²/(n(2x + z² + s)) and, symmetrically,
    /// 1 − high = 2(n−x)²/(n(2(n−x) + z² + s)), with s = z·√(z² + 4x(n−x)/n) (the upper bound is
    /// taken from whichever form is more accurate). So x = 0 gives low = 0 and x = n gives
    /// high = 1 exactly, and the interval always lies in [0, 1] and contains p̂.
    public static func wilson(successes: Double, trials: Double, level: Double = 0.95) -> ConfidenceInterval? {
        guard InferenceInput.isProportion(successes, trials), InferenceInput.isLevel(level) else { return nil }
        let z = InferenceInput.criticalValue(level: level)
        let n = trials, x = successes, f = trials - successes
        let z2 = z * z
        let s = z * (z2 + 4 * x * f / n).squareRoot()
        let low = 2 * x * x / (n * (2 * x + z2 + s))
        let highDirect = (2 * x + z2 + s) / (2 * (n + z2))
        let high = highDirect <= 0.5 ? highDirect : 1 - 2 * f * f / (n * (2 * f + z2 + s))
        return ConfidenceInterval(low: min(max(low, 0), 1), high: min(max(high, 0), 1), level: level)
    }

    /// Clopper–Pearson "exact" interval (Clopper & Pearson 1934, Biometrika 26:404–413) via beta
    /// quantiles; statsmodels `proportion_confint(..., method='beta')`.
    ///
    /// With α = 1 − level: low = B⁻¹(α/2; x, n − x + 1) and high = B⁻¹(1 − α/2; x + 1, n − x),
    /// where B⁻¹ is the beta quantile (``SpecialFunctions/inverseRegularizedIncompleteBeta(a:b:p:)``);
    /// low = 0 when x = 0 and high = 1 when x = n. The upper bound is computed from the upper
    /// tail directly (``SpecialFunctions/inverseRegularizedIncompleteBetaComplement(a:b:q:)``,
    /// scipy's `beta.isf(α/2, x + 1, n − x)`), so a small upper bound keeps its relative precision.
    public static func clopperPearson(successes: Double, trials: Double, level: Double = 0.95) -> ConfidenceInterval? {
        guard InferenceInput.isProportion(successes, trials), InferenceInput.isLevel(level) else { return nil }
        let tail = 0.5 * (1 - level)
        let x = successes, n = trials
        let low = x == 0 ? 0 : SpecialFunctions.inverseRegularizedIncompleteBeta(a: x, b: n - x + 1, p: tail)
        let high = x == n ? 1 : SpecialFunctions.inverseRegularizedIncompleteBetaComplement(a: x + 1, b: n - x, q: tail)
        return ConfidenceInterval(low: low, high: high, level: level)
    }
}
