/// The difference of two independent means, `mean₁ − mean₂`, with Welch's standard error and
/// t interval.
///
/// With sample variances `s²ₖ` (divisor `nₖ − 1`) and sizes `nₖ` (Welch 1947, *Biometrika*
/// 34:28–35; Satterthwaite 1946):
///
///     SE = √(s²₁/n₁ + s²₂/n₂)
///     ν  = SE⁴ / ((s²₁/n₁)²/(n₁ − 1) + (s²₂/n₂)²/(n₂ − 1))
///     interval = difference ± t_{1−α/2, ν} · SE
///
/// This is `scipy.stats.ttest_ind(a, b, equal_var=False).confidence_interval(level)`. For the
/// group sizes of an audit (hundreds or more), t ≈ z and it is the normal interval of a
/// difference of two independent means.
public struct MeanDifference: Sendable, Equatable {
    /// `mean₁ − mean₂`; undefined when a side is empty.
    public let difference: MetricValue
    /// `√(s²₁/n₁ + s²₂/n₂)`; undefined when a side has fewer than 2 rows.
    public let standardError: MetricValue
    /// Welch–Satterthwaite `ν`; undefined when both variances are 0 (0/0).
    public let degreesOfFreedom: MetricValue
    /// The Welch interval, nil when `standardError` or `degreesOfFreedom` is undefined (their
    /// reason says why).
    public let interval: ConfidenceInterval?

    /// The Welch estimate from each side's count, mean and sum of squared deviations
    /// `Σ(x − mean)²`. `level` must be in (0, 1) (checked by the callers).
    init(count1 n1: Int, mean1: Double, squaredDeviations1 ss1: Double,
         count2 n2: Int, mean2: Double, squaredDeviations2 ss2: Double, level: Double) {
        guard n1 > 0, n2 > 0 else {
            let reason = n1 == 0 ? "the group has no rows" : "the reference group has no rows"
            self.init(.undefined(reason: reason), .undefined(reason: reason), .undefined(reason: reason), nil)
            return
        }
        let difference = mean1 - mean2
        guard n1 >= 2, n2 >= 2 else {
            let reason = "a variance needs at least 2 rows on each side (\(n1) and \(n2))"
            self.init(.defined(difference), .undefined(reason: reason), .undefined(reason: reason), nil)
            return
        }
        let a = ss1 / Double(n1 - 1) / Double(n1)
        let b = ss2 / Double(n2 - 1) / Double(n2)
        let variance = a + b
        guard variance > 0 else {
            let reason = "no variation on either side: Welch's degrees of freedom are 0/0"
            self.init(.defined(difference), .defined(0), .undefined(reason: reason), nil)
            return
        }
        let se = variance.squareRoot()
        let nu = variance * variance / (a * a / Double(n1 - 1) + b * b / Double(n2 - 1))
        let interval = StudentT.criticalValue(level: level, degreesOfFreedom: nu).map { t in
            ConfidenceInterval(low: difference - t * se, high: difference + t * se, level: level)
        }
        self.init(.defined(difference), .defined(se), .defined(nu), interval)
    }

    private init(_ difference: MetricValue, _ standardError: MetricValue, _ degreesOfFreedom: MetricValue, _ interval: ConfidenceInterval?) {
        self.difference = difference
        self.standardError = standardError
        self.degreesOfFreedom = degreesOfFreedom
        self.interval = interval
    }
}
