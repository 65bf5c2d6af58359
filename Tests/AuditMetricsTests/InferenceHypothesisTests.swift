import AuditMetrics
import Testing

/// Fisher exact, two-proportion z, smallest expected count and r×2 chi-square against scipy and
/// statsmodels (`expected_inference.json`).
@Suite struct InferenceHypothesisTests {
    @Test func fisherExactMatchesScipy() {
        var tracker = InferenceReference.ErrorTracker("ProportionTests.fisherExact")
        for c in InferenceReference.cases("fisher") {
            let a = c["a"] as! Int, b = c["b"] as! Int, cc = c["c"] as! Int, d = c["d"] as! Int
            let want = InferenceReference.number(c, "p")!
            let got = ProportionTests.fisherExact(a, b, cc, d)
            let ok = tracker.check(got, want, relative: 1e-10, "[[\(a), \(b)], [\(cc), \(d)]]")
            #expect(ok, "fisher [[\(a), \(b)], [\(cc), \(d)]] = \(got) vs \(want)")
        }
        #expect(tracker.count == 27)
        tracker.report()
    }

    @Test func fisherExactEdgeCases() {
        #expect(ProportionTests.fisherExact(0, 0, 0, 0) == 1)
        #expect(ProportionTests.fisherExact(-1, 2, 3, 4) == 1)
        // symmetric tables: the observed and its mirror image are tied
        #expect(ProportionTests.fisherExact(3, 1, 1, 3) == ProportionTests.fisherExact(1, 3, 3, 1))
        // a huge table stays fast and finite
        let p = ProportionTests.fisherExact(500_000, 480_000, 490_000, 500_000)
        #expect(p > 0 && p < 1e-10)
    }

    @Test func twoProportionZMatchesStatsmodels() {
        var zTracker = InferenceReference.ErrorTracker("ProportionTests.twoProportionZ z")
        var pTracker = InferenceReference.ErrorTracker("ProportionTests.twoProportionZ p")
        var expectedTracker = InferenceReference.ErrorTracker("ProportionTests.smallestExpectedCount")
        for c in InferenceReference.cases("ztest") {
            let x1 = InferenceReference.number(c, "x1")!, n1 = InferenceReference.number(c, "n1")!
            let x2 = InferenceReference.number(c, "x2")!, n2 = InferenceReference.number(c, "n2")!
            let label = "\(x1)/\(n1) vs \(x2)/\(n2)"
            let got = ProportionTests.twoProportionZ(successes1: x1, trials1: n1, successes2: x2, trials2: n2)
            if let z = InferenceReference.number(c, "z"), let p = InferenceReference.number(c, "p") {
                guard let got else { Issue.record("\(label): nil, want z = \(z)"); continue }
                let okZ = zTracker.check(got.z, z, relative: 1e-12, absolute: 1e-15, label)
                let okP = pTracker.check(got.pValue, p, relative: 1e-10, label)
                #expect(okZ && okP, "\(label): \(got) vs (\(z), \(p))")
            } else {
                #expect(got == nil, "\(label): statsmodels gives nan, got \(String(describing: got))")
            }
            let want = InferenceReference.number(c, "smallest_expected")!
            let smallest = ProportionTests.smallestExpectedCount(successes1: x1, trials1: n1, successes2: x2, trials2: n2)!
            let ok = expectedTracker.check(smallest, want, relative: 1e-12, label)
            #expect(ok, "\(label): smallest expected \(smallest) vs \(want)")
        }
        #expect(pTracker.count == 15)  // two of 17 cases have pooled p̄ = 0 or 1
        zTracker.report()
        pTracker.report()
        expectedTracker.report()
        #expect(ProportionTests.twoProportionZ(successes1: 1, trials1: 0, successes2: 1, trials2: 2) == nil)
        #expect(ProportionTests.smallestExpectedCount(successes1: 3, trials1: 2, successes2: 1, trials2: 2) == nil)
    }

    @Test func chiSquareIndependenceMatchesScipy() {
        var statTracker = InferenceReference.ErrorTracker("ProportionTests.chiSquareIndependence statistic")
        var pTracker = InferenceReference.ErrorTracker("ProportionTests.chiSquareIndependence p")
        for c in InferenceReference.cases("chi2_independence") {
            let rows = (c["table"] as! [[String]]).map { (positives: Double($0[0])!, negatives: Double($0[1])!) }
            let got = ProportionTests.chiSquareIndependence(rows)
            let label = "\(rows)"
            guard let statistic = InferenceReference.number(c, "statistic"), let p = InferenceReference.number(c, "p") else {
                #expect(got == nil, "\(label) should be undefined, got \(String(describing: got))")
                continue
            }
            guard let got else { Issue.record("\(label): nil"); continue }
            #expect(got.degreesOfFreedom == c["dof"] as? Int)
            let okS = statTracker.check(got.statistic, statistic, relative: 1e-12, absolute: 1e-15, label)
            let okP = pTracker.check(got.pValue, p, relative: 1e-10, label)
            #expect(okS && okP, "\(label): \(got) vs (\(statistic), \(p))")
        }
        #expect(statTracker.count == 8)  // 3 of 11 tables are undefined
        statTracker.report()
        pTracker.report()
    }

    @Test func zSquaredEqualsChiSquareOnTwoByTwo() {
        let z = ProportionTests.twoProportionZ(successes1: 12.5, trials1: 40.25, successes2: 30, trials2: 61)!
        let chi = ProportionTests.chiSquareIndependence([(12.5, 27.75), (30, 31)])!
        #expect(abs(z.z * z.z - chi.statistic) <= 1e-12 * chi.statistic)
        #expect(abs(z.pValue - chi.pValue) <= 1e-12)
    }
}
