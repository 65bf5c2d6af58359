import Foundation

extension KolmogorovSmirnov {
    /// The smallest p-value Vigie publishes as a number. Below it, ``exactPValue(numerator:n1:n2:)``
    /// and ``kolmogorovSurvival(_:)`` are no longer accurate to the last digits (the exact path
    /// probabilities near the boundary are subnormal numbers, the asymptotic series underflows),
    /// so a smaller p-value is published as this value marked as an upper bound
    /// (``pValueIsUpperBound``, `MetricValue.upperBound`): never 0.
    public static let smallestPublishedPValue = PublishedPValue.smallest

    /// Kolmogorov's limiting survival function Q(λ) = P(K > λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²}
    /// (Kolmogorov 1933); for λ < 1 the equivalent Jacobi-theta form
    /// 1 − (√(2π)/λ) Σ_{k≥1} e^{−(2k−1)²π²/(8λ²)}, which converges fast there.
    /// `scipy.stats.kstwobign.sf(λ)`. Relative precision is kept in the far tail (the first
    /// term dominates); below about 1e-308 the result underflows to 0, which ``test(numerator:n1:n2:method:)``
    /// publishes as the upper bound ``smallestPublishedPValue``.
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
    /// Computed as **probabilities**, not path counts: a uniformly random path at (i, j) steps
    /// to (i + 1, j) with probability (m − i)/(m − i + n − j) and to (i, j + 1) otherwise, so the
    /// probability q(i, j) of reaching (i, j) without having touched the boundary is
    ///
    ///     q(i, j) = q(i − 1, j)·(m − i + 1)/(m − i + 1 + n − j) + q(i, j − 1)·(n − j + 1)/(m − i + n − j + 1)
    ///
    /// over the points inside the band, and p = Σ q(i, j) over the boundary points, each path
    /// being charged where it first touches. Every q lies in [0, 1] and no rescaling is needed:
    /// the probability mass only moves forward, so a value lost to underflow (below 2⁻¹⁰⁷⁴)
    /// removes at most that much from p, and the absolute error of p is below
    /// 3·m·n·2⁻¹⁰⁷⁵ (< 1e-315 for m·n ≤ 10⁸) besides a relative error of a few (m + n) ulps.
    /// Hence p keeps its relative precision down to ``smallestPublishedPValue`` (1e-300); the
    /// two sides of the band are treated alike, so p is never half the two-sided value.
    /// (Counting paths with a rescaled row, as before, sent the cells near the boundary into
    /// subnormal numbers: p = 1 instead of 2.9e-182 for 5,690 against 670 at D = 0.569.)
    /// Tested against exact big-integer path counts (`Fixtures/reference/scores/ks_exact_reference.json`).
    ///
    /// O(m·n) time, O(min(m, n)) memory. `nil` if the result is not a finite probability.
    static func exactPValue(numerator h: Int, n1: Int, n2: Int) -> Double? {
        if h <= 0 { return 1 }
        // m ≥ n: the inner loop runs over the smaller sample.
        let (m, n) = n1 >= n2 ? (n1, n2) : (n2, n1)
        var p = 0.0
        // q[j] = q(i, j) for the current row i (0 outside the band).
        var q = [Double](repeating: 0, count: n + 1)
        q[0] = 1
        // Row 0: (0, j) is reached from (0, j − 1) with probability n − j + 1 over m + n − j + 1.
        for j in 1...n {
            let value = q[j - 1] * Double(n - j + 1) / Double(m + n - j + 1)
            if j * m >= h { p += value; break }
            q[j] = value
        }
        for i in 1...m {
            let stepI = Double(m - i + 1)
            // Column 0: reached only from (i − 1, 0).
            var left = q[0] * stepI / Double(m - i + 1 + n)
            if i * n >= h { p += left; left = 0 }
            q[0] = left
            var alive = left > 0
            for j in 1...n {
                // From (i − 1, j) and from (i, j − 1); both steps leave m − i + n − j + 1 to go.
                let value = (q[j] * stepI + left * Double(n - j + 1)) / Double(m - i + n - j + 1)
                if abs(i * n - j * m) >= h {
                    p += value
                    left = 0
                } else {
                    left = value
                    if value > 0 { alive = true }
                }
                q[j] = left
            }
            // No path stays inside: every one has been charged.
            guard alive else { break }
        }
        return p.isFinite ? min(1, max(0, p)) : nil
    }
}
