import Foundation

/// Exact binomial variates.
///
/// With `p' = min(p, 1 − p)` (the draw for `p > ½` is `n − X`, `X ~ Binomial(n, 1 − p)`):
///
/// * **`n·p' < 10`: inversion** by sequential search from 0 (Kachitvichyanukul & Schmeiser 1988,
///   "Binomial random variate generation", CACM 31(2), algorithm BINV): `f(0) = q^n`,
///   `f(k) = f(k−1)·((n+1)/k − 1)·p/q`; one uniform per draw, on average `n·p + 1` steps.
///   `q^n ≥ e^{−20}` here, so nothing underflows.
/// * **`n·p' ≥ 10`: BTRS**, the transformed rejection with squeeze of Hörmann (1993, "The
///   generation of binomial random variates", J. Statist. Comput. Simul. 46, 101–110), constants
///   as in the paper (and in TensorFlow's and PyTorch's implementations); the exact acceptance
///   test uses the Stirling tail `log k! − [(k+½)·log(k+1) − (k+1) + ½·log 2π]`, tabulated for
///   `k ≤ 9` and from its asymptotic series beyond. Two uniforms per trial, about 1.15 trials per
///   draw, cost independent of `n`.
///
/// Both are exact up to floating-point rounding. Degenerate cases consume no randomness:
/// `n = 0` or `p = 0` → 0, `p = 1` → n.
public enum BinomialSampler {
    /// One draw from Binomial(`trials`, `probability`). `trials ≥ 0`, `probability ∈ [0, 1]`.
    public static func sample<G: RandomNumberGenerator>(trials: Int, probability: Double, using generator: inout G) -> Int {
        precondition(trials >= 0, "binomial: negative number of trials")
        precondition(probability >= 0 && probability <= 1, "binomial: probability outside [0, 1]")
        if trials == 0 || probability == 0 { return 0 }
        if probability == 1 { return trials }
        let flip = probability > 0.5
        let p = flip ? 1 - probability : probability
        let k = Double(trials) * p < 10
            ? inversion(n: trials, p: p, using: &generator)
            : btrs(n: trials, p: p, using: &generator)
        return flip ? trials - k : k
    }

    /// BINV: inversion by sequential search. Requires `p ≤ ½` and `n·p < 10`.
    @inlinable
    static func inversion<G: RandomNumberGenerator>(n: Int, p: Double, using generator: inout G) -> Int {
        let q = 1 - p
        let s = p / q
        let a = Double(n + 1) * s
        let f0 = Foundation.exp(Double(n) * Foundation.log1p(-p))
        while true {
            var u = generator.bootstrapOpenUniform()
            var f = f0
            var k = 0
            while u > f {
                u -= f
                k += 1
                if k > n { break }  // rounding left mass beyond n: draw again
                f *= a / Double(k) - s
            }
            if k <= n { return k }
        }
    }

    /// BTRS (Hörmann 1993). Requires `p ≤ ½` and `n·p ≥ 10`.
    @inlinable
    static func btrs<G: RandomNumberGenerator>(n: Int, p: Double, using generator: inout G) -> Int {
        let nd = Double(n)
        let q = 1 - p
        let spq = (nd * p * q).squareRoot()
        let b = 1.15 + 2.53 * spq
        let a = -0.0873 + 0.0248 * b + 0.01 * p
        let c = nd * p + 0.5
        let vr = 0.92 - 4.2 / b
        let alpha = (2.83 + 5.1 / b) * spq
        let lpq = Foundation.log(p / q)
        let m = (Double(n + 1) * p).rounded(.down)
        let h = stirlingTail(m) + stirlingTail(nd - m)
        while true {
            let u = generator.bootstrapOpenUniform() - 0.5
            var v = generator.bootstrapOpenUniform()
            let us = 0.5 - abs(u)
            let kd = ((2 * a / us + b) * u + c).rounded(.down)
            if !(kd >= 0 && kd <= nd) { continue }
            // Squeeze: the box where the hat lies below the density.
            if us >= 0.07 && v <= vr { return Int(kd) }
            // Exact test: log(v·α/(a/us² + b)) ≤ log f(k) − log f(m).
            v = Foundation.log(v * alpha / (a / (us * us) + b))
            let bound = (m + 0.5) * Foundation.log((m + 1) / (nd - m + 1))
                + (nd + 1) * Foundation.log((nd - m + 1) / (nd - kd + 1))
                + (kd + 0.5) * Foundation.log((nd - kd + 1) / (kd + 1))
                + (kd - m) * lpq
                + h - stirlingTail(kd) - stirlingTail(nd - kd)
            if v <= bound { return Int(kd) }
        }
    }

