@testable import AuditMetrics
import TestSupport
import Testing

/// The scores and the waits sorted once for every grouping (``ScoreSample/ascendingOrder(scores:)``,
/// ``WaitingTimes/ascendingOrder(time:)``): each grouping's rows taken from the shared order
/// are the rows its own sort gives, in the same order — on 3,000 rows with many ties, missing
/// scores and rows left out of the grouping (code −1).
@Suite("SharedOrder")
struct SharedOrderTests {
    @Test func aSharedOrderGivesEachGroupingItsOwnSort() throws {
        var random = SplitMix64(state: 17)
        let n = 3_000
        let scores = (0..<n).map { _ in random.uniform() < 0.05 ? Double.nan : Double(random.int(40)) }
        let months = (0..<n).map { _ in Double(random.int(120)) / 2 }
        let events = (0..<n).map { _ in UInt8(random.int(2)) }
        let labels = (0..<n).map { _ in UInt8(random.int(2)) }
        let scoreOrder = ScoreSample.ascendingOrder(scores: scores)
        let timeOrder = WaitingTimes.ascendingOrder(time: months)
        #expect(scoreOrder.count == scores.filter { !$0.isNaN }.count && timeOrder.count == n)
        for groups in 2...4 {
            let codes = (0..<n).map { _ in random.uniform() < 0.1 ? Int32(-1) : Int32(random.int(groups)) }
            let names = (0..<groups).map { "g\($0)" }
            let own = try ScoreSample(groups: codes, groupLabels: names, scores: scores, labels: labels)
            let shared = try ScoreSample(groups: codes, groupLabels: names, scores: scores, labels: labels, order: scoreOrder)
            #expect(shared.sortedScores == own.sortedScores && shared.sortedGroups == own.sortedGroups && shared.sortedLabels == own.sortedLabels)
            #expect(try ScoreFairness.analyze(shared) == ScoreFairness.analyze(own))
            let ownTimes = try WaitingTimes(groups: codes, groupLabels: names, time: months, event: events)
            let sharedTimes = try WaitingTimes(groups: codes, groupLabels: names, time: months, event: events, order: timeOrder)
            #expect(sharedTimes.analysedRows == ownTimes.analysedRows && sharedTimes.sortedGroups == ownTimes.sortedGroups)
            #expect(sharedTimes.analysedTimes == ownTimes.analysedTimes && sharedTimes.analysedEvents == ownTimes.analysedEvents)
            // Not vacuous: ties are broken by row, which a sort by value alone would not fix.
            #expect(Set(ownTimes.analysedTimes).count < ownTimes.count / 10)
            // The order shared with its times and events (``WaitingOrder``), with rows left out
            // and with none: the same lists and the same curves and test.
            let waitingOrder = try WaitingOrder(time: months, event: events)
            #expect(waitingOrder.rows == timeOrder)
            for grouping in [codes, codes.map { max($0, 0) }] {
                let alone = try WaitingTimes(groups: grouping, groupLabels: names, time: months, event: events)
                let fromOrder = try WaitingTimes(groups: grouping, groupLabels: names, order: waitingOrder)
                #expect(fromOrder.analysedRows == alone.analysedRows && fromOrder.sortedGroups == alone.sortedGroups)
                #expect(fromOrder.analysedTimes == alone.analysedTimes && fromOrder.analysedEvents == alone.analysedEvents)
                #expect(fromOrder.excluded == alone.excluded && fromOrder.count == alone.count)
                #expect(fromOrder.countsByGroup() == alone.countsByGroup())
                // The shared order's lists are not copied: they still hold the rows left out.
                #expect(fromOrder.sortedRows.count == n)
                #expect(try WaitingListFairness.survivalEntries(fromOrder) == WaitingListFairness.survivalEntries(alone))
            }
        }
        // An order that is not the scores' (a row missing, or given twice) is refused, with
        // rows left out of the grouping as without.
        let leftOut = (0..<n).map { Int32($0 % 10 == 0 ? -1 : 0) }
        let analysed = scores.indices.filter { !scores[$0].isNaN && leftOut[$0] >= 0 }.count
        let kept = try #require(scoreOrder.first { leftOut[Int($0)] >= 0 })
        #expect(throws: ScoreInputError.lengthMismatch(argument: "order", expected: analysed, found: analysed - 1)) {
            _ = try ScoreSample(groups: leftOut, groupLabels: ["g"], scores: scores, order: scoreOrder.filter { $0 != kept })
        }
        #expect(throws: ScoreInputError.lengthMismatch(argument: "order", expected: analysed, found: analysed + 1)) {
            _ = try ScoreSample(groups: leftOut, groupLabels: ["g"], scores: scores, order: scoreOrder + [kept])
        }
        // With no row left out: a row out of range, or one without a score, is refused too.
        let everyone = [Int32](repeating: 0, count: n)
        let missingScore = try #require(scores.indices.first { scores[$0].isNaN })
        for bad in [Int32(n), Int32(-1), Int32(missingScore)] {
            #expect(throws: ScoreInputError.lengthMismatch(argument: "order", expected: scoreOrder.count, found: scoreOrder.count + 1)) {
                _ = try ScoreSample(groups: everyone, groupLabels: ["g"], scores: scores, order: scoreOrder + [bad])
            }
        }
        // A bad value is named at its row whichever way the times come.
        var bad = months
        bad[7] = -1
        let codes = [Int32](repeating: 0, count: n)
        #expect(throws: WaitingListInputError.invalidTime(row: 7, value: -1)) {
            _ = try WaitingTimes(groups: codes, groupLabels: ["g"], order: WaitingOrder(time: bad, event: events))
        }
        #expect(throws: WaitingListInputError.lengthMismatch(argument: "event", expected: n, found: n - 1)) {
            _ = try WaitingOrder(time: months, event: Array(events.dropLast()))
        }
    }
}
