import TestSupport
import Testing
@testable import AuditData

/// Number columns coded while they are read (`NumberChunks`, issue 21): whatever the cut into
/// segments, appended in file order, the column taken is the one the type's rule gives,
/// worked out in the test from the values — the form, the width, the table of distinct bit
/// patterns in order of first appearance, every value bit for bit — including
/// columns that pass the 65,536 distinct values in one segment, or only once the segments
/// are merged, and copies of a builder that number values of their own.
@Suite struct NumberChunksTests {
    /// `values` read in segments cut at `cuts` (row indices), each by its own builder, then
    /// appended in order into an empty one (as `SegmentedLoad` merges).
    static func loaded(_ values: [Double], cuts: [Int]) -> NumberChunks {
        let bounds = [0] + cuts + [values.count]
        var merged = NumberChunks()
        for k in 0..<(bounds.count - 1) {
            var part = NumberChunks()
            for x in values[bounds[k]..<bounds[k + 1]] { part.append(x) }
            merged.append(part)
        }
        return merged
    }

    /// The column taken is the one the type's rule gives, worked out here from the values:
    /// the distinct bit patterns in order of first appearance, coded when at most 65,536 of
    /// them take `count · w + 3 + 8 · distinct < 8 · count` bytes (`w` = 1 byte up to 256
    /// values, else 2), at `w` bytes a row; values bit for bit; and the same as
    /// `NumberColumn(values)`, read in one segment. `takeArray` gives the values themselves.
    static func expectSameColumn(_ values: [Double], cuts: [Int], _ note: String) {
        var seen = Set<UInt64>(), table: [UInt64] = []
        for x in values where seen.insert(x.bitPattern).inserted { table.append(x.bitPattern) }
        let width = table.count <= 256 ? 1 : 2
        let coded = !values.isEmpty && table.count <= 65_536 && values.count * width + 3 + 8 * table.count < 8 * values.count
        var chunks = loaded(values, cuts: cuts)
        #expect(chunks.count == values.count, "\(note)")
        let column = chunks.takeColumn()
        #expect(column.isCoded == coded, "\(note): form")
        #expect(column.bytesPerRow == (coded ? width : 8), "\(note): width")
        #expect(column.distinctValues?.map(\.bitPattern) == (coded ? table : nil), "\(note): table")
        let whole = NumberColumn(values)
        #expect(whole.isCoded == coded && whole.distinctValues?.map(\.bitPattern) == column.distinctValues?.map(\.bitPattern), "\(note): one segment")
        NumberColumnTests.expectSameBits(column, values, note)
        var again = loaded(values, cuts: cuts)
        #expect(again.takeArray().map(\.bitPattern) == values.map(\.bitPattern), "\(note): takeArray")
        #expect(again.count == 0, "\(note): taken")
    }

    /// Random cuts, a segment of one row and empty segments among them.
    static func cuts(_ n: Int, _ count: Int, _ rng: inout SplitMix64) -> [Int] {
        var cuts = (0..<count).map { _ in Int.random(in: 0...n, using: &rng) }
        cuts += [0, min(1, n), n]
        return cuts.sorted()
    }

    @Test func fewValuesInSegmentsAreCodedInFileOrder() {
        var rng = SplitMix64(seed: 11)
        // Months (1-byte codes), rates of 3 decimals (2-byte codes), a flag, with missing values.
        let months = (0..<5_000).map { i in i % 37 == 5 ? Double.nan : Double(Int.random(in: 0..<100, using: &rng)) }
        let rates = (0..<5_000).map { _ in Double(Int.random(in: 0..<700, using: &rng)) / 1000 }
        let flags = (0..<5_000).map { i in Double(i % 7 == 0 ? 1 : 0) }
        for (name, values) in [("months", months), ("rates", rates), ("flags", flags)] {
            #expect(NumberColumn(values).isCoded, "\(name) coded")
            for trial in 0..<5 {
                Self.expectSameColumn(values, cuts: Self.cuts(values.count, trial * 3, &rng), "\(name), trial \(trial)")
            }
        }
    }

