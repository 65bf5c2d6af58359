import Foundation

/// Student's t distribution, for the Welch intervals of the driver analyses.
enum StudentT {
    /// The two-sided critical value `t_{1−α/2, ν}` (α = 1 − `level`), for real `ν > 0`:
    /// `scipy.stats.t.ppf(0.5 + level/2, ν)`.
    ///
    /// From `P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2)` (Abramowitz & Stegun 26.7.1 and 26.5.27):
    /// `x = I⁻¹_α(ν/2, 1/2)` gives `t = √(ν(1−x)/x)`. When `1 − x` is small (large ν) it is
    /// obtained directly as `y = 1 − x`, the solution of `1 − I_y(1/2, ν/2) = α`, so that no
    /// precision is lost in `1 − x`; then `t = √(ν·y/(1−y))`.
    static func criticalValue(level: Double, degreesOfFreedom nu: Double) -> Double {
        let alpha = 1 - level
        let y = SpecialFunctions.inverseRegularizedIncompleteBetaComplement(a: 0.5, b: nu / 2, q: alpha)
        if y < 0.5 { return (nu * y / (1 - y)).squareRoot() }
        let x = SpecialFunctions.inverseRegularizedIncompleteBeta(a: nu / 2, b: 0.5, p: alpha)
        return (nu * (1 - x) / x).squareRoot()
    }
}
