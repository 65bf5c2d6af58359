@testable import AuditMetrics
import TestSupport
import Testing

/// Every group's Kaplan–Meier counts gathered in one walk of the rows (`WaitingTimes.countsByGroup`,
/// issue 21: the survival curves of a grouping with many cells — the human stage's groups ×
/// score bands — read the rows once, and keep only the counts at each distinct time) against
/// each group's rows picked out and sorted here, with rows left out, an empty group and ties;
/// on the grouping's own sort and on a shared order that still holds the rows left out.
@Suite("WaitingTimesSplit")
struct WaitingTimesSplitTests {
    @Test func oneWalkEqualsOneGroupAtATime() throws {
        var random = SplitMix64(state: 12)
        let n = 2_500, groupCount = 7
        // Group 5 never occurs; about one row in eight is left out (code −1).
        let groups = (0..<n).map { _ -> Int32 in random.next() % 8 == 0 ? -1 : [0, 1, 2, 3, 4, 6][Int(random.next() % 6)] }
        let time = (0..<n).map { _ in Double(random.next() % 40) / 2 }
        let event = (0..<n).map { _ in UInt8(random.next() % 2) }
        let labels = (0..<groupCount).map { "g\($0)" }
        let own = try WaitingTimes(groups: groups, groupLabels: labels, time: time, event: event)
        let shared = try WaitingTimes(groups: groups, groupLabels: labels, order: WaitingOrder(time: time, event: event))
        // The shared order's lists hold the rows left out too; the grouping's own, only its rows.
        #expect(shared.sortedRows.count == n && own.sortedRows.count == n - own.excluded && own.excluded > 0)
        // Each group's rows by (time, row), picked out here.
        func rows(_ code: Int32?) -> (times: [Double], events: [UInt8]) {
            let picked = (0..<n).filter { r -> Bool in
                if let code { return groups[r] == code }
                return groups[r] >= 0
            }.sorted { (a: Int, b: Int) -> Bool in time[a] < time[b] || (time[a] == time[b] && a < b) }
            return (picked.map { time[$0] }, picked.map { event[$0] })
        }
        for times in [own, shared] {
            let counts = times.countsByGroup()
            #expect(counts.groups.count == groupCount)
            for g in 0..<groupCount {
                let one = rows(Int32(g))
                #expect(counts.groups[g] == KaplanMeier.Counts(sortedTimes: one.times, events: one.events), "group \(g)")
                #expect(KaplanMeier(counts.groups[g]) == KaplanMeier(sortedTimes: one.times, events: one.events))
            }
            let all = rows(nil)
            #expect(counts.overall == KaplanMeier.Counts(sortedTimes: all.times, events: all.events))
            #expect(counts.groups[5].times.isEmpty)
            #expect(counts.groups.map { $0.removed.reduce(0, +) }.reduce(0, +) == groups.filter { $0 >= 0 }.count)
            // Not vacuous: a group's curve has ties (several rows at one time).
            #expect(counts.groups[0].removed.contains { $0 > 1 } && counts.groups[0].events.contains { $0 > 0 })
        }
    }

    /// The log-rank statistic from the walk against the formula written out here on the rows.
    @Test func logRankFromTheWalkEqualsTheFormulaOnRows() throws {
        var random = SplitMix64(state: 29)
        let n = 1_200
        let groups = (0..<n).map { _ -> Int32 in random.next() % 10 == 0 ? -1 : Int32(random.next() % 3) }
        let time = (0..<n).map { _ in Double(random.next() % 25) }
        let event = (0..<n).map { _ in UInt8(random.next() % 3 == 0 ? 0 : 1) }
        let times = try WaitingTimes(groups: groups, groupLabels: ["a", "b", "c"], order: WaitingOrder(time: time, event: event))
        let test = LogRank(times)
        // O_g and E_g = Σ_t d_t · n_g,t / n_t over the distinct times, from the rows.
        let analysed = (0..<n).filter { groups[$0] >= 0 }
        var observed = [Double](repeating: 0, count: 3), expected = observed
        for t in Set(analysed.map { time[$0] }).sorted() {
            let atRisk = analysed.filter { time[$0] >= t }
            let d = atRisk.filter { time[$0] == t && event[$0] == 1 }
            guard !d.isEmpty else { continue }
            for g in 0..<3 {
                observed[g] += Double(d.filter { groups[$0] == Int32(g) }.count)
                expected[g] += Double(d.count) * Double(atRisk.filter { groups[$0] == Int32(g) }.count) / Double(atRisk.count)
            }
        }
        for g in 0..<3 {
            #expect(test.observed[g] == observed[g])
            #expect(abs(test.expected[g] - expected[g]) <= 1e-9 * max(1, expected[g]))
        }
        #expect(test.degreesOfFreedom == 2 && test.statistic.value != nil)
    }
}
