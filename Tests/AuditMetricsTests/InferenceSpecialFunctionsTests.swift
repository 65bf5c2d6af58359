import AuditMetrics
import Testing

/// Normal, incomplete beta/gamma and chi-square against scipy (`expected_inference.json`).
@Suite struct InferenceSpecialFunctionsTests {
    /// scipy's `ndtr` flushes Φ(−38) ≈ 2.9e-316 (subnormal) to 0, hence the 1e-300 absolute floor.
    @Test func normalCDFAndSurvivalMatchScipy() {
        var cdf = InferenceReference.ErrorTracker("Normal.cdf")
        var sf = InferenceReference.ErrorTracker("Normal.survival")
        for c in InferenceReference.cases("normal") {
            let x = InferenceReference.number(c, "x")!
            let wantCDF = InferenceReference.number(c, "cdf")!, wantSF = InferenceReference.number(c, "sf")!
            let ok = cdf.check(Normal.cdf(x), wantCDF, relative: 1e-12, absolute: 1e-300, "x=\(x)")
            #expect(ok, "cdf(\(x)) = \(Normal.cdf(x)) vs \(wantCDF)")
            let ok2 = sf.check(Normal.survival(x), wantSF, relative: 1e-12, absolute: 1e-300, "x=\(x)")
            #expect(ok2, "sf(\(x)) = \(Normal.survival(x)) vs \(wantSF)")
        }
        #expect(cdf.count == 23)
        cdf.report()
        sf.report()
    }

    @Test func normalQuantileMatchesScipy() {
        var tracker = InferenceReference.ErrorTracker("Normal.quantile")
        for c in InferenceReference.cases("normal_quantile") {
            let p = InferenceReference.number(c, "p")!, want = InferenceReference.number(c, "quantile")!
            let got = Normal.quantile(p)
            let ok = tracker.check(got, want, relative: 1e-14, absolute: 1e-300, "p=\(p)")
            #expect(ok, "quantile(\(p)) = \(got) vs \(want)")
        }
        #expect(tracker.count == 26)
        tracker.report()
    }

    @Test func normalQuantileInvertsCDFAndStaysFinite() {
        for p in stride(from: 0.001, to: 1, by: 0.013) {
            #expect(abs(Normal.cdf(Normal.quantile(p)) - p) <= 1e-15)
        }
        #expect(Normal.quantile(0).isFinite && Normal.quantile(0) < -38)
        #expect(Normal.quantile(1).isFinite && Normal.quantile(1) > 38)
        #expect(Normal.quantile(0.5) == 0)
    }

    @Test func incompleteBetaMatchesScipy() {
        var tracker = InferenceReference.ErrorTracker("SpecialFunctions.regularizedIncompleteBeta")
        for c in InferenceReference.cases("betainc") {
            let a = InferenceReference.number(c, "a")!, b = InferenceReference.number(c, "b")!
            let x = InferenceReference.number(c, "x")!, want = InferenceReference.number(c, "value")!
            let got = SpecialFunctions.regularizedIncompleteBeta(a: a, b: b, x: x)
            let ok = tracker.check(got, want, relative: 1e-10, "a=\(a) b=\(b) x=\(x)")
            #expect(ok, "I(\(a), \(b), \(x)) = \(got) vs \(want)")
        }
        #expect(tracker.count > 600)
        tracker.report()
    }

    @Test func inverseIncompleteBetaMatchesScipy() {
        var tracker = InferenceReference.ErrorTracker("SpecialFunctions.inverseRegularizedIncompleteBeta")
        for c in InferenceReference.cases("betaincinv") {
            let a = InferenceReference.number(c, "a")!, b = InferenceReference.number(c, "b")!
            let p = InferenceReference.number(c, "p")!, want = InferenceReference.number(c, "value")!
            let got = SpecialFunctions.inverseRegularizedIncompleteBeta(a: a, b: b, p: p)
            let ok = tracker.check(got, want, relative: 1e-8, "a=\(a) b=\(b) p=\(p)")
            #expect(ok, "I⁻¹(\(a), \(b), \(p)) = \(got) vs \(want)")
        }
        #expect(tracker.count > 350)
        tracker.report()
    }

    @Test func inverseIncompleteBetaRoundTrips() {
        for a in [0.3, 1.0, 4.5, 200.0] {
            for b in [0.7, 2.0, 60.0] {
                for p in [1e-6, 0.01, 0.2, 0.5, 0.8, 0.99] {
                    let x = SpecialFunctions.inverseRegularizedIncompleteBeta(a: a, b: b, p: p)
                    let back = SpecialFunctions.regularizedIncompleteBeta(a: a, b: b, x: x)
                    #expect(abs(back - p) <= 1e-12 * p + 1e-15, "a=\(a) b=\(b) p=\(p): x=\(x), I(x)=\(back)")
                }
            }
        }
        #expect(SpecialFunctions.inverseRegularizedIncompleteBeta(a: 2, b: 3, p: 0) == 0)
        #expect(SpecialFunctions.inverseRegularizedIncompleteBeta(a: 2, b: 3, p: 1) == 1)
    }

    @Test func upperIncompleteGammaMatchesScipy() {
        var tracker = InferenceReference.ErrorTracker("SpecialFunctions.regularizedUpperIncompleteGamma")
        for c in InferenceReference.cases("gammaincc") {
            let a = InferenceReference.number(c, "a")!, x = InferenceReference.number(c, "x")!
            let want = InferenceReference.number(c, "value")!
            let got = SpecialFunctions.regularizedUpperIncompleteGamma(a: a, x: x)
            let ok = tracker.check(got, want, relative: 1e-10, "a=\(a) x=\(x)")
            #expect(ok, "Q(\(a), \(x)) = \(got) vs \(want)")
        }
        #expect(tracker.count > 120)
        tracker.report()
    }

    @Test func chiSquaredSurvivalMatchesScipy() {
        var tracker = InferenceReference.ErrorTracker("ChiSquared.survival")
        for c in InferenceReference.cases("chi2_sf") {
            let x = InferenceReference.number(c, "x")!, df = InferenceReference.number(c, "df")!
            let want = InferenceReference.number(c, "value")!
            let got = ChiSquared.survival(x, degreesOfFreedom: df)
            let ok = tracker.check(got, want, relative: 1e-10, "x=\(x) df=\(df)")
            #expect(ok, "chi2.sf(\(x), \(df)) = \(got) vs \(want)")
        }
        #expect(tracker.count > 90)
        tracker.report()
        #expect(ChiSquared.survival(-1, degreesOfFreedom: 3) == 1)
        #expect(ChiSquared.survival(.infinity, degreesOfFreedom: 3) == 0)
        #expect(ChiSquared.survival(2, degreesOfFreedom: 0) == 0)
    }
}
