@testable import AuditMetrics
import Foundation
import Testing

/// One million applicants through every score and waiting-list metric (asymptotic KS).
/// Prints the times; the bound is loose because tests run in debug builds (about 14 s here;
/// release: 0.37 s + 0.25 s + 0.23 s, docs/metrics.md "Cost").
@Suite struct ScorePerformanceTests {
    /// A deterministic xorshift generator (no Foundation randomness).
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state }
        mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }
    }

    @Test func oneMillionApplicants() throws {
        let n = 1_000_000
        var rng = Generator(state: 0x9E37_79B9_7F4A_7C15)
        var groups = [Int32](repeating: 0, count: n), scores = [Double](repeating: 0, count: n)
        var labels = [UInt8](repeating: 0, count: n), rank = [Int](repeating: 0, count: n)
        var time = [Double](repeating: 0, count: n), event = [UInt8](repeating: 0, count: n)
        for i in 0..<n {
            let g = Int32(rng.next() % 5)
            groups[i] = g
            scores[i] = (rng.uniform() * 60 + Double(g) * 2).rounded()
            labels[i] = rng.uniform() < scores[i] / 80 ? 1 : 0
            time[i] = (rng.uniform() * 48).rounded()
            event[i] = rng.uniform() < 0.6 ? 1 : 0
        }
        // Rank by score, descending, ties by row.
        let order = (0..<n).sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        for (position, row) in order.enumerated() { rank[row] = position + 1 }
        let labelsText = ["g0", "g1", "g2", "g3", "g4"]
        let clock = ContinuousClock()
        var options = ScoreFairness.Options()
        options.reference = 0
        let scoreTime = try clock.measure {
            let sample = try ScoreSample(groups: groups, groupLabels: labelsText, scores: scores, labels: labels)
            let result = try ScoreFairness.analyze(sample, options: options)
            #expect(result.groups.allSatisfy { $0.ksVersusRest?.method == .asymptotic && $0.auc?.auc.value != nil })
        }
        let rankingTime = try clock.measure {
            let ranked = try RankedApplicants(groups: groups, groupLabels: labelsText, rank: rank)
            let (overall, _) = try WaitingListFairness.rankingEntries(ranked, allocated: 10_000)
            #expect(overall.first { $0.name == "ndkl" }?.value.value != nil)
        }
        let survivalTime = try clock.measure {
            let times = try WaitingTimes(groups: groups, groupLabels: labelsText, time: time, event: event)
            let (overall, _) = try WaitingListFairness.survivalEntries(times)
            #expect(overall.first { $0.name == "logrank_chi2" }?.value.value != nil)
        }
        print("1M applicants: scores \(scoreTime), ranking \(rankingTime), survival \(survivalTime)")
        #expect(scoreTime + rankingTime + survivalTime < .seconds(60))
    }
}
