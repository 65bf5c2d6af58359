import Foundation

/// What a group's value is estimated from, so that its comparison with another group can carry
/// an interval: the one place where Vigie decides how the difference and the ratio of two
/// independent groups' values are bounded (``differenceInterval(_:_:level:)``,
/// ``ratioInterval(_:_:level:)``). The audit's rate disparities, the allocation's ratios and
/// shares, and the findings built from them all call these, so one comparison has one interval.
public enum GroupEstimate: Sendable, Equatable {
    /// `successes` out of `trials` (Kish effective counts when weighted).
    case proportion(successes: Double, trials: Double)
    /// A mean (or a ratio estimator) with the variance of its estimate, normal.
    case mean(Double, varianceOfMean: Double)
    /// No interval can be made (a share of one whole, a weighted mean, too few rows).
    case unavailable

    /// A share as its effective counts: `value · n` out of `n = effectiveTrials`; unavailable
    /// when the entry is undefined or has no effective count.
    public static func share(_ entry: MetricEntry) -> GroupEstimate {
        guard let share = entry.value.value, let n = entry.effectiveTrials, n > 0 else { return .unavailable }
        return .proportion(successes: share * n, trials: n)
    }

    /// A mean from its normal interval: the standard error read back as (high − low) / (2 z);
    /// unavailable without a defined value or a normal interval (a median's order-statistics
    /// interval is not one).
    public static func normalMean(_ entry: MetricEntry, level: Double) -> GroupEstimate {
        guard let m = entry.value.value, let i = entry.interval, i.method == .normal else { return .unavailable }
        let s = (i.high - i.low) / (2 * Normal.quantile(0.5 + level / 2))
        return .mean(m, varianceOfMean: s * s)
    }

    /// The interval of `a − b` for two independent groups: Newcombe's hybrid score interval for
    /// proportions (1998, method 10); the normal (Welch) interval `m_a − m_b ± z·√(v_a + v_b)` for
    /// means. `nil` when either side is unavailable or of another kind.
    public static func differenceInterval(_ a: GroupEstimate, _ b: GroupEstimate, level: Double) -> MetricInterval? {
        switch (a, b) {
        case let (.proportion(x1, n1), .proportion(x2, n2)):
            return MetricInterval(DifferenceInterval.newcombe(successes1: x1, trials1: n1, successes2: x2, trials2: n2, level: level), .newcombe)
        case let (.mean(ma, va), .mean(mb, vb)):
            let half = Normal.quantile(0.5 + level / 2) * (va + vb).squareRoot()
            guard half.isFinite else { return nil }
            return MetricInterval(low: ma - mb - half, high: ma - mb + half, method: .normal)
        default:
            return nil
        }
    }

    /// The interval of `a / b` for two independent groups: Katz's log interval for proportions
    /// (adjusted when a count is 0; Katz et al. 1978); for positive means, exp(ln r ± z·SE) with
    /// SE from ``logRatioStandardError(_:_:)`` (delta method). `nil` otherwise.
    public static func ratioInterval(_ a: GroupEstimate, _ b: GroupEstimate, level: Double) -> MetricInterval? {
        switch (a, b) {
        case let (.proportion(x1, n1), .proportion(x2, n2)):
            return MetricInterval(RatioInterval.katzOrAdjusted(successes1: x1, trials1: n1, successes2: x2, trials2: n2, level: level), .katz)
        case let (.mean(ma, _), .mean(mb, _)):
            guard let se = logRatioStandardError(a, b) else { return nil }
            let r = ma / mb, z = Normal.quantile(0.5 + level / 2)
            return MetricInterval(low: r * exp(-z * se), high: r * exp(z * se), method: .normal)
        default:
            return nil
        }
    }

    /// The standard error of ln(m_a / m_b) for two independent positive means (delta method:
    /// var(ln r) = v_a/m_a² + v_b/m_b²); `nil` unless both are means, positive, with SE > 0.
    public static func logRatioStandardError(_ a: GroupEstimate, _ b: GroupEstimate) -> Double? {
        guard case let .mean(m1, v1) = a, case let .mean(m2, v2) = b, m1 > 0, m2 > 0 else { return nil }
        let se = (v1 / (m1 * m1) + v2 / (m2 * m2)).squareRoot()
        return se > 0 ? se : nil
    }
}
