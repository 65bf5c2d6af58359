/// Student's t distribution with ν degrees of freedom (score means, Welch intervals of the
/// driver analyses).
public enum StudentT {
    /// The two-sided critical value t such that P(|T| > t) = 1 − `level`, i.e. the quantile
    /// t_{(1+level)/2, ν}: `scipy.stats.t.ppf((1 + level)/2, ν)`, for real ν > 0.
    ///
    /// From P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2) (Abramowitz & Stegun 26.7.1 and 26.5.27):
    /// x = I⁻¹_α(ν/2, 1/2) gives t = √(ν(1−x)/x), α = 1 − level. When 1 − x is small (large ν)
    /// it is obtained directly as y = 1 − x, the solution of 1 − I_y(1/2, ν/2) = α, so that no
    /// precision is lost in 1 − x; then t = √(ν·y/(1−y)).
    /// `nil` when ν ≤ 0 or is not finite, or `level` is not in (0, 1).
    public static func criticalValue(level: Double, degreesOfFreedom nu: Double) -> Double? {
        guard nu > 0, nu.isFinite, level > 0, level < 1 else { return nil }
        let alpha = 1 - level
        let y = SpecialFunctions.inverseRegularizedIncompleteBetaComplement(a: 0.5, b: nu / 2, q: alpha)
        let t: Double
        if y < 0.5 {
            t = (nu * y / (1 - y)).squareRoot()
        } else {
            let x = SpecialFunctions.inverseRegularizedIncompleteBeta(a: nu / 2, b: 0.5, p: alpha)
            guard x > 0 else { return nil }
            t = (nu * (1 - x) / x).squareRoot()
        }
        return t.isFinite ? t : nil
    }
}
