@testable import AuditMetrics
import Foundation
import Testing

/// Waiting-list fairness on tiny cases worked by hand (arithmetic in the comments).
@Suite struct WaitingListByHandTests {
    static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test func topKShareByHand() throws {
        // Order a a b a b b, k = 2: a holds 2/2 = 1 of the places for 3/6 = ½ of the applicants → ratio 2; b: 0.
        let ranked = try RankedApplicants(groups: [0, 0, 1, 0, 1, 1], groupLabels: ["a", "b"], rank: [1, 2, 3, 4, 5, 6])
        let top = try ranked.topKShares(k: 2)
        #expect(top[0].inTopK == 2 && top[0].topKShare == .defined(1))
        #expect(top[0].applicantShare == .defined(0.5) && top[0].ratio == .defined(2))
        #expect(top[1].topKShare == .defined(0) && top[1].ratio == .defined(0))
        #expect(top[0].topKShareInterval?.method == .wilson)
        // k = 0: no unit allocated, shares undefined; k = n: every group at its applicant share.
        #expect(try ranked.topKShares(k: 0)[0].ratio.reason == "no unit allocated: k = 0")
        #expect(try ranked.topKShares(k: 6).allSatisfy { $0.ratio == .defined(1) })
        #expect(throws: WaitingListInputError.invalidParameter(name: "k", expected: "a number of allocated units in 0...6")) { try ranked.topKShares(k: 7) }
    }

    @Test func exposureByHand() throws {
        // Positions 1…4 have exposure 1/log₂(1 + r) = 1, 0.6309297535714575, 0.5, 0.43067655807339306.
        // a at 1 and 3: 1.5 (mean 0.75); b at 2 and 4: 1.0616063116448506; a's share 1.5/2.5616… = 0.5855700749881525.
        let ranked = try RankedApplicants(groups: [0, 1, 0, 1], groupLabels: ["a", "b"], rank: [1, 2, 3, 4])
        let x = ranked.exposures()
        #expect(x[0].totalExposure == 1.5 && x[0].meanExposure == .defined(0.75))
        #expect(Self.close(x[1].totalExposure, 1.0616063116448506))
        #expect(Self.close(x[0].exposureShare.value, 0.5855700749881525) && Self.close(x[0].exposureRatio.value, 2 * 0.5855700749881525))
        #expect(Self.close(x[0].exposureShare.value! + x[1].exposureShare.value!, 1))
    }

    @Test func ndklByHand() throws {
        // Order a b with population (½, ½): prefix 1 is (1, 0): KL = ln(1/½) = ln 2, weight 1/log₂2 = 1;
        // prefix 2 is (½, ½): KL = 0, weight 1/log₂3. NDKL = ln 2/(1 + 1/log₂3) = 0.42500124793362276.
        let ranked = try RankedApplicants(groups: [0, 1], groupLabels: ["a", "b"], rank: [1, 2])
        #expect(Self.close(ranked.ndkl().value, 0.42500124793362276))
        // One group: every prefix matches the population, NDKL = 0. An empty list: undefined.
        #expect(try RankedApplicants(groups: [0, 0, 0], groupLabels: ["a"], rank: [3, 1, 2]).ndkl() == .defined(0))
        #expect(try RankedApplicants(groups: [], groupLabels: ["a"], rank: []).ndkl().reason == "no applicant on the list")
        // Segregated lists are worse than interleaved ones.
        let segregated = try RankedApplicants(groups: [0, 0, 1, 1], groupLabels: ["a", "b"], rank: [1, 2, 3, 4]).ndkl().value!
        let interleaved = try RankedApplicants(groups: [0, 1, 0, 1], groupLabels: ["a", "b"], rank: [1, 2, 3, 4]).ndkl().value!
        #expect(segregated > interleaved)
    }

