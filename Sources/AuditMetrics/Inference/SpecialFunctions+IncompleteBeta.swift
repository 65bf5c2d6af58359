import Foundation

extension SpecialFunctions {
    /// Regularized incomplete beta function
    /// I_x(a, b) = (1/B(a, b))·∫₀ˣ tᵃ⁻¹(1 − t)ᵇ⁻¹ dt, for a, b > 0 (non-integer allowed).
    ///
    /// Continued fraction of Numerical Recipes §6.4 (`betacf`, modified Lentz), evaluated for
    /// I_x(a, b) when x < (a + 1)/(a + b + 2) and for 1 − I_{1−x}(b, a) otherwise; the prefactor
    /// `xᵃ(1−x)ᵇ/B(a, b)` comes from ``betaPrefactor(a:b:x:y:)``. Matches
    /// `scipy.special.betainc(a, b, x)`. `x <= 0` gives 0 and `x >= 1` gives 1.
    public static func regularizedIncompleteBeta(a: Double, b: Double, x: Double) -> Double {
        guard a > 0, b > 0, a.isFinite, b.isFinite, !x.isNaN else { return .nan }
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let y = 1 - x
        if x < (a + 1) / (a + b + 2) {
            return betaPrefactor(a: a, b: b, x: x, y: y) * betaContinuedFraction(a: a, b: b, x: x) / a
        }
        return 1 - betaPrefactor(a: b, b: a, x: y, y: x) * betaContinuedFraction(a: b, b: a, x: y) / b
    }

    /// `1 − I_x(a, b) = I_{1−x}(b, a)`, computed without cancellation when it is small.
    static func regularizedIncompleteBetaComplement(a: Double, b: Double, x: Double) -> Double {
        regularizedIncompleteBeta(a: b, b: a, x: 1 - x)
    }

    /// Inverse of ``regularizedIncompleteBeta(a:b:x:)`` in x: the x in [0, 1] with I_x(a, b) = p;
    /// `scipy.special.betaincinv(a, b, p)`.
    ///
    /// Starts from the Abramowitz & Stegun 26.5.22 / Numerical Recipes `invbetai` guess, then
    /// Newton's method on ln I(eᵘ) − ln p in u = ln x (exact for the power-law lower tail), kept
    /// inside a shrinking bracket by bisection. For p > ½ it solves the mirrored problem
    /// I_{1−x}(b, a) = 1 − p, so both tails keep full relative precision in p.
    /// `p <= 0` gives 0, `p >= 1` gives 1.
    public static func inverseRegularizedIncompleteBeta(a: Double, b: Double, p: Double) -> Double {
        guard a > 0, b > 0, a.isFinite, b.isFinite, !p.isNaN else { return .nan }
        if p <= 0 { return 0 }
        if p >= 1 { return 1 }
        if p > 0.5 { return 1 - inverseLowerTail(a: b, b: a, p: 1 - p) }
        return inverseLowerTail(a: a, b: b, p: p)
    }

