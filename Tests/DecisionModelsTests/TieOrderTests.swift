import AuditData
@testable import DecisionModels
import TestSupport
import Testing

/// The grid's tie order (`GridDesign.tieOrder`): a key of few distinct values is sorted by
/// counting, one of many by the radix sort (`StableRadixSort.sort(items:key:)`); both must give
/// the order a comparison sort by (keys, id) gives — with −0 and +0 equal, keys descending and
/// ascending, ids ascending and descending (issue 21).
@Suite("TieOrder")
struct TieOrderTests {
    @Test func countingAndRadixSortsGiveTheComparisonOrder() {
        var random = SplitMix64(state: 41)
        let n = 6_000  // above the sort's counting threshold (4,096 rows)
        let ids = IdentifierColumn((0..<n).map { _ in "d-\(random.next() % 1_000)" })  // repeated ids: ties kept by row
        // Few distinct values (coded), −0 and +0 among them; and all distinct (dense).
        let months = NumberColumn((0..<n).map { _ -> Double in
            let v = Double(random.next() % 12)
            return v == 0 ? (random.next() % 2 == 0 ? -0.0 : 0.0) : v
        })
        let amounts = NumberColumn((0..<n).map { i in Double(i) * 0.37 - Double(random.next() % 500) })
        #expect(months.isCoded && !amounts.isCoded)  // both forms of the store's number columns
        for descending in [[true, false], [false, true], [true, true]] {
            for idDescending in [false, true] {
                let keys = [months, amounts]
                let rank = GridDesign.tieOrder(idOrder: ids.rowsInOrder(), keys: keys, descending: descending, idDescending: idDescending)
                let byComparison = (0..<n).sorted { a, b in
                    for (k, column) in keys.enumerated() where column[a] != column[b] {
                        return descending[k] ? column[a] > column[b] : column[a] < column[b]
                    }
                    if ids[a] != ids[b] { return idDescending ? ids[a] > ids[b] : ids[a] < ids[b] }
                    return idDescending ? a > b : a < b
                }
                var expected = [Int32](repeating: 0, count: n)
                for (position, row) in byComparison.enumerated() { expected[row] = Int32(position) }
                #expect(rank == expected, "descending \(descending), ids descending \(idDescending)")
            }
        }
    }
}