    @Test func nanPayloadsAndSignedZerosKeepTheirCodes() {
        let quiet = Double(nan: 0, signaling: false), payload = Double(nan: 7, signaling: false)
        let values: [Double] = [0.0, -0.0, quiet, 1, payload, -0.0, 0.0, quiet, payload, 2] + (0..<200).map { Double($0 % 4) }
        #expect(quiet.bitPattern != payload.bitPattern)
        for cut in 0...values.count { Self.expectSameColumn(values, cuts: [cut], "cut at \(cut)") }
    }

    /// 70,000 distinct values: dense, whether one segment passes the limit by itself or
    /// not; 3 segments of 22,000 values each, all distinct, pass it only once merged.
    @Test func moreThan65536DistinctValuesBecomeDense() {
        let distinct = (0..<70_000).map { Double($0) * 0.5 }
        Self.expectSameColumn(distinct, cuts: [], "one segment")
        Self.expectSameColumn(distinct, cuts: [1, 66_000, 66_001], "segments past the limit, and under it")
        let merged = (0..<66_000).map { Double($0) + 0.25 }
        Self.expectSameColumn(merged, cuts: [22_000, 44_000], "past the limit once merged")
        // Every value repeated from row 65,536 on: coded, 2 bytes a row, at the limit.
        let repeats = (0..<100_000).map { i in Double(i % 65_536) }
        #expect(NumberColumn(repeats).isCoded)
        Self.expectSameColumn(repeats, cuts: [33_000, 66_000], "exactly 65,536 values")
        let oneMore = repeats + [-1]
        Self.expectSameColumn(oneMore, cuts: [33_000, 66_000], "65,537 values, the last in the last segment")
    }

    /// Few rows of many values: the codes would not be smaller, the column is dense.
    @Test func codedOnlyWhenSmaller() {
        let values = (0..<40).map { Double($0) }
        #expect(!NumberColumn(values).isCoded)
        Self.expectSameColumn(values, cuts: [20], "40 distinct values in 40 rows")
        Self.expectSameColumn([], cuts: [], "no row")
    }

    /// A copy of a builder (a segment's builder is a copy of an empty one) numbers the values it
    /// reads in a table of its own, even after the copy shared the values read before it.
    @Test func copiesNumberValuesOfTheirOwn() {
        var first = NumberChunks()
        for x in [1.0, 2, 3] { first.append(x) }
        var second = first
        for x in [4.0, 5, 1] { first.append(x) }
        for x in [6.0, 3, 7] { second.append(x) }
        var a = first, b = second
        #expect(a.takeArray() == [1, 2, 3, 4, 5, 1])
        #expect(b.takeArray() == [1, 2, 3, 6, 3, 7])
        #expect(first.takeColumn().distinctValues == nil, "6 rows of 5 values: dense")
        var long = NumberChunks()
        for i in 0..<1_000 { long.append(Double(i % 3)) }
        var copy = long
        copy.append(9)
        long.append(8)
        #expect(long.takeColumn().distinctValues == [0, 1, 2, 8])
        #expect(copy.takeColumn().distinctValues == [0, 1, 2, 9])
        // Both sides past 128 values of their own after the copy: each table grows (its slots
        // moved), and the values each side read before and after come back.
        var before = NumberChunks()
        for i in 0..<100 { before.append(Double(i)) }
        var after = before
        for i in 0..<3_000 { before.append(Double(1_000 + i % 500)) }
        for i in 0..<3_000 { after.append(Double(-1 - i % 700)) }
        let expectedBefore = (0..<100).map(Double.init) + (0..<3_000).map { Double(1_000 + $0 % 500) }
        let expectedAfter = (0..<100).map(Double.init) + (0..<3_000).map { Double(-1 - $0 % 700) }
        var beforeArray = before, afterArray = after
        #expect(beforeArray.takeArray() == expectedBefore)
        #expect(afterArray.takeArray() == expectedAfter)
        #expect(before.takeColumn().distinctValues == NumberColumn(expectedBefore).distinctValues)
        #expect(after.takeColumn().distinctValues == NumberColumn(expectedAfter).distinctValues)
    }
}
