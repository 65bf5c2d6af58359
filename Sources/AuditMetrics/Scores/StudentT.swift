/// Student's t distribution with ν degrees of freedom.
public enum StudentT {
    /// The two-sided critical value t such that P(|T| > t) = 1 − level, i.e. the quantile
    /// t_{(1+level)/2, ν}; `scipy.stats.t.ppf((1 + level)/2, ν)`.
    ///
    /// From P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2) (Abramowitz & Stegun 26.7.1 with 26.5.27):
    /// with x = I⁻¹(ν/2, 1/2; 1 − level), t = √(ν(1 − x)/x), using
    /// ``SpecialFunctions/inverseRegularizedIncompleteBeta(a:b:p:)``.
    /// `nil` when ν ≤ 0 or `level` is not in (0, 1).
    public static func criticalValue(level: Double, degreesOfFreedom nu: Double) -> Double? {
        guard nu > 0, nu.isFinite, level > 0, level < 1 else { return nil }
        let x = SpecialFunctions.inverseRegularizedIncompleteBeta(a: 0.5 * nu, b: 0.5, p: 1 - level)
        guard x > 0, x.isFinite else { return nil }
        let t = (nu * (1 - x) / x).squareRoot()
        return t.isFinite ? t : nil
    }
}
