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

    /// The exact two-sided p-value P(D ≥ h/(n₁n₂)) under H₀ with continuous data: the
    /// probability that a uniformly random monotone lattice path from (0, 0) to (m, n) touches
    /// the boundary |i·n − j·m| ≥ h (Hodges 1958; scipy `ks_2samp(method='exact')`).
    ///
    /// Paths are counted row by row, N(i, j) = N(i − 1, j) + N(i, j − 1) over the points
    /// inside the band, each row rescaled by its maximum (its logarithm is carried aside) so
    /// that nothing overflows or underflows; each path is charged where it first touches the
    /// boundary, p = Σ N_first(i, j)·C(m − i + n − j, n − j)/C(m + n, n), so that a tiny
    /// p-value keeps its relative precision (1 − P(inside) would round it to 0).
    /// O(mn) time, O(min(m, n)) memory. `nil` if the result is not a finite probability.
    static func exactPValue(numerator h: Int, n1: Int, n2: Int) -> Double? {
        if h == 0 { return 1 }
        // m ≥ n: the inner loop runs over the smaller sample.
        let (m, n) = n1 >= n2 ? (n1, n2) : (n2, n1)
        func logChoose(_ a: Int, _ b: Int) -> Double { lgamma(Double(a + 1)) - lgamma(Double(b + 1)) - lgamma(Double(a - b + 1)) }
        let logTotal = logChoose(m + n, n)
        var p = 0.0
        // u[j]·exp(logScale) = N(i, j), the paths reaching (i, j) while staying inside.
        var logScale = 0.0
        // A first touch at (i, j) reached by `value`·exp(logScale) paths.
        func charge(_ value: Double, _ i: Int, _ j: Int) {
            guard value > 0 else { return }
            p += exp(log(value) + logScale + logChoose(m - i + n - j, n - j) - logTotal)
        }
        var u = [Double](repeating: 0, count: n + 1)
        u[0] = 1
        for j in 1...n {
            if j * m >= h { charge(u[j - 1], 0, j); u[j] = 0 } else { u[j] = u[j - 1] }
        }
        for i in 1...m {
            var rowMax = 0.0
            if i * n >= h { charge(u[0], i, 0); u[0] = 0 }
            rowMax = u[0]
            for j in 1...n {
                let value = u[j] + u[j - 1]
                if abs(i * n - j * m) >= h { charge(value, i, j); u[j] = 0 } else { u[j] = value; rowMax = Swift.max(rowMax, value) }
            }
            // No path stays inside: every one has been charged.
            guard rowMax > 0 else { break }
            for j in 0...n { u[j] /= rowMax }
            logScale += log(rowMax)
        }
        return p.isFinite ? min(1, max(0, p)) : nil
    }
}
