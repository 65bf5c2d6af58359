import Foundation

/// A bootstrap confidence interval.
public struct BootstrapInterval: Sendable, Equatable {
    public let low: Double
    public let high: Double
    /// Confidence level, e.g. 0.95.
    public let level: Double
    public let method: Method
    /// Replicates on which the statistic was defined (the ones the interval is computed from).
    public let replicatesUsed: Int

    public enum Method: String, Sendable { case percentile, bca }

    public init(low: Double, high: Double, level: Double, method: Method, replicatesUsed: Int) {
        self.low = low
        self.high = high
        self.level = level
        self.method = method
        self.replicatesUsed = replicatesUsed
    }
}

/// Percentile and BCa intervals from bootstrap replicate values, following
/// `scipy.stats.bootstrap` (SciPy 1.17, `scipy/stats/_resampling.py`) step by step.
///
/// **Undefined replicates.** A replicate where the statistic is undefined (nil) is dropped, and
/// the interval is computed from the `D` defined values. If `D < max(10, ⌈0.9·B⌉)`, with `B` the
/// number of replicates, no interval is returned (nil): the caller reports "undefined in too many
/// replicates". Up to 10 % of replicates may thus be lost, e.g. a rate whose denominator is
/// occasionally resampled to 0; the interval is then conditional on the statistic being defined.
///
/// **Quantiles** are scipy's `stats.quantile(x, p, method='linear')` — Hyndman & Fan's type 7,
/// numpy's default — computed as scipy does: with the `D` sorted values `y_0 ≤ … ≤ y_{D−1}`,
/// `j' = p·D + (1 − p)`, `j = ⌊j'⌋ − 1`, `g = j' mod 1` (0 if `j < 0`), indices clipped to
/// `[0, D−1]`, and `Q(p) = (1 − g)·y_j + g·y_{j+1}` (`= y` at `(D−1)·p` interpolated).
public enum BootstrapIntervals {
    /// Least number of defined replicates for an interval: `max(10, ⌈0.9·B⌉)`.
    public static func minimumDefined(replicates: Int) -> Int {
        max(10, (9 * replicates + 9) / 10)
    }

    /// Percentile interval (Efron & Tibshirani 1993, §13.3): `[Q(α), Q(1 − α)]`, `α = (1 − level)/2`
    /// (as scipy: `alpha = (1 - confidence_level)/2`, `interval = alpha, 1 - alpha`), `Q` the type-7
    /// quantile of the defined replicate values.
    ///
    /// - Returns: nil if fewer than `max(10, ⌈0.9·B⌉)` replicates are defined or a value is not
    ///   finite.
    public static func percentile(_ values: [Double?], level: Double) -> BootstrapInterval? {
        precondition(level > 0 && level < 1, "bootstrap: confidence level outside (0, 1)")
        guard let sorted = definedSorted(values) else { return nil }
        let alpha = (1 - level) / 2
        return BootstrapInterval(
            low: quantile(sorted: sorted, probability: alpha),
            high: quantile(sorted: sorted, probability: 1 - alpha),
            level: level, method: .percentile, replicatesUsed: sorted.count)
    }

