extension StudentT {
    /// The two-sided p-value P(|T| ≥ |t|) of Student's t with ν degrees of freedom:
    /// I_{ν/(ν+t²)}(ν/2, 1/2) (Abramowitz & Stegun 26.7.1 and 26.5.27), that is
    /// `2 * scipy.stats.t.sf(abs(t), ν)`. `nil` when t is not finite or ν ≤ 0 or not finite.
    public static func twoSidedPValue(_ t: Double, degreesOfFreedom nu: Double) -> Double? {
        guard t.isFinite, nu > 0, nu.isFinite else { return nil }
        let x = nu / (nu + t * t)
        let p = SpecialFunctions.regularizedIncompleteBeta(a: nu / 2, b: 0.5, x: x)
        return p.isFinite ? min(1, max(0, p)) : nil
    }
}
