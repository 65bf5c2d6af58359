@testable import AuditMetrics
import Foundation
import Testing

/// Score fairness on tiny cases worked by hand (arithmetic in the comments).
@Suite struct ScoreByHandTests {
    static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test func distributionOfOneToFour() {
        // mean 2.5; sd = √((2.25+0.25+0.25+2.25)/3) = √(5/3) = 1.2909944487358056.
        // Type 7: h = 3p → p10: 1 + 0.3 = 1.3; p25: 1.75; median 2.5; p75 3.25; p90 3.7.
        // t_{0.975, 3} = 3.1824463052837078 (tables: 3.182); half-width = 3.18245·1.29099/2 = 2.0542602567605.
        let d = ScoreDistribution(sortedScores: [1, 2, 3, 4])
        #expect(d.n == 4 && d.mean == .defined(2.5))
        #expect(Self.close(d.standardDeviation.value, (5.0 / 3).squareRoot()))
        #expect(Self.close(d.p10.value, 1.3) && Self.close(d.p25.value, 1.75) && d.median == .defined(2.5))
        #expect(Self.close(d.p75.value, 3.25) && Self.close(d.p90.value, 3.7))
        #expect(Self.close(d.meanInterval?.low, 0.4457397432394794, 1e-10) && Self.close(d.meanInterval?.high, 4.554260256760521, 1e-10))
        #expect(d.meanInterval?.method == .studentT)
        #expect(Self.close(StudentT.criticalValue(level: 0.95, degreesOfFreedom: 3), 3.1824463052837078, 1e-10))
        // One score: mean and quantiles defined, spread undefined; no score: everything undefined.
        let one = ScoreDistribution(sortedScores: [7])
        #expect(one.mean == .defined(7) && one.p90 == .defined(7) && one.standardDeviation.reason != nil && one.meanInterval == nil)
        let none = ScoreDistribution(sortedScores: [])
        #expect(none.mean.reason == "empty group: no row with a score" && none.median.value == nil)
    }

    @Test func scoringRateCountsOnlyScoresStrictlyAboveTheMedian() throws {
        // A = {1, 4, 6}, B = {4, 4, 2, 7}: all sorted 1 2 4 4 4 6 7, median 4 (ties at 4 do not count).
        // A: 6 above → 1/3; B: 7 above → 1/4. Highest A; IR_B = (1/4)/(1/3) = 0.75.
        // Katz: exp(ln 0.75 ∓ 1.959964·√(1/1 − 1/4 + 1/1 − 1/3)) = [0.07276604659714463, 7.730253687055097].
        let sample = try ScoreSample(groups: [0, 0, 0, 1, 1, 1, 1], groupLabels: ["A", "B"], scores: [1, 4, 6, 4, 4, 2, 7])
        let rates = ScoringRate.byGroup(sample)
        #expect(rates[0].above == 1 && rates[0].n == 3 && Self.close(rates[0].rate.value, 1.0 / 3) && rates[0].isHighest)
        #expect(rates[0].impactRatio == .defined(1) && rates[0].impactRatioInterval == nil)
        #expect(rates[1].above == 1 && rates[1].rate == .defined(0.25) && !rates[1].isHighest)
        #expect(Self.close(rates[1].impactRatio.value, 0.75))
        #expect(Self.close(rates[1].impactRatioInterval?.low, 0.07276604659714463, 1e-10))
        #expect(Self.close(rates[1].impactRatioInterval?.high, 7.730253687055097, 1e-10))
        #expect(rates[1].impactRatioInterval?.method == .katz)
    }

    @Test func groupsBelowTwoPercentAreCountedButGetNoImpactRatio() throws {
        // 99 rows of A scoring 0…98 (median 49 over all 100 rows with C's 1000) and one row of C
        // scoring 1000: C's rate is 1 but it is 1 % of the sample, so A (49 above 49.5… see below) is highest.
        // All 100 scores: 0…98 and 1000 → median = (49 + 50)/2 = 49.5; A above: 50…98 = 49 rows.
        var groups = [Int32](repeating: 0, count: 99), scores = (0..<99).map(Double.init)
        groups.append(1); scores.append(1000)
        let sample = try ScoreSample(groups: groups, groupLabels: ["A", "C"], scores: scores)
        let rates = ScoringRate.byGroup(sample)
        #expect(rates[0].above == 49 && rates[0].isHighest && rates[0].impactRatio == .defined(1))
        #expect(rates[1].rate == .defined(1) && !rates[1].isHighest)
        #expect(rates[1].impactRatio.reason == "group below 2 % of the sample: excluded from impact ratios (6 RCNY §5-301)")
        // With the threshold off, C is the highest and A's ratio is 49/99.
        let all = ScoringRate.byGroup(sample, minimumShare: 0)
        #expect(all[1].isHighest && Self.close(all[0].impactRatio.value, 49.0 / 99))
    }