    /// `xᵃ·yᵇ/B(a, b)` with y = 1 − x (both passed, so that the smaller keeps its precision).
    ///
    /// * min(a, b) ≥ 10: with x₀ = a/(a+b), y₀ = b/(a+b) and d = x − x₀,
    ///   `exp(−a·g(d/x₀) − b·g(−d/y₀) − δ(a) − δ(b) + δ(a+b))·√(ab/(2π(a+b)))`, g(t) = t − ln(1+t)
    ///   and δ Stirling's correction (DiDonato & Morris `brcomp`); g(t) takes ln(1+t) from the
    ///   ratio x/x₀ itself when |t| ≥ ½ (x far from x₀, where 1 + d/x₀ would lose precision).
    /// * one parameter s < 10, the other L ≥ 10: ln Γ(L) − ln Γ(s+L) is expanded as
    ///   −s·ln L − (s+L−½)·log1p(s/L) + s + δ(L) − δ(s+L).
    /// * both < 10: `lgamma` directly.
    static func betaPrefactor(a: Double, b: Double, x: Double, y: Double) -> Double {
        let logX = x <= 0.5 ? log(x) : log1p(-y)
        let logY = y <= 0.5 ? log(y) : log1p(-x)
        if a >= 10 && b >= 10 {
            let total = a + b
            let x0 = a / total, y0 = b / total
            let d = x <= 0.5 ? x - x0 : y0 - y
            let exponent = -(a * logOnePlusComplement(d / x0, ratio: x / x0) + b * logOnePlusComplement(-d / y0, ratio: y / y0))
            let correction = stirlingCorrection(a) + stirlingCorrection(b) - stirlingCorrection(total)
            return exp(exponent - correction) * (a * b / total).squareRoot() * 0.39894228040143267794
        }
        let logBeta: Double
        if a < 10 && b < 10 {
            logBeta = logGamma(a) + logGamma(b) - logGamma(a + b)
        } else {
            let small = min(a, b), large = max(a, b)
            logBeta = logGamma(small) - small * log(large) - (small + large - 0.5) * log1p(small / large)
                + small + stirlingCorrection(large) - stirlingCorrection(small + large)
        }
        return exp(a * logX + b * logY - logBeta)
    }

    /// Continued fraction for I_x(a, b)·a/prefactor (Numerical Recipes `betacf`, modified Lentz).
    static func betaContinuedFraction(a: Double, b: Double, x: Double) -> Double {
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        var m = 1.0
        for _ in 0..<maxIterations {
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= 1e-16 { break }
            m += 1
        }
        return h
    }

    /// Solves I_x(a, b) = p for p in (0, ½].
    static func inverseLowerTail(a: Double, b: Double, p: Double) -> Double {
        var x = initialInverseGuess(a: a, b: b, p: p)
        if !(x > 0 && x < 1) { x = 0.5 }
        var low = 0.0, high = 1.0
        let logP = log(p)
        for _ in 0..<400 {
            let value = regularizedIncompleteBeta(a: a, b: b, x: x)
            if value == p { return x }
            if value < p { low = x } else { high = x }
            var next: Double
            if value > 0 {
                // d ln I / d ln x = x·pdf(x)/I = prefactor/((1 − x)·I)
                let slope = betaPrefactor(a: a, b: b, x: x, y: 1 - x) / ((1 - x) * value)
                next = x * exp(-(log(value) - logP) / slope)
            } else {
                next = .nan
            }
            if !(next > low && next < high) {
                // Bisection: geometric while the bracket spans orders of magnitude.
                if low == 0 {
                    next = high / 16
                } else if high > 4 * low {
                    next = (low * high).squareRoot()
                } else {
                    next = 0.5 * (low + high)
                }
            }
            if abs(next - x) <= 2 * Double.ulpOfOne * x || next == low || next == high {
                return next
            }
            x = next
        }
        return x
    }

    /// Starting point for the inverse (Numerical Recipes `invbetai`, after Abramowitz & Stegun
    /// 26.5.22 for a, b ≥ 1 and a two-piece power-law approximation otherwise).
    static func initialInverseGuess(a: Double, b: Double, p: Double) -> Double {
        if a >= 1 && b >= 1 {
            let pp = p < 0.5 ? p : 1 - p
            let t = (-2 * log(pp)).squareRoot()
            var z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t
            if p < 0.5 { z = -z }
            let al = (z * z - 3) / 6
            let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
            let w = z * (al + h).squareRoot() / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5.0 / 6 - 2 / (3 * h))
            return a / (a + b * exp(2 * w))
        }
        let lna = log(a / (a + b)), lnb = log(b / (a + b))
        let t = exp(a * lna) / a, u = exp(b * lnb) / b
        let w = t + u
        if p < t / w { return pow(a * w * p, 1 / a) }
        return 1 - pow(b * w * (1 - p), 1 / b)
    }
}