    @Test func ranksAreCompactedAfterExclusionAndValidated() throws {
        // Row 1 is excluded; ranks 10 and 5 become positions 2 and 1.
        let ranked = try RankedApplicants(groups: [0, -1, 1], groupLabels: ["a", "b"], rank: [10, 1, 5])
        #expect(ranked.order == [1, 0] && ranked.count == 2 && ranked.excluded == 1)
        #expect(throws: WaitingListInputError.duplicateRank(row: 2, rank: 4, firstRow: 0)) {
            try RankedApplicants(groups: [0, 1, 1], groupLabels: ["a", "b"], rank: [4, 1, 4])
        }
        #expect(throws: WaitingListInputError.invalidRank(row: 1, rank: 0)) { try RankedApplicants(groups: [0, 1], groupLabels: ["a", "b"], rank: [1, 0]) }
        #expect(throws: WaitingListInputError.groupCodeOutOfRange(row: 0, code: 2, groupCount: 2)) { try RankedApplicants(groups: [2], groupLabels: ["a", "b"], rank: [1]) }
        #expect(throws: WaitingListInputError.lengthMismatch(argument: "rank", expected: 2, found: 1)) { try RankedApplicants(groups: [0, 1], groupLabels: ["a", "b"], rank: [1]) }
    }

    @Test func kaplanMeierByHand() {
        // Times 2 3 3 5 8, events 1 1 0 1 0:
        // t=2: 5 at risk, 1 event → Ŝ = 4/5 = 0.8; t=3: 4 at risk, 1 event, 1 censored → 0.8·3/4 = 0.6;
        // t=5: 2 at risk, 1 event → 0.3; t=8: 1 censored → 0.3. Median: first Ŝ ≤ ½ → 5.
        // Greenwood at 5: 1/(5·4) + 1/(4·3) + 1/(2·1) = 0.6333…; SE = 0.3·√0.6333… = 0.23874672772626643.
        let km = KaplanMeier(sortedTimes: [2, 3, 3, 5, 8], events: [1, 1, 0, 1, 0])
        let times: [Double] = km.curve.map(\.time), atRisk: [Int] = km.curve.map(\.atRisk)
        let events: [Int] = km.curve.map(\.events), censored: [Int] = km.curve.map(\.censored)
        #expect(times == [2, 3, 5, 8])
        #expect(atRisk == [5, 4, 2, 1])
        #expect(events == [1, 1, 1, 0])
        #expect(censored == [0, 1, 0, 1])
        #expect(Self.close(km.curve[0].survival, 0.8) && Self.close(km.curve[1].survival, 0.6))
        #expect(Self.close(km.curve[2].survival, 0.3))
        let greenwood: Double = 1.0 / 20 + 1.0 / 12 + 0.5
        #expect(Self.close(km.curve[2].standardError, 0.23874672772626643))
        #expect(Self.close(km.curve[2].standardError, 0.3 * greenwood.squareRoot()))
        #expect(km.medianWait == .defined(5) && km.events == 3 && km.n == 5)
        // Bands bracket the estimate.
        #expect(km.curve.allSatisfy { $0.lower <= $0.survival && $0.survival <= $0.upper })
        // All still waiting: Ŝ = 1 throughout, bands [1, 1], median undefined.
        let waiting = KaplanMeier(sortedTimes: [1, 2, 3], events: [0, 0, 0])
        #expect(waiting.curve.allSatisfy { $0.survival == 1 && $0.lower == 1 && $0.upper == 1 })
        #expect(waiting.medianWait.reason?.hasPrefix("the share still waiting never falls to 0.5") == true && waiting.medianInterval == nil)
        // Everyone allocated: 1 then 2: Ŝ = ½ (exactly) then 0 with bands [0, 0]; the median is 1.
        let done = KaplanMeier(sortedTimes: [1, 2], events: [1, 1])
        let last = done.curve[1]
        #expect(last.survival == 0 && last.lower == 0 && last.upper == 0)
        #expect(done.medianWait == .defined(1))
    }

    @Test func restrictedMeanWaitByHand() {
        // Times 2 3 3 5 8, events 1 1 0 1 0, τ = 8: 2·1 + 1·0.8 + 2·0.6 + 3·0.3 = 4.9 (lifelines 4.9).
        let km = KaplanMeier(sortedTimes: [2, 3, 3, 5, 8], events: [1, 1, 0, 1, 0])
        #expect(Self.close(km.restrictedMeanWait(upTo: 8).value, 4.9))
        // τ = 4: 2 + 0.8 + 1·0.6 = 3.4; τ = 0: 0; beyond the last time: undefined.
        #expect(Self.close(km.restrictedMeanWait(upTo: 4).value, 3.4) && km.restrictedMeanWait(upTo: 0) == .defined(0))
        #expect(km.restrictedMeanWait(upTo: 9).reason == "the horizon τ = 9.0 is beyond the group's last observed time 8.0")
    }

    @Test func logRankByHand() throws {
        // A allocated at 1, B at 2. At t=1: n = 2, d = 1, n_A = 1 → E_A = ½, V = 1·1/1·(½)(½) = ¼;
        // at t=2 only B is at risk (n = 1): no variance. O_A − E_A = ½ → χ² = (½)²/¼ = 1, p = 0.31731050786291115.
        let times = try WaitingTimes(groups: [0, 1], groupLabels: ["A", "B"], time: [1, 2], event: [1, 1])
        let test = LogRank(times)
        #expect(Self.close(test.statistic.value, 1) && test.degreesOfFreedom == 1)
        #expect(Self.close(test.pValue.value, 0.31731050786291115, 1e-12))
        #expect(test.observed == [1, 1])
        #expect(Self.close(test.expected[0], 0.5) && Self.close(test.expected[1], 1.5))
        // One group with applicants: undefined.
        let one = try WaitingTimes(groups: [0, 0], groupLabels: ["A", "B"], time: [1, 2], event: [1, 0])
        #expect(LogRank(one).statistic.reason == "the log-rank test needs at least 2 groups with applicants")
        let (overall, groups) = try WaitingListFairness.survivalEntries(times)
        let names: [String] = overall.map(\.name)
        #expect(names == ["km_median_wait", "km_median_wait_lower", "km_median_wait_upper", "km_restricted_mean_wait", "allocated",
                          "km_horizon", "logrank_chi2", "logrank_df", "logrank_p_value"])
        // Horizon = min(last time of A, of B) = 1: both curves are 1 on [0, 1) → restricted mean 1.
        #expect(overall.first { $0.name == "km_horizon" }?.value == .defined(1))
        #expect(groups[1].first { $0.name == "km_restricted_mean_wait" }?.value == .defined(1))
        #expect(groups.count == 2 && groups[0][0].value == .defined(1))
    }

    @Test func badWaitingTimesAreThrownErrors() {
        #expect(throws: WaitingListInputError.invalidTime(row: 1, value: -1)) {
            try WaitingTimes(groups: [0, 0], groupLabels: ["a"], time: [1, -1], event: [1, 1])
        }
        #expect(throws: WaitingListInputError.invalidEvent(row: 0, value: 2)) { try WaitingTimes(groups: [0], groupLabels: ["a"], time: [1], event: [2]) }
        #expect(throws: WaitingListInputError.lengthMismatch(argument: "event", expected: 1, found: 0)) { try WaitingTimes(groups: [0], groupLabels: ["a"], time: [1], event: []) }
        #expect(WaitingListInputError.invalidTime(row: 3, value: .nan).description == "waiting time, row 3: expected a finite duration ≥ 0, found nan")
    }
}