    @Test func kolmogorovSmirnovByHand() throws {
        // Disjoint samples: D = 1; two of the C(6, 3) = 20 orderings reach D = 1 → p = 0.1 (scipy 0.09999999999999999).
        let ks = try #require(KolmogorovSmirnov.twoSample(sorted: [1, 2, 3], sorted: [4, 5, 6], method: .exact))
        #expect(ks.distance == 1 && Self.close(ks.pValue, 0.1) && ks.method == .exact)
        // Asymptotic: λ = √(9/6)·1; Q(λ) = 2(e^{−3} − e^{−12} + e^{−27} − …) = 0.09956184831478034 (scipy kstwobign.sf).
        let limit = try #require(KolmogorovSmirnov.twoSample(sorted: [1, 2, 3], sorted: [4, 5, 6], method: .asymptotic))
        #expect(Self.close(limit.pValue, 0.09956184831478034, 1e-12) && limit.method == .asymptotic)
        // Interleaved {1, 3} vs {2, 4}: F₁ − F₂ = ½, 0, ½, 0 → D = ½; every path leaves |i − j| < 1 at its
        // first step, so p = 1 (scipy 1.0).
        let inter = try #require(KolmogorovSmirnov.twoSample(sorted: [1, 3], sorted: [2, 4], method: .exact))
        #expect(inter.distance == 0.5 && Self.close(inter.pValue, 1, 1e-14))
        // Identical samples: D = 0, p = 1. An empty sample: nil.
        #expect(KolmogorovSmirnov.twoSample(sorted: [1, 2], sorted: [1, 2])?.pValue == 1)
        #expect(KolmogorovSmirnov.twoSample(sorted: [], sorted: [1]) == nil)
        // Ties across samples are evaluated after the whole tie block: {1, 2, 2} vs {2, 3}:
        // after 1: 1/3 − 0; after 2: 1 − 1/2 = 1/2; after 3: 0 → D = 1/2.
        #expect(KolmogorovSmirnov.twoSample(sorted: [1, 2, 2], sorted: [2, 3])?.distance == 0.5)
        #expect(KolmogorovSmirnov.kolmogorovSurvival(0) == 1 && KolmogorovSmirnov.kolmogorovSurvival(40) == 0)
    }

    @Test func aucAndDeLongByHand() {
        // Positives {2, 3}, negatives {1, 2}: pairs 3>1, 3>2, 2>1, 2=2 → (1+1+1+½)/4 = 0.875.
        // Placements V₁₀ = {1, 0.75}, V₀₁ = {1, 0.75}; S₁₀ = S₀₁ = 0.03125; Var = 0.03125/2 + 0.03125/2
        // → SE = √0.03125 = 0.17677669529663687; 0.875 ∓ 1.959964·SE = [0.5285240439125805, 1.2215 → 1].
        let auc = ROCAUC(sortedScores: [1, 2, 2, 3], labels: [0, 0, 1, 1])
        #expect(auc.auc == .defined(0.875) && auc.positives == 2 && auc.negatives == 2)
        #expect(Self.close(auc.standardError.value, 0.03125.squareRoot()))
        #expect(Self.close(auc.interval?.low, 0.5285240439125805) && auc.interval?.high == 1 && auc.interval?.method == .delong)
        // One class only: undefined with the reason; one positive: AUC defined, no variance.
        #expect(ROCAUC(sortedScores: [1, 2], labels: [1, 1]).auc.reason == "no label-negative rows: the AUC needs both classes")
        let single = ROCAUC(sortedScores: [1, 2, 3], labels: [0, 1, 0])
        #expect(single.auc == .defined(0.5) && single.standardError.value == nil && single.interval == nil)
    }

