import TestSupport
import AuditData
@testable import AuditMetrics
import Foundation
import Testing

/// Sufficient statistics are a monoid: the halves of a file merge into the whole, and the
/// result does not depend on the number of threads.
@Suite struct StatisticsMergeTests {
    /// A synthetic store of `n` rows with dyadic weights (so weighted sums are exact in any order).
    static func store(rows n: Int, weighted: Bool) -> ColumnStore {
        var random = SplitMix64(state: 0x9E3779B97F4A7C15)
        func next() -> UInt64 { random.next() }
        let a = (0..<n).map { _ in UInt32(next() % 5) }
        let b = (0..<n).map { _ in UInt32(next() % 3) }
        let label = (0..<n).map { _ in UInt8(next() % 2) }
        let decision = (0..<n).map { _ in UInt8(next() % 2) }
        let weight = weighted ? (0..<n).map { _ in Double(next() % 8 + 1) / 4 } : nil
        // Dyadic scores (exact sums in any order), one in 16 missing.
        let score = (0..<n).map { _ -> Double in
            let v = next() % 64
            return v < 4 ? .nan : Double(v) / 4
        }
        return ColumnStore(
            rowCount: n,
            attributes: [
                GroupColumn(attribute: "a", codes: a, groups: ["a0", "a1", "a2", "a3", "unknown"], unknownCode: 4),
                GroupColumn(attribute: "b", codes: b, groups: ["b0", "b1", "b2"], unknownCode: nil),
            ],
            label: label, decision: decision, score: score, weight: weight,
            source: DataSource(path: "synthetic", delimiter: ",", headerColumns: 4)
        )
    }

    @Test(arguments: [false, true])
    func halvesMergeIntoTheWhole(weighted: Bool) {
        let store = Self.store(rows: 200_003, weighted: weighted)
        let groupings = Grouping.all(for: store, order: 2)
        let whole = AuditStatistics(store: store, groupings: groupings)
        var merged = AuditStatistics(store: store, groupings: groupings, rows: 0..<77_777)
        merged.merge(AuditStatistics(store: store, groupings: groupings, rows: 77_777..<200_003))
        #expect(merged == whole)
        #expect(whole.overall.count == 200_003)
        #expect(whole.groups[2].reduce(GroupStatistics.zero, +) == whole.overall, "the intersection's cells partition the rows")
    }

    @Test func resultDoesNotDependOnThreads() {
        let store = Self.store(rows: 300_000, weighted: true)
        let groupings = Grouping.all(for: store, order: 2)
        let one = AuditStatistics(store: store, groupings: groupings, threads: 1)
        let two = AuditStatistics(store: store, groupings: groupings, threads: 2)
        let seven = AuditStatistics(store: store, groupings: groupings, threads: 7)
        #expect(one == two)
        #expect(one == seven)
    }

    @Test func countsMatchAPlainLoop() {
        let store = Self.store(rows: 10_000, weighted: false)
        let stats = AuditStatistics(store: store, groupings: Grouping.all(for: store, order: 2), threads: 2)
        var tpA2 = 0
        for r in 0..<store.rowCount where store.attributes[0].codes[r] == 2 && store.label![r] == 1 && store.decision![r] == 1 { tpA2 += 1 }
        #expect(stats.groups[0][2].rows[GroupStatistics.tp] == tpA2)
        #expect(stats.groupings.map(\.name) == ["a", "b", "a*b"])
        #expect(stats.groupings[2].groups[3 * 3 + 1] == "a3*b1")
        #expect(stats.groupings[2].isUnknown[4 * 3 + 0])
        // Score sums of group b1, by a plain loop.
        var rows = 0, sum = 0.0
        for r in 0..<store.rowCount where store.attributes[1].codes[r] == 1 && !store.score![r].isNaN {
            rows += 1
            sum += store.score![r]
        }
        #expect(stats.groups[1][1].scoredRows == rows)
        #expect(stats.groups[1][1].scoreSum == sum)
        #expect(stats.groups[1][1].metric(.scoreMean, population: stats.overall) == .defined(sum / Double(rows)))
    }
}
