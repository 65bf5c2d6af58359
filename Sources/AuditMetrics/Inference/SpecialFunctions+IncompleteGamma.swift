import Foundation

extension SpecialFunctions {
    /// Regularized upper incomplete gamma function
    /// Q(a, x) = Γ(a, x)/Γ(a) = (1/Γ(a))·∫ₓ^∞ tᵃ⁻¹e⁻ᵗ dt, for a > 0 (non-integer allowed).
    ///
    /// Numerical Recipes §6.2: for x < a + 1, Q = 1 − P with P from the series
    /// P = xᵃe⁻ˣ/Γ(a)·Σₙ xⁿ/(a(a+1)…(a+n)); otherwise the continued fraction for Q (modified
    /// Lentz), so that small upper tails keep full relative precision. Matches
    /// `scipy.special.gammaincc(a, x)`. `x <= 0` gives 1, `x = +∞` gives 0.
    public static func regularizedUpperIncompleteGamma(a: Double, x: Double) -> Double {
        guard a > 0, a.isFinite, !x.isNaN else { return .nan }
        if x <= 0 { return 1 }
        if x == .infinity { return 0 }
        let prefactor = gammaPrefactor(a: a, x: x)
        if x < a + 1 {
            var ap = a
            var term = 1 / a
            var sum = term
            for _ in 0..<maxIterations {
                ap += 1
                term *= x / ap
                sum += term
                if abs(term) < abs(sum) * 1e-17 { break }
            }
            return 1 - sum * prefactor
        }
        var bb = x + 1 - a
        var c = 1 / tiny
        var d = 1 / bb
        var h = d
        var i = 1.0
        for _ in 0..<maxIterations {
            let an = -i * (i - a)
            bb += 2
            d = an * d + bb
            if abs(d) < tiny { d = tiny }
            c = bb + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= 1e-16 { break }
            i += 1
        }
        return prefactor * h
    }

    /// `xᵃ·e⁻ˣ/Γ(a)`. For a ≥ 10 as `exp(−a·g((x−a)/a) − δ(a))·√(a/2π)` with g(t) = t − ln(1+t)
    /// and δ Stirling's correction (no cancellation between `a·ln x`, `x` and `ln Γ(a)`);
    /// below with `lgamma`.
    static func gammaPrefactor(a: Double, x: Double) -> Double {
        if a >= 10 {
            return exp(-a * logOnePlusComplement((x - a) / a, ratio: x / a) - stirlingCorrection(a)) * (a / (2 * Double.pi)).squareRoot()
        }
        return exp(a * log(x) - x - logGamma(a))
    }
}
