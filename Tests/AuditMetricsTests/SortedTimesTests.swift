@testable import AuditMetrics
import TestSupport
import Testing

/// Sorted waiting times held by runs of equal values (``SortedTimes``, issue 21): every
/// position reads back its time bit for bit (−0.0 and +0.0 apart), runs only when smaller,
/// and the survival walk over runs gives the counts of the times written out in full — with
/// every row, with rows left out, and on a stratum's positions.
@Suite struct SortedTimesTests {
    @Test func runsReadBackEveryPositionBitForBit() {
        let times: [Double] = [-0.0, -0.0, 0.0, 0.0, 0.0, 1, 1, 2.5, 2.5, 2.5, 2.5, 7, 7, 7, 7, 7]
        let sorted = SortedTimes(times)
        #expect(sorted.isByRuns && sorted.values.map(\.bitPattern) == [(-0.0).bitPattern, 0.0.bitPattern, 1.0.bitPattern, 2.5.bitPattern, 7.0.bitPattern])
        #expect(sorted.ends == [2, 5, 7, 11, 16] && sorted.count == times.count)
        #expect(times.indices.map { sorted.time(at: $0).bitPattern } == times.map(\.bitPattern))
    }

    @Test func mostlyDistinctTimesStayOnePerPosition() {
        let times = (0..<100).map { Double($0) / 3 }
        let sorted = SortedTimes(times)
        #expect(!sorted.isByRuns && sorted.values == times)
        // 12 bytes a run against 8 a position: runs from fewer than 2/3 as many runs as rows.
        let threes: [Double] = (0..<99).map { (i: Int) -> Double in Double(i / 3 * 2) }
        #expect(SortedTimes(threes).isByRuns)
        // 67 runs in 100 rows: 804 bytes by runs, 800 one per position.
        let triples: [Double] = (0..<100).map { (i: Int) -> Double in
            let base = i / 3 * 2
            return Double(i % 3 == 0 ? base + 1 : base)
        }
        #expect(!SortedTimes(triples.sorted()).isByRuns)
        #expect(SortedTimes([Double]()).count == 0)
    }

    /// The counts of the walk (by runs, or one time per position) against the counts of each
    /// group's times written out and sorted here.
    @Test(arguments: [2, 40, 10_000])
    func theWalkOverRunsGivesTheCountsOfTheWrittenTimes(distinctTimes: Int) throws {
        var random = SplitMix64(state: UInt64(distinctTimes))
        let n = 4_000
        let time = (0..<n).map { _ in Double(random.int(distinctTimes)) / 2 }
        let event = (0..<n).map { _ in UInt8(random.int(2)) }
        let groups = (0..<n).map { _ in random.uniform() < 0.1 ? Int32(-1) : Int32(random.int(3)) }
        let order = try WaitingOrder(time: time, event: event)
        #expect(order.times.isByRuns == (distinctTimes < 1_000))
        let waits = try WaitingTimes(groups: groups, groupLabels: ["a", "b", "c"], order: order)
        let counts = waits.countsByGroup()
        for g in 0..<3 {
            let rows = (0..<n).filter { groups[$0] == Int32(g) }.sorted { (time[$0], $0) < (time[$1], $1) }
            #expect(counts.groups[g] == KaplanMeier.Counts(sortedTimes: rows.map { time[$0] }, events: rows.map { event[$0] }), "group \(g)")
        }
        #expect(waits.analysedTimes == (0..<n).filter { groups[$0] >= 0 }.map { time[$0] }.sorted())
        // A stratum: every third analysed position, ascending.
        let positions = waits.analysedPositions.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
        var walked: [Double] = []
        positions.withUnsafeBufferPointer { p in
            waits.forEachTime(at: p) { touched, times, _, removed in
                for g in touched { walked += Array(repeating: times[g], count: removed[g]) }
            }
        }
        #expect(walked == positions.map { waits.sortedTimes.time(at: Int($0)) })
    }
}
