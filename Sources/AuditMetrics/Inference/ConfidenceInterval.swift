/// A two-sided confidence interval `[low, high]` at confidence `level` (e.g. 0.95).
///
/// Produced by ``ProportionInterval``, ``DifferenceInterval`` and ``RatioInterval``. The bounds
/// are always finite and `low <= high`; functions return `nil` rather than an interval when the
/// quantity is undefined.
public struct ConfidenceInterval: Sendable, Equatable {
    /// Lower bound.
    public let low: Double
    /// Upper bound.
    public let high: Double
    /// Confidence level in (0, 1), e.g. 0.95.
    public let level: Double

    public init(low: Double, high: Double, level: Double) {
        self.low = low
        self.high = high
        self.level = level
    }

    /// Whether `value` lies in the closed interval.
    public func contains(_ value: Double) -> Bool { low <= value && value <= high }

    /// `high − low`.
    public var width: Double { high - low }
}

/// Shared input validation for the interval and test functions.
enum InferenceInput {
    /// `successes` and `trials` are finite, `trials > 0` and `0 <= successes <= trials`.
    /// Counts may be non-integer (Kish effective counts of weighted data).
    static func isProportion(_ successes: Double, _ trials: Double) -> Bool {
        successes.isFinite && trials.isFinite && trials > 0 && successes >= 0 && successes <= trials
    }

    /// `level` is strictly between 0 and 1.
    static func isLevel(_ level: Double) -> Bool { level > 0 && level < 1 }

    /// The two-sided critical value z_{(1+level)/2} = Φ⁻¹(1 − α/2), α = 1 − level.
    static func criticalValue(level: Double) -> Double { Normal.quantile(0.5 + 0.5 * level) }
}
