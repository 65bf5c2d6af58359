@testable import AuditMetrics
import TestSupport
import Testing

/// Every group's waits split in one pass (`WaitingTimes.rowsByGroup`, issue 21: the survival
/// curves of a grouping with many cells — the human stage's groups × score bands — read the
/// rows twice, not twice per cell) against one group at a time (`rows(ofGroup:)`), with rows
/// left out, an empty group and ties.
@Suite("WaitingTimesSplit")
struct WaitingTimesSplitTests {
    @Test func oneSplitEqualsOneGroupAtATime() throws {
        var random = SplitMix64(state: 12)
        let n = 2_500, groupCount = 7
        // Group 5 never occurs; about one row in eight is left out (code −1).
        let groups = (0..<n).map { _ -> Int32 in random.next() % 8 == 0 ? -1 : [0, 1, 2, 3, 4, 6][Int(random.next() % 6)] }
        let time = (0..<n).map { _ in Double(random.next() % 40) / 2 }
        let event = (0..<n).map { _ in UInt8(random.next() % 2) }
        let times = try WaitingTimes(groups: groups, groupLabels: (0..<groupCount).map { "g\($0)" }, time: time, event: event)
        let split = times.rowsByGroup()
        #expect(split.count == groupCount)
        for g in 0..<groupCount {
            let one = times.rows(ofGroup: g)
            #expect(split[g].times == one.times && split[g].events == one.events, "group \(g)")
        }
        #expect(split[5].times.isEmpty)
        #expect(split.map(\.times.count).reduce(0, +) == groups.filter { $0 >= 0 }.count)
    }
}
