/// The chi-square distribution with ν degrees of freedom.
public enum ChiSquared {
    /// Survival function P(X > x) = Q(ν/2, x/2), the regularized upper incomplete gamma function
    /// (``SpecialFunctions/regularizedUpperIncompleteGamma(a:x:)``); `scipy.stats.chi2.sf(x, ν)`.
    ///
    /// ν may be non-integer. Documented values outside the usual domain: `x <= 0` gives 1;
    /// ν <= 0 (the degenerate point mass at 0) gives 0 for x > 0. `NaN` propagates.
    public static func survival(_ x: Double, degreesOfFreedom: Double) -> Double {
        if x.isNaN || degreesOfFreedom.isNaN { return .nan }
        if x <= 0 { return 1 }
        if degreesOfFreedom <= 0 { return 0 }
        return SpecialFunctions.regularizedUpperIncompleteGamma(a: 0.5 * degreesOfFreedom, x: 0.5 * x)
    }
}
