@testable import AuditMetrics
import TestSupport
import LinearAlgebra
import Testing

/// Every column's group moments in one pass (`GroupMoments.columns`, issue 21, used by the
/// score-gap decomposition) against one pass per column on the rows gathered one by one
/// (`GroupMoments(values:codes:groups:)`): the same counts, and means and squared deviations
/// with the same bits, with and without an index into distinct rows, with rows left out
/// (negative codes) and an empty group.
@Suite("GroupMomentsColumns")
struct GroupMomentsColumnsTests {
    @Test(arguments: [false, true])
    func onePassEqualsOnePassPerColumn(indexed: Bool) throws {
        var random = SplitMix64(state: indexed ? 3 : 4)
        let n = 4_001, distinct = indexed ? 37 : n, columns = 5, groups = 4
        // Values with fractions of every size, so that the order of additions shows in the bits.
        let storage = (0..<(distinct * columns)).map { _ in Double(random.next() % 1_000_000) / 7.0 - 50_000 }
        let values = try Matrix(rows: distinct, columns: columns, columnMajor: storage)
        let index: [Int32]? = indexed ? (0..<n).map { _ in Int32(random.next() % UInt64(distinct)) } : nil
        // Group 3 is empty; about one row in ten is left out.
        let codes = (0..<n).map { _ -> Int32 in random.next() % 10 == 0 ? -1 : Int32(random.next() % 3) }
        let together = GroupMoments.columns(values, rows: index, codes: codes, groups: groups)
        #expect(together.count == columns)
        for j in 0..<columns {
            let column = values.column(j)
            let gathered = (0..<n).map { i in column[index.map { Int($0[i]) } ?? i] }
            let alone = GroupMoments(values: gathered, codes: codes, groups: groups)
            #expect(together[j].counts == alone.counts)
            #expect(together[j].means.map(\.bitPattern) == alone.means.map(\.bitPattern), "column \(j)")
            #expect(together[j].squaredDeviations.map(\.bitPattern) == alone.squaredDeviations.map(\.bitPattern), "column \(j)")
        }
        #expect(together[0].counts[3] == 0)
    }
}
