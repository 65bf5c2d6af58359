import Foundation

/// Power analysis for comparing a group's proportion with a reference group's.
public enum Power {
    /// Minimum detectable difference in a proportion for a two-sided test at level α with the
    /// given power, comparing a group of n₁ with a reference of n₂ whose rate is p₀, using
    /// Cohen's arcsine effect size h = 2·asin√p − 2·asin√p₀ (Cohen 1988, §6.2).
    ///
    /// h solves statsmodels' two-sided normal power equation (`statsmodels.stats.power.
    /// normal_power`, as used by `NormalIndPower().solve_power(effect_size=None, nobs1=n₁,
    /// ratio=n₂/n₁, alpha, power)`):
    ///
    ///     Φ(h√ñ − z_{1−α/2}) + Φ(−h√ñ − z_{1−α/2}) = power,  ñ = 1/(1/n₁ + 1/n₂)
    ///
    /// solved by safeguarded Newton to full precision. Its first-order solution, which ignores
    /// the opposite rejection region, is the closed form h ≈ (z_{1−α/2} + z_{power})·√(1/n₁ + 1/n₂);
    /// the two differ by about 1e-6 relative at power 0.8 and 1e-4 at power 0.5. (statsmodels'
    /// `solve_power` itself only converges to ~1e-6 relative; the reference values use a tight
    /// root of the same equation.)
    ///
    /// Converted back to proportions: p = sin²(asin√p₀ ∓ h/2). Returns the decrease p₀ − p_low and
    /// the increase p_high − p₀, each `nil` when that direction leaves [0, 1]
    /// (asin√p₀ − h/2 < 0 or asin√p₀ + h/2 > π/2). Sizes may be non-integer. Both are `nil` for
    /// invalid inputs: n₁, n₂ not positive and finite, p₀ outside [0, 1], α or power outside
    /// (0, 1), or power ≤ α (no positive effect size has that power).
    public static func minimumDetectableDifference(referenceRate p0: Double, groupSize n1: Double, referenceSize n2: Double, alpha: Double = 0.05, power: Double = 0.8) -> (decrease: Double?, increase: Double?) {
        guard let h = cohenH(groupSize: n1, referenceSize: n2, alpha: alpha, power: power),
              p0 >= 0, p0 <= 1
        else { return (nil, nil) }
        let angle = asin(p0.squareRoot())
        let lowAngle = angle - h / 2, highAngle = angle + h / 2
        let decrease: Double? = lowAngle >= 0 ? p0 - pow(sin(lowAngle), 2) : nil
        let increase: Double? = highAngle <= Double.pi / 2 ? pow(sin(highAngle), 2) - p0 : nil
        return (decrease, increase)
    }

    /// The Cohen's h detectable with `power` by a two-sided level-α z test with group sizes n₁
    /// and n₂ (see ``minimumDetectableDifference(referenceRate:groupSize:referenceSize:alpha:power:)``).
    public static func cohenH(groupSize n1: Double, referenceSize n2: Double, alpha: Double = 0.05, power: Double = 0.8) -> Double? {
        guard n1.isFinite, n2.isFinite, n1 > 0, n2 > 0, alpha > 0, alpha < 1, power > alpha, power < 1 else { return nil }
        let critical = Normal.quantile(1 - alpha / 2)
        // Solve f(δ) = Φ(δ − c) + Φ(−δ − c) − power = 0 for the noncentrality δ = h√ñ > 0.
        // f is increasing on δ > 0, f(0) = α − power < 0 and f(c + z_power) ≥ 0.
        func f(_ delta: Double) -> Double { Normal.survival(critical - delta) + Normal.cdf(-delta - critical) - power }
        var low = 0.0
        var high = critical + Normal.quantile(power)
        var delta = high
        for _ in 0..<200 {
            let value = f(delta)
            if value == 0 { break }
            if value < 0 { low = delta } else { high = delta }
            let slope = Normal.density(delta - critical) - Normal.density(delta + critical)
            var next = slope > 0 ? delta - value / slope : .nan
            if !(next > low && next < high) { next = 0.5 * (low + high) }
            if abs(next - delta) <= 2 * Double.ulpOfOne * delta { delta = next; break }
            delta = next
        }
        return delta * (1 / n1 + 1 / n2).squareRoot()
    }
}
