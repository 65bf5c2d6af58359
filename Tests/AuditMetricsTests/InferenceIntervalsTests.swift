import AuditMetrics
import Testing

/// Wilson, Clopper–Pearson, Newcombe and Katz intervals against statsmodels
/// (`expected_inference.json`), plus properties.
///
/// Tolerance: 1e-10 relative (1e-8 for Clopper–Pearson, which goes through a root finder),
/// plus an absolute floor of 1e-15 — a few ulps of 1 — for bounds that are 0 up to rounding:
/// statsmodels' Wilson formula `center − dist` cancels, e.g. at x = 0.001 of n = 1e7 its lower
/// bound (≈ 2.6e-14) carries a relative error near 1e-9, while Vigie's is cancellation-free.
@Suite struct InferenceIntervalsTests {
    static let absoluteFloor = 1e-15

    func checkOneSample(_ section: String, relative: Double, _ function: (Double, Double, Double) -> ConfidenceInterval?) -> InferenceReference.ErrorTracker {
        var tracker = InferenceReference.ErrorTracker(section)
        for c in InferenceReference.cases(section) {
            let x = InferenceReference.number(c, "x")!, n = InferenceReference.number(c, "n")!
            let level = InferenceReference.number(c, "level")!
            let low = InferenceReference.number(c, "low")!, high = InferenceReference.number(c, "high")!
            guard let got = function(x, n, level) else {
                Issue.record("\(section)(\(x), \(n), \(level)) is nil")
                continue
            }
            let okLow = tracker.check(got.low, low, relative: relative, absolute: Self.absoluteFloor, "x=\(x) n=\(n) level=\(level) low")
            let okHigh = tracker.check(got.high, high, relative: relative, absolute: Self.absoluteFloor, "x=\(x) n=\(n) level=\(level) high")
            #expect(okLow && okHigh, "\(section)(\(x), \(n), \(level)) = [\(got.low), \(got.high)] vs [\(low), \(high)]")
            #expect(got.level == level)
        }
        return tracker
    }

    @Test func wilsonMatchesStatsmodels() {
        let tracker = checkOneSample("wilson", relative: 1e-10) { ProportionInterval.wilson(successes: $0, trials: $1, level: $2) }
        #expect(tracker.count == 2 * 69)
        tracker.report()
    }

    @Test func clopperPearsonMatchesStatsmodels() {
        let tracker = checkOneSample("clopper_pearson", relative: 1e-8) { ProportionInterval.clopperPearson(successes: $0, trials: $1, level: $2) }
        #expect(tracker.count == 2 * 69)
        tracker.report()
    }

    func checkTwoSample(_ section: String, relative: Double, _ function: (Double, Double, Double, Double, Double) -> ConfidenceInterval?) -> InferenceReference.ErrorTracker {
        var tracker = InferenceReference.ErrorTracker(section)
        for c in InferenceReference.cases(section) {
            let x1 = InferenceReference.number(c, "x1")!, n1 = InferenceReference.number(c, "n1")!
            let x2 = InferenceReference.number(c, "x2")!, n2 = InferenceReference.number(c, "n2")!
            let level = InferenceReference.number(c, "level")!
            let label = "\(section)(\(x1)/\(n1), \(x2)/\(n2), \(level))"
            let got = function(x1, n1, x2, n2, level)
            guard let low = InferenceReference.number(c, "low"), let high = InferenceReference.number(c, "high") else {
                #expect(got == nil, "\(label) should be undefined, got \(String(describing: got))")
                continue
            }
            guard let got else {
                Issue.record("\(label) is nil, want [\(low), \(high)]")
                continue
            }
            let okLow = tracker.check(got.low, low, relative: relative, absolute: Self.absoluteFloor, "\(label) low")
            let okHigh = tracker.check(got.high, high, relative: relative, absolute: Self.absoluteFloor, "\(label) high")
            #expect(okLow && okHigh, "\(label) = [\(got.low), \(got.high)] vs [\(low), \(high)]")
        }
        return tracker
    }

    @Test func newcombeMatchesStatsmodels() {
        let tracker = checkTwoSample("newcombe", relative: 1e-10) {
            DifferenceInterval.newcombe(successes1: $0, trials1: $1, successes2: $2, trials2: $3, level: $4)
        }
        #expect(tracker.count == 2 * 51)
        tracker.report()
    }