    @Test func calibrationBinsByHand() {
        // Equal width on [0, 4], k = 2: edges 0, 2, 4; bin = #interior edges ≤ s: 0,1 → bin 1; 2,3,4 → bin 2.
        // Labels 0 1 | 1 1 0 → bin 1: n 2, rate 1/2, mean score 0.5; bin 2: n 3, rate 2/3, mean score 3.
        let s: [Double] = [0, 1, 2, 3, 4]
        let edges = Calibration.edges(sortedScores: s, bins: 2, binning: .equalWidth)
        #expect(edges == [0, 2, 4])
        let bins = Calibration.table(sortedScores: s, labels: [0, 1, 1, 1, 0], edges: edges)
        #expect(bins.count == 2 && bins[0].n == 2 && bins[0].observedRate == .defined(0.5) && bins[0].meanScore == .defined(0.5))
        #expect(bins[1].n == 3 && Self.close(bins[1].observedRate.value, 2.0 / 3) && bins[1].meanScore == .defined(3))
        #expect(bins[0].observedRateInterval?.method == .wilson)
        // k = 4 on {0, 0, 4}: edges 0 1 2 3 4; the middle bins are empty, hence undefined.
        let sparse = Calibration.table(sortedScores: [0, 0, 4], labels: [1, 0, 1], edges: Calibration.edges(sortedScores: [0, 0, 4], bins: 4, binning: .equalWidth))
        #expect(sparse.map(\.n) == [2, 0, 0, 1])
        #expect(sparse[1].observedRate.reason == "empty bin: no row of the group scores in [1.0, 2.0)" && sparse[1].observedRateInterval == nil)
        // Quantile edges of 1…5 with k = 2: type 7 at 0, ½, 1 → 1, 3, 5.
        #expect(Calibration.edges(sortedScores: [1, 2, 3, 4, 5], bins: 2, binning: .quantile) == [1, 3, 5])
    }

    @Test func missingScoresAndExcludedRowsAreCountedNotAnalysed() throws {
        let sample = try ScoreSample(groups: [0, -1, 1, 0, 1], groupLabels: ["a", "b"], scores: [3, 100, .nan, 1, 2], labels: [1, 0, 1, 0, 1])
        #expect(sample.count == 3 && sample.missingScores == 1 && sample.excluded == 1 && sample.groupSizes == [2, 1])
        var options = ScoreFairness.Options()
        options.reference = 0
        let result = try ScoreFairness.analyze(sample, options: options)
        // Analysed: a {1 (y0), 3 (y1)}, b {2 (y1)}: overall median 2; a: 3 above → 1/2; b: 0 above.
        #expect(result.overall.distribution.median == .defined(2) && result.missingScores == 1 && result.excluded == 1)
        #expect(result["a"]?.scoringRate?.rate == .defined(0.5) && result["b"]?.scoringRate?.rate == .defined(0))
        #expect(result["a"]?.auc?.auc == .defined(1))
        #expect(result["b"]?.auc?.auc.reason == "no label-negative rows: the AUC needs both classes")
        // b vs reference a: F_b − F_a: after 1: 0 − ½; after 2: 1 − ½; after 3: 1 − 1 → D = ½.
        #expect(result["b"]?.ksVersusReference?.distance == 0.5 && result["a"]?.ksVersusReference == nil)
        let names = result["b"]!.entries(reference: 0).map(\.name)
        #expect(Array(names.prefix(13)) == ["score_mean", "score_sd", "score_p10", "score_p25", "score_median", "score_p75", "score_p90",
                                             "scoring_rate", "scoring_impact_ratio", "ks_distance", "ks_p_value", "ks_distance_reference", "ks_p_value_reference"])
        #expect(names.contains("auc") && names.contains("calibration_10_mean_score"))
        let a = result["a"]!.entries(reference: 0)
        #expect(a.first { $0.name == "ks_distance_reference" }?.value.reason == "the reference group itself")
        #expect(a.first { $0.name == "score_mean" }?.interval?.method == .studentT)
    }

    @Test func badInputIsAThrownErrorNamingTheRow() {
        #expect(throws: ScoreInputError.lengthMismatch(argument: "scores", expected: 2, found: 1)) {
            try ScoreSample(groups: [0, 0], groupLabels: ["a"], scores: [1])
        }
        #expect(throws: ScoreInputError.groupCodeOutOfRange(row: 1, code: 3, groupCount: 2)) {
            try ScoreSample(groups: [0, 3], groupLabels: ["a", "b"], scores: [1, 2])
        }
        #expect(throws: ScoreInputError.infiniteScore(row: 0)) { try ScoreSample(groups: [0], groupLabels: ["a"], scores: [.infinity]) }
        #expect(throws: ScoreInputError.invalidLabel(row: 0, value: 2)) { try ScoreSample(groups: [0], groupLabels: ["a"], scores: [1], labels: [2]) }
        let sample = try! ScoreSample(groups: [0], groupLabels: ["a"], scores: [1])
        var options = ScoreFairness.Options()
        options.reference = 4
        #expect(throws: ScoreInputError.invalidParameter(name: "reference", expected: "a group code in 0..<1")) { try ScoreFairness.analyze(sample, options: options) }
        #expect(ScoreInputError.groupCodeOutOfRange(row: 1, code: 3, groupCount: 2).description
            == "groups, row 1: expected a code in 0..<2 or -1 (excluded), found 3")
    }
}
