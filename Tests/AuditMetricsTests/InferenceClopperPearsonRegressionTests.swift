@testable import AuditMetrics
import Testing

/// Clopper–Pearson at large n, where the beta-quantile iteration once converged onto its own
/// bracket end and fell back to bisection (lower bound 0.09997 instead of 0.07249 for 567 of
/// 7,214). Expected values: scipy 1.17.1 `beta.ppf(0.025, x, n − x + 1)` and
/// `beta.isf(0.025, x + 1, n − x)`.
@Suite struct InferenceClopperPearsonRegressionTests {
    @Test(arguments: [
        (567.0, 7214.0, 0.07248913473446787, 0.08504825777256078),
        (3696.0, 7214.0, 0.5007303130172456, 0.5239339553260393),
        (12.0, 100000.0, 6.200723911735969e-05, 0.00020960645805016378),
        (99000.0, 100000.0, 0.9893638884706457, 0.9906074439109015),
    ])
    func largeSamples(_ x: Double, _ n: Double, _ low: Double, _ high: Double) {
        let ci = ProportionInterval.clopperPearson(successes: x, trials: n)!
        #expect(abs(ci.low - low) <= 1e-9 * low, "low \(ci.low) vs \(low)")
        #expect(abs(ci.high - high) <= 1e-9 * high, "high \(ci.high) vs \(high)")
    }

    /// Every interval contains its estimate, over a grid of sizes up to 10⁶.
    @Test func containsTheEstimate() {
        for n in [10.0, 137, 1000, 7214, 50_000, 1_000_000] {
            for fraction in [0.0, 0.001, 0.03, 0.25, 0.5, 0.77, 0.999, 1.0] {
                let x = (n * fraction).rounded()
                let ci = ProportionInterval.clopperPearson(successes: x, trials: n)!
                #expect(ci.low <= x / n && x / n <= ci.high, "n=\(n) x=\(x): [\(ci.low), \(ci.high)]")
            }
        }
    }
}
