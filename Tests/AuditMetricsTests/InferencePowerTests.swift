import AuditMetrics
import Foundation
import Testing

/// Minimum detectable differences against a tight root of statsmodels' `normal_power`
/// (`expected_inference.json`; statsmodels' own `solve_power` agrees to its ~1e-6 tolerance).
@Suite struct InferencePowerTests {
    @Test func minimumDetectableDifferenceMatchesStatsmodels() {
        var hTracker = InferenceReference.ErrorTracker("Power.cohenH")
        var tracker = InferenceReference.ErrorTracker("Power.minimumDetectableDifference")
        let cases = InferenceReference.cases("power")
        #expect(cases.count == 12)
        for c in cases {
            let p0 = InferenceReference.number(c, "p0")!, n1 = InferenceReference.number(c, "n1")!
            let n2 = InferenceReference.number(c, "n2")!, alpha = InferenceReference.number(c, "alpha")!
            let power = InferenceReference.number(c, "power")!
            let label = "p0=\(p0) n1=\(n1) n2=\(n2) alpha=\(alpha) power=\(power)"
            let h = Power.cohenH(groupSize: n1, referenceSize: n2, alpha: alpha, power: power)!
            let okH = hTracker.check(h, InferenceReference.number(c, "h")!, relative: 1e-10, label)
            #expect(okH, "\(label): h = \(h)")
            let statsmodelsH = InferenceReference.number(c, "h_solve_power")!
            #expect(abs(h / statsmodelsH - 1) < 1e-4, "\(label): solve_power gives \(statsmodelsH)")
            let got = Power.minimumDetectableDifference(referenceRate: p0, groupSize: n1, referenceSize: n2, alpha: alpha, power: power)
            for (name, value, want) in [("decrease", got.decrease, InferenceReference.number(c, "decrease")),
                                        ("increase", got.increase, InferenceReference.number(c, "increase"))] {
                if let want {
                    guard let value else { Issue.record("\(label): \(name) nil, want \(want)"); continue }
                    let ok = tracker.check(value, want, relative: 1e-9, absolute: 1e-15, "\(label) \(name)")
                    #expect(ok, "\(label): \(name) \(value) vs \(want)")
                } else {
                    #expect(value == nil, "\(label): \(name) should leave [0, 1], got \(String(describing: value))")
                }
            }
        }
        hTracker.report()
        tracker.report()
    }

    @Test func closedFormIsTheFirstOrderApproximation() {
        // Ignoring the opposite rejection region, h ≈ (z_{1−α/2} + z_power)·√(1/n₁ + 1/n₂).
        let h = Power.cohenH(groupSize: 50, referenceSize: 200)!
        let closed = (Normal.quantile(0.975) + Normal.quantile(0.8)) * (1.0 / 50 + 1.0 / 200).squareRoot()
        #expect(h < closed && abs(h / closed - 1) < 1e-5)
    }

    @Test func invalidInputs() {
        let none = Power.minimumDetectableDifference(referenceRate: 0.3, groupSize: 0, referenceSize: 10)
        #expect(none.decrease == nil && none.increase == nil)
        let weak = Power.minimumDetectableDifference(referenceRate: 0.3, groupSize: 10, referenceSize: 10, alpha: 0.05, power: 0.04)
        #expect(weak.decrease == nil && weak.increase == nil)
        let bad = Power.minimumDetectableDifference(referenceRate: 1.2, groupSize: 10, referenceSize: 10)
        #expect(bad.decrease == nil && bad.increase == nil)
        // at p0 = 0 nothing can decrease; at p0 = 1 nothing can increase
        #expect(Power.minimumDetectableDifference(referenceRate: 0, groupSize: 50, referenceSize: 50).decrease == nil)
        #expect(Power.minimumDetectableDifference(referenceRate: 1, groupSize: 50, referenceSize: 50).increase == nil)
    }
}
