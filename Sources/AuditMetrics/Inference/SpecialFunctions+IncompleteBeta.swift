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
        return betaTail(a: a, b: b, x: x, y: 1 - x, upper: false)
    }

    /// I_x(a, b) (`upper == false`) or 1 − I_x(a, b) (`upper == true`) for 0 < x < 1, given both
    /// x and y = 1 − x so that whichever is small keeps its full precision.
    ///
    /// The continued fraction is evaluated for I_x(a, b) when x < (a + 1)/(a + b + 2) and for
    /// I_y(b, a) = 1 − I_x(a, b) otherwise (Numerical Recipes); the other tail is 1 minus it.
    /// Exception: the continued fraction is ill-conditioned when its argument is close to 1 and
    /// its first parameter large (its first denominators cancel, losing about ε/(1 − argument)),
    /// e.g. I_{1−x}(10⁷, 1.001) at x = 3.7e-7. So when the argument exceeds 0.9 and the
    /// complementary (small) argument is within one standard deviation beyond its own switch
    /// point — where the fraction still converges well — the fraction is evaluated there
    /// instead, and used as 1 − tail whenever it is at most 0.99 (the subtraction then costs at
    /// most a factor 100). Only tails below 0.01 in that regime still go through the
    /// ill-conditioned fraction. (Issue 13's sweep found "within twice its switch point" wrong
    /// for large parameters: I_x(10⁴, 10⁶) at x = 0.0102, three deviations beyond, came out
    /// 0.317 instead of 0.9985.)
    static func betaTail(a: Double, b: Double, x: Double, y: Double, upper: Bool) -> Double {
        let direct = x < (a + 1) / (a + b + 2)
        // The tail the fraction produces: I_x(a, b) if direct, else 1 − I_x(a, b) = I_y(b, a).
        let (pa, pb, px, py) = direct ? (a, b, x, y) : (b, a, y, x)
        var primary: Double? = nil
        // The other tail: by the power series when it applies (any distance from the switch
        // point), else — only where this fraction is badly conditioned (py < 10⁻³, a loss of
        // ε/py) — by its own fraction just beyond its switch point, within half a standard
        // deviation of Beta(pb, pa) (further out that fraction loses accuracy quickly for large
        // parameters: 5e-12 at 1 sd, 1e-9 at 1.5 sd, nonsense at 3 sd for Beta(10⁴, 10⁶)).
        // 1 − other costs a factor other/(1 − other) in relative precision, the ill-conditioned
        // fraction about 1/py: the complement is used when it costs less (always up to 0.99).
        let total = pa + pb
        let sd = (pa * pb / (total * total * (total + 1))).squareRoot()
        if px > 0.9, Self.usesPowerSeries(a: pb, b: pa, x: py) || (py < 1e-3 && py < (pb + 1) / (total + 2) + 0.5 * sd) {
            let other = lowerTail(a: pb, b: pa, x: py, y: px)
            if other.isFinite, other >= 0, other < 1, other / (1 - other) <= max(99, 0.1 / py) { primary = 1 - other }
        }
        let value = primary ?? lowerTail(a: pa, b: pb, x: px, y: py)
        // `value` is the lower tail when direct, the upper tail otherwise.
        return direct == upper ? 1 - value : value
    }

    /// I_x(a, b) for x below (or just above) the switch point (a + 1)/(a + b + 2): the continued
    /// fraction, or — for a small first parameter (a ≤ 10) and a large second one (b ≥ 1,000),
    /// where the fraction's relative error grows like ε·b (6e-10 at b = 10⁶) — the power series
    /// of positive terms (Abramowitz & Stegun 26.5.23, TOMS 708 `bpser` in spirit)
    ///
    ///     I_x(a, b) = xᵃyᵇ/(a·B(a, b)) · Σₙ (a + b)ₙ/(a + 1)ₙ · xⁿ,
    ///
    /// whose terms grow while x(a + b + n) > a + 1 + n, i.e. for about x·b ≤ 3(a + 1) + 40 terms,
    /// then fall geometrically: all positive, a relative error of a few ulps per term.
    static func lowerTail(a: Double, b: Double, x: Double, y: Double) -> Double {
        let prefactor = betaPrefactor(a: a, b: b, x: x, y: y) / a
        if usesPowerSeries(a: a, b: b, x: x) {
            var term = 1.0, sum = 1.0, n = 0.0
            while n < 100_000 {
                term *= x * (a + b + n) / (a + 1 + n)
                sum += term
                n += 1
                if term <= sum * 1e-17 && x * (a + b + n) < a + 1 + n { break }
            }
            return prefactor * sum
        }
        return prefactor * betaContinuedFraction(a: a, b: b, x: x)
    }

    /// Whether ``lowerTail(a:b:x:y:)`` sums the power series: a ≤ 10, b ≥ 1,000 and
    /// x(a + b) ≤ 3(a + 1) + 40 (at most about 70 growing terms, none above e⁷⁰).
    static func usesPowerSeries(a: Double, b: Double, x: Double) -> Bool {
        a <= 10 && b >= 1000 && x * (a + b) <= 3 * (a + 1) + 40
    }

    /// Inverse of ``regularizedIncompleteBeta(a:b:x:)`` in x: the x in [0, 1] with I_x(a, b) = p;
    /// `scipy.special.betaincinv(a, b, p)`.
    ///
    /// Starts from the Abramowitz & Stegun 26.5.22 / Numerical Recipes `invbetai` guess, then
    /// Newton's method on ln I(eᵘ) − ln p in u = ln x (exact for the power-law lower tail), kept
    /// inside a shrinking bracket by bisection. For p > ½ it solves the upper tail
    /// 1 − I_x(a, b) = 1 − p instead (see ``inverseRegularizedIncompleteBetaComplement(a:b:q:)``),
    /// so both tails keep full relative precision in p. `p <= 0` gives 0, `p >= 1` gives 1.
    public static func inverseRegularizedIncompleteBeta(a: Double, b: Double, p: Double) -> Double {
        guard a > 0, b > 0, a.isFinite, b.isFinite, !p.isNaN else { return .nan }
        if p <= 0 { return 0 }
        if p >= 1 { return 1 }
        if p > 0.5 { return inverseRegularizedIncompleteBetaComplement(a: a, b: b, q: 1 - p) }
        return inverseLowerTail(a: a, b: b, p: p)
    }

    /// The x in [0, 1] with 1 − I_x(a, b) = q (`scipy.special.betainccinv(a, b, q)`, the beta
    /// distribution's `isf`), computed without forming 1 − q.
    ///
    /// Solves I_y(b, a) = q for y = 1 − x as in ``inverseRegularizedIncompleteBeta(a:b:p:)``;
    /// when the answer x is below ½, where 1 − y would have lost relative precision, it is
    /// polished by Newton steps on ln(1 − I_x(a, b)) − ln q in ln x with x itself as the variable.
    /// `q <= 0` gives 1, `q >= 1` gives 0.
    public static func inverseRegularizedIncompleteBetaComplement(a: Double, b: Double, q: Double) -> Double {
        guard a > 0, b > 0, a.isFinite, b.isFinite, !q.isNaN else { return .nan }
        if q <= 0 { return 1 }
        if q >= 1 { return 0 }
        if q > 0.5 { return inverseLowerTail(a: a, b: b, p: 1 - q) }
        let y = inverseLowerTail(a: b, b: a, p: q)
        var x = 1 - y
        guard x > 0, x < 0.5 else { return x }
        let logQ = log(q)
        for _ in 0..<8 {
            let tail = betaTail(a: a, b: b, x: x, y: 1 - x, upper: true)
            guard tail > 0 else { break }
            // d ln(1 − I) / d ln x = −x·pdf(x)/(1 − I) = −prefactor/((1 − x)(1 − I))
            let slope = -betaPrefactor(a: a, b: b, x: x, y: 1 - x) / ((1 - x) * tail)
            guard slope < 0 else { break }
            let next = x * exp(-(log(tail) - logQ) / slope)
            guard next > 0, next < 1 else { break }
            let done = abs(next - x) <= 2 * Double.ulpOfOne * x
            x = next
            if done { break }
        }
        return x
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
            // Converged: Newton's step no longer moves x (it may land exactly on the bracket
            // end that x itself just became, which must not send it back to bisection).
            if next.isFinite, abs(next - x) <= 2 * Double.ulpOfOne * x { return next }
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