    /// Bias-corrected and accelerated interval (Efron 1987, "Better bootstrap confidence
    /// intervals", JASA 82, 171–185; Efron & Tibshirani 1993, §14.3), exactly as scipy's
    /// `_bca_interval` and the quantile step of `bootstrap`:
    ///
    /// * `z0 = Φ⁻¹((#{θ*_b < θ̂} + #{θ*_b ≤ θ̂}) / (2D))` — ties with θ̂ count one half
    ///   (scipy's `_percentile_of_score`, the `'mean'` kind of `percentileofscore`);
    /// * `α = (1 − level)/2`, `z_α = Φ⁻¹(α)`, `z_{1−α} = −z_α`;
    /// * `α₁ = Φ(z0 + (z0 + z_α)/(1 − a·(z0 + z_α)))`, `α₂ = Φ(z0 + (z0 + z_{1−α})/(1 − a·(z0 + z_{1−α})))`;
    /// * interval `[Q(α₁), Q(α₂)]` with the same type-7 quantile as `percentile`.
    ///
    /// - Parameters:
    ///   - estimate: θ̂, the statistic on the original data.
    ///   - acceleration: `a`, e.g. `StratifiedCountBootstrap.acceleration`.
    /// - Returns: nil if too few replicates are defined (same rule as `percentile`), if all
    ///   defined replicates are equal (degenerate distribution), if θ̂ lies outside or at an end of
    ///   the replicates so that `z0` is infinite (scipy returns NaN or an endpoint with a
    ///   `DegenerateDataWarning`), or if `α₁`, `α₂` are not finite or the endpoints are reversed.
    public static func bca(_ values: [Double?], estimate: Double, acceleration: Double, level: Double) -> BootstrapInterval? {
        precondition(level > 0 && level < 1, "bootstrap: confidence level outside (0, 1)")
        guard estimate.isFinite, acceleration.isFinite, let sorted = definedSorted(values) else { return nil }
        guard sorted.first! < sorted.last! else { return nil }
        var below = 0, atOrBelow = 0
        for v in sorted {
            if v < estimate { below += 1 }
            if v <= estimate { atOrBelow += 1 }
        }
        guard let (alpha1, alpha2) = bcaLevels(biasShare: Double(below + atOrBelow) / Double(2 * sorted.count),
                                               acceleration: acceleration, level: level) else { return nil }
        let low = quantile(sorted: sorted, probability: alpha1)
        let high = quantile(sorted: sorted, probability: alpha2)
        guard low <= high else { return nil }
        return BootstrapInterval(low: low, high: high, level: level, method: .bca, replicatesUsed: sorted.count)
    }

    /// The BCa interval's probability levels α₁, α₂ (see ``bca(_:estimate:acceleration:level:)``)
    /// from the bias share (#{θ* < θ̂} + #{θ* ≤ θ̂})/(2D), the acceleration and the level; `nil`
    /// when z0 or a level is not finite. Tested against mpmath at 50 digits for shares from
    /// 1/(2·10⁶) to 1 − 1/(2·10⁶) (`Fixtures/reference/numerics`).
    static func bcaLevels(biasShare: Double, acceleration: Double, level: Double) -> (Double, Double)? {
        let z0 = BootstrapNormal.quantile(biasShare)
        guard z0.isFinite else { return nil }
        let alpha = (1 - level) / 2
        let zAlpha = BootstrapNormal.quantile(alpha)
        let num1 = z0 + zAlpha
        let alpha1 = BootstrapNormal.cdf(z0 + num1 / (1 - acceleration * num1))
        let num2 = z0 - zAlpha
        let alpha2 = BootstrapNormal.cdf(z0 + num2 / (1 - acceleration * num2))
        guard alpha1.isFinite, alpha2.isFinite else { return nil }
        return (alpha1, alpha2)
    }

    /// Type-7 quantile of sorted values, computed as `scipy.stats.quantile(method='linear')`.
    public static func quantile(sorted y: [Double], probability p: Double) -> Double {
        precondition(!y.isEmpty && p >= 0 && p <= 1)
        let n = Double(y.count)
        let jg = p * n + (1 - p)
        let jp1 = jg.rounded(.down)
        let j = jp1 - 1
        var g = jg.truncatingRemainder(dividingBy: 1)
        if j < 0 { g = 0 }
        let last = Double(y.count - 1)
        let lo = Int(min(max(j, 0), last))
        let hi = Int(min(max(jp1, 0), last))
        return (1 - g) * y[lo] + g * y[hi]
    }

    /// The defined values, sorted, or nil if too few are defined or one is not finite.
    static func definedSorted(_ values: [Double?]) -> [Double]? {
        let defined = values.compactMap { $0 }
        guard defined.count >= minimumDefined(replicates: values.count), defined.allSatisfy(\.isFinite) else { return nil }
        return defined.sorted()
    }
}