    /// `log k! − [(k+½)·log(k+1) − (k+1) + ½·log 2π]` (Stirling's error term).
    @inlinable
    static func stirlingTail(_ k: Double) -> Double {
        if k <= 9 { return stirlingTable[Int(k)] }
        let kp1 = k + 1
        let kp1sq = kp1 * kp1
        return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / kp1
    }

    /// `stirlingTail(k)` for `k = 0 … 9`, computed with `math.lgamma` in double precision.
    @usableFromInline static let stirlingTable: [Double] = [
        0.08106146679532733, 0.04134069595540946, 0.027677925684997717, 0.02079067210376584,
        0.01664469118982126, 0.013876128823072875, 0.011896709945893313, 0.010411265261973668,
        0.00925546218270945, 0.008330563433359472,
    ]
}

/// Multinomial variates over four cells.
///
/// Sequential conditional binomials (e.g. Devroye 1986, *Non-Uniform Random Variate Generation*,
/// XI.1.3): `X₀ ~ Bin(n, p₀)`, then `X_i ~ Bin(n − ΣX_{<i}, p_i / Σ_{j≥i} p_j)`, and the last cell
/// takes the rest. The suffix sums `Σ_{j≥i} p_j` are computed directly (not as `1 − Σ_{j<i}`), and
/// the probabilities need not be normalised. Three binomial draws at most, whatever `n`.
public enum MultinomialSampler {
    /// One draw from Multinomial(`trials`, `probabilities`); the cells sum to `trials`.
    public static func sample<G: RandomNumberGenerator>(trials: Int, probabilities: SIMD4<Double>, using generator: inout G) -> SIMD4<Int> {
        precondition(trials >= 0, "multinomial: negative number of trials")
        precondition(all(probabilities .>= 0), "multinomial: negative probability")
        let tail3 = probabilities[3]
        let tail2 = probabilities[2] + tail3
        let tail1 = probabilities[1] + tail2
        let tail0 = probabilities[0] + tail1
        precondition(tail0 > 0 || trials == 0, "multinomial: probabilities sum to 0")
        return sequential(trials: trials, numerators: SIMD3(probabilities[0], probabilities[1], probabilities[2]), tails: SIMD3(tail0, tail1, tail2), using: &generator)
    }

    /// Multinomial(n, counts / n) for nonnegative integer `counts` summing to `n`: each
    /// conditional probability is a ratio of exact integers.
    @inlinable
    static func resample<G: RandomNumberGenerator>(counts: SIMD4<Int>, using generator: inout G) -> SIMD4<Int> {
        let t2 = counts[2] + counts[3]
        let t1 = counts[1] + t2
        let t0 = counts[0] + t1
        return sequential(trials: t0, numerators: SIMD3(Double(counts[0]), Double(counts[1]), Double(counts[2])), tails: SIMD3(Double(t0), Double(t1), Double(t2)), using: &generator)
    }

    @inlinable
    static func sequential<G: RandomNumberGenerator>(trials: Int, numerators: SIMD3<Double>, tails: SIMD3<Double>, using generator: inout G) -> SIMD4<Int> {
        var result = SIMD4<Int>.zero
        var remaining = trials
        for i in 0..<3 {
            if remaining == 0 { break }
            let tail = tails[i]
            let p = tail > 0 ? min(1, numerators[i] / tail) : 0
            let x = BinomialSampler.sample(trials: remaining, probability: p, using: &generator)
            result[i] = x
            remaining -= x
        }
        result[3] = remaining
        return result
    }
}
