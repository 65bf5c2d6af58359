import Foundation

extension KolmogorovSmirnov {
    /// Kolmogorov's limiting survival function Q(λ) = P(K > λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²}
    /// (Kolmogorov 1933); for λ < 1 the equivalent Jacobi-theta form
    /// 1 − (√(2π)/λ) Σ_{k≥1} e^{−(2k−1)²π²/(8λ²)}, which converges fast there.
    /// `scipy.stats.kstwobign.sf(λ)`.
    public static func kolmogorovSurvival(_ lambda: Double) -> Double {
        if lambda <= 0 { return 1 }
        if lambda < 1 {
            let a = -Double.pi * Double.pi / (8 * lambda * lambda)
            var sum = 0.0
            for k in 1...20 {
                let m = Double(2 * k - 1)
                let term = exp(a * m * m)
                sum += term
                if term < 1e-300 { break }
            }
            return min(1, max(0, 1 - (2 * Double.pi).squareRoot() / lambda * sum))
        }
        var sum = 0.0
        for k in 1...100 {
            let kk = Double(k)
            let term = exp(-2 * kk * kk * lambda * lambda)
            sum += k % 2 == 1 ? term : -term
            if term < 1e-300 { break }
        }
        return min(1, max(0, 2 * sum))
    }

    /// The exact two-sided p-value P(D ≥ h/(n₁n₂)) under H₀ with continuous data: one minus the
    /// probability that a uniformly random monotone lattice path from (0, 0) to (n₁, n₂) stays
    /// strictly inside |i·n₂ − j·n₁| < h (Hodges 1958; the recursion of R's `psmirnov`, with
    /// each step scaled so that the count stays a probability). O(n₁n₂) time, O(min) memory.
    /// `nil` if the result is not a finite probability.
    static func exactPValue(numerator h: Int, n1: Int, n2: Int) -> Double? {
        if h == 0 { return 1 }
        // m ≥ n: the inner loop runs over the smaller sample.
        let (m, n) = n1 >= n2 ? (n1, n2) : (n2, n1)
        // u[j]: probability-scaled number of paths reaching (i, j) while staying inside.
        var u = [Double](repeating: 0, count: n + 1)
        for j in 0...n { u[j] = j * m < h ? 1 : 0 }  // |0·n − j·m| < h
        // Scaling: multiply row i by i/(i + n) keeps u[n] equal to paths/C(i + n, n).
        for i in 1...m {
            let w = Double(i) / Double(i + n)
            u[0] = i * n < h ? w * u[0] : 0
            for j in 1...n {
                u[j] = abs(i * n - j * m) < h ? w * u[j] + u[j - 1] : 0
            }
        }
        let p = 1 - u[n]
        return p.isFinite ? min(1, max(0, p)) : nil
    }
}
