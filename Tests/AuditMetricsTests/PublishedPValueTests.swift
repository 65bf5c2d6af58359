import AuditData
@testable import AuditMetrics
import Testing

/// p-values beyond double precision are published as the upper bound 1e-300, with a reason,
/// never as 0 (issue 13): the findings' tests, the independence tests and the log-rank test.
@Suite struct PublishedPValueTests {
    @Test func theBoundReplacesOnlyWhatDoublePrecisionCannotResolve() {
        for (p, value, bound) in [(0, 1e-300, true), (3e-310, 1e-300, true), (2e-300, 2e-300, false), (0.5, 0.5, false)] {
            let b = PublishedPValue.bounded(p)
            #expect(b.value == value && b.isUpperBound == bound, "\(p)")
        }
        // The raw tails do underflow to 0 there.
        #expect(Normal.survival(40) == 0 && ChiSquared.survival(2000, degreesOfFreedom: 1) == 0)
    }

    /// 40 % against 47 % selected on 200,000 people each: z ≈ 44.6, p ≈ 1e-433.
    @Test func aHugeGapHasItsTestPublishedAsTheBound() throws {
        let r = try FindingsTests.audit([("A", 200_000, 80_000), ("B", 200_000, 94_000)], reference: "A")
        let f = FindingsTests.finding(r, "B", .difference)
        #expect(f.test == "two_proportion_z")
        #expect(f.pValue == 1e-300, "\(String(describing: f.pValue))")
        #expect(f.reason.pValueIsUpperBound && f.reason.description.contains("upper bound") && f.verdict == .disparity, "\(f.reason)")
        #expect((f.pAdjusted ?? 0) >= 1e-300)
        let independence = try #require(r.independenceTests.first)
        #expect(independence.pValue == 1e-300 && independence.pValueIsUpperBound)
        // An ordinary gap keeps its number and its reason.
        let small = try FindingsTests.audit([("A", 2000, 600), ("B", 2000, 300)], reference: "A")
        let g = FindingsTests.finding(small, "B", .difference)
        #expect((g.pValue ?? 0) > 1e-300 && !g.reason.pValueIsUpperBound && !g.reason.description.contains("upper bound"))
    }

    /// Every applicant of group A allocated at month 1, every one of B at month 2: the log-rank
    /// statistic is 6,000 and its p-value (far below 1e-300) is the bound.
    @Test func logRankBeyondDoublePrecisionIsAnUpperBound() throws {
        let n = 3000
        let times = try WaitingTimes(groups: [Int32](repeating: 0, count: n) + [Int32](repeating: 1, count: n), groupLabels: ["A", "B"],
                                     time: [Double](repeating: 1, count: n) + [Double](repeating: 2, count: n),
                                     event: [UInt8](repeating: 1, count: 2 * n))
        let test = LogRank(times)
        #expect(test.statistic.value.map { $0 > 5000 } == true)
        #expect(test.pValue.status == "upper_bound" && test.pValue.value == 1e-300)
        #expect(test.pValue.reason?.hasPrefix("upper bound") == true)
    }
}
