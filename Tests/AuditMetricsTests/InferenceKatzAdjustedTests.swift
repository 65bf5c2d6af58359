@testable import AuditMetrics
import Testing

/// A ratio of 0 (the group has no success) gets statsmodels' `log-adjusted` upper bound —
/// `confint_proportions_2indep(0, 100, 100, 200, compare='ratio', method='log-adjusted')`
/// = (0.0006229789917396403, 0.1581361328262163) — with its lower end at 0, the estimate.
@Suite struct InferenceKatzAdjustedTests {
    @Test func zeroNumeratorUsesTheAdjustedUpperBound() {
        let ci = RatioInterval.katzOrAdjusted(successes1: 0, trials1: 100, successes2: 100, trials2: 200)!
        #expect(ci.low == 0)
        #expect(abs(ci.high - 0.1581361328262163) < 1e-12)
        #expect(RatioInterval.katz(successes1: 0, trials1: 100, successes2: 100, trials2: 200) == nil)
        // An undefined ratio (zero in the reference) stays without an interval.
        #expect(RatioInterval.katzOrAdjusted(successes1: 5, trials1: 100, successes2: 0, trials2: 200) == nil)
        // Otherwise it is Katz's interval itself.
        #expect(RatioInterval.katzOrAdjusted(successes1: 30, trials1: 100, successes2: 60, trials2: 200)
                == RatioInterval.katz(successes1: 30, trials1: 100, successes2: 60, trials2: 200))
    }
}