    @Test func katzMatchesStatsmodels() {
        let tracker = checkTwoSample("katz", relative: 1e-10) {
            RatioInterval.katz(successes1: $0, trials1: $1, successes2: $2, trials2: $3, level: $4)
        }
        let undefined = InferenceReference.cases("katz").filter { InferenceReference.number($0, "low") == nil }.count
        #expect(undefined == 18)  // x1 = 0 or x2 = 0: statsmodels gives (0, nan), (nan, inf) or (nan, nan)
        #expect(tracker.count == 2 * (51 - undefined))
        tracker.report()
    }

    @Test func katzZeroCountsAndDegenerateVariance() {
        #expect(RatioInterval.katz(successes1: 0, trials1: 10, successes2: 3, trials2: 10) == nil)
        #expect(RatioInterval.katz(successes1: 3, trials1: 10, successes2: 0, trials2: 10) == nil)
        let point = RatioInterval.katz(successes1: 10, trials1: 10, successes2: 5, trials2: 5)
        #expect(point == ConfidenceInterval(low: 1, high: 1, level: 0.95))
    }

    @Test func invalidInputsGiveNil() {
        #expect(ProportionInterval.wilson(successes: 0, trials: 0) == nil)
        #expect(ProportionInterval.wilson(successes: 3, trials: 2) == nil)
        #expect(ProportionInterval.wilson(successes: -1, trials: 2) == nil)
        #expect(ProportionInterval.wilson(successes: .nan, trials: 2) == nil)
        #expect(ProportionInterval.wilson(successes: 1, trials: .infinity) == nil)
        #expect(ProportionInterval.wilson(successes: 1, trials: 2, level: 1) == nil)
        #expect(ProportionInterval.wilson(successes: 1, trials: 2, level: 0) == nil)
        #expect(ProportionInterval.clopperPearson(successes: 0, trials: 0) == nil)
        #expect(ProportionInterval.clopperPearson(successes: 1, trials: 2, level: 1.5) == nil)
        #expect(DifferenceInterval.newcombe(successes1: 1, trials1: 0, successes2: 1, trials2: 2) == nil)
        #expect(RatioInterval.katz(successes1: 1, trials1: 2, successes2: 1, trials2: 0) == nil)
    }

    @Test func wilsonContainsEstimateAndLiesInUnitInterval() {
        for n in [1.0, 2.5, 7, 50, 333.3, 1e6] {
            for k in 0...40 {
                let x = n * Double(k) / 40
                for level in [0.5, 0.8, 0.95, 0.999] {
                    let w = ProportionInterval.wilson(successes: x, trials: n, level: level)!
                    #expect(w.low >= 0 && w.high <= 1 && w.low <= w.high, "x=\(x) n=\(n)")
                    #expect(w.contains(x / n), "x=\(x) n=\(n) level=\(level): [\(w.low), \(w.high)]")
                }
            }
            #expect(ProportionInterval.wilson(successes: 0, trials: n)!.low == 0)
            #expect(ProportionInterval.wilson(successes: n, trials: n)!.high == 1)
        }
    }

    @Test func clopperPearsonContainsEstimateAndIsNested() {
        for n in [1.0, 4.5, 30, 1000] {
            for k in 0...20 {
                let x = n * Double(k) / 20
                let narrow = ProportionInterval.clopperPearson(successes: x, trials: n, level: 0.9)!
                let wide = ProportionInterval.clopperPearson(successes: x, trials: n, level: 0.99)!
                #expect(narrow.contains(x / n) && narrow.low >= 0 && narrow.high <= 1, "x=\(x) n=\(n)")
                #expect(wide.low <= narrow.low && narrow.high <= wide.high, "x=\(x) n=\(n)")
            }
        }
    }

    @Test func newcombeContainsDifferenceAndIsAntisymmetric() {
        let cases: [(Double, Double, Double, Double)] = [(3, 10, 5, 10), (0, 7, 7, 7), (12.5, 40.25, 3.5, 9), (1, 1, 0, 1)]
        for (x1, n1, x2, n2) in cases {
            let d = DifferenceInterval.newcombe(successes1: x1, trials1: n1, successes2: x2, trials2: n2)!
            let r = DifferenceInterval.newcombe(successes1: x2, trials1: n2, successes2: x1, trials2: n1)!
            #expect(d.contains(x1 / n1 - x2 / n2) && d.low >= -1 && d.high <= 1)
            #expect(abs(d.low + r.high) <= 1e-15 && abs(d.high + r.low) <= 1e-15)
        }
    }
}
