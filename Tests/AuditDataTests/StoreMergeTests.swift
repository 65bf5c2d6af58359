import TestSupport
import Foundation
import Testing
@testable import AuditData

/// The store assembled from the segments' chunks (`ColumnChunks`, `ColumnChunkRemap`,
/// `StoreBuilder.finish`): values written by hand, on one thread and on segments of a row or
/// two (categories first seen in later segments, missing values in some segments only), and
/// the repeated-identifier check by hash against the sort.
@Suite final class StoreMergeTests {
    let files = TempFiles()

    static let requests: [ColumnRequest] = [
        ColumnRequest("g", .group(.none, mapping: [:])),
        ColumnRequest("y", .label(.standard)),
        ColumnRequest("d", .decision(.positive("oui"))),
        ColumnRequest("n", .number(NumberRule(missing: .kept(warning: nil), notANumber: { "expected a number, found '\($0)'" }))),
        ColumnRequest("c", .category),
        ColumnRequest("id", .identifier),
    ]

    /// Six rows; `z` first seen on the fifth, `unknown` both written and missing in `g`.
    @Test(arguments: [1, 2, 3])
    func mergedStoreHasTheValuesWrittenByHand(threads: Int) throws {
        let path = files.write("m.csv", "id,g,c,d,y,n\nr1,B,x,oui,1,1.5\nr2,,x,non,0,\nr3,A,y,oui,1,-2\nr4,unknown,,non,0,3\nr5,B,z,oui,1,4\nr6,,y,oui,0,0.25\n")
        for segmentBytes in [1, 7, 20, 40] {
            let plan = SegmentedLoad.Plan(threads: threads, minimumSegmentBytes: segmentBytes, segmentsPerThread: 1 << 20)
            let store = try DataLoader.load(reader: CSVReader(path: path, dialect: CSVDialect(), chunkSize: 9), requests: Self.requests, plan: plan)
            let note = "\(threads) threads, segments of \(segmentBytes) bytes"
            #expect(store.rowCount == 6, "\(note)")
            let g = store.attributes[0]
            #expect(g.groups == ["A", "B", "unknown", "unknown (missing)"], "\(note)")
            #expect(g.codes == [1, 3, 0, 2, 1, 3], "\(note)")
            #expect(g.unknownCode == 3, "\(note)")
            #expect(store.warnings.contains(.unknownAndMissing(attribute: "g", literalRows: 1, missingRows: 2, missingLabel: "unknown (missing)")), "\(note)")
            #expect(store.label == [1, 0, 1, 0, 1, 0], "\(note)")
            #expect(store.decision == [1, 0, 1, 0, 1, 1], "\(note)")
            #expect(store.numbers["n"]?.map(\.bitPattern) == [1.5, .nan, -2, 3, 4, 0.25].map(\.bitPattern), "\(note)")
            let c = store.categories["c"]
            #expect(c?.groups == ["x", "y", "z", "unknown"], "\(note)")
            #expect(c?.codes == [0, 0, 1, 3, 2, 1], "\(note)")
            #expect(c?.unknownCode == 3, "\(note)")
            #expect(store.identifiers["id"] == ["r1", "r2", "r3", "r4", "r5", "r6"], "\(note)")
        }
    }

    /// Codes in order of first appearance whatever the run of repeated values (the encoder
    /// remembers the last value of at most 8 bytes): same length, other bytes; a prefix;
    /// values longer than 8 bytes; the empty text (quoted, not missing).
    @Test func repeatedShortValuesKeepTheirCodes() throws {
        let values = ["ab", "ab", "ba", "ab", "12345678", "12345678", "1234567", "12345678", "long value 9",
                      "long value 9", "ab", "\"\"", "ba", "\"\"", "123456789", "12345678"]
        let path = files.write("r.csv", "c\n" + values.joined(separator: "\n") + "\n")
        let store = try DataLoader.load(path: path, dialect: CSVDialect(missingValues: ["NA"]), requests: [ColumnRequest("c", .category)], threads: 1)
        let c = store.categories["c"]
        #expect(c?.groups == ["ab", "ba", "12345678", "1234567", "long value 9", "", "123456789"])
        #expect(c?.codes == [0, 0, 1, 0, 2, 2, 3, 2, 4, 4, 0, 5, 1, 5, 6, 2])
    }

    /// The first repeated identifier by the hash table (ASCII values, on the compact column) is
    /// the one the sort finds.
    @Test func repetitionByHashIsTheSortedOne() {
        var rng = SplitMix64(seed: 2126)
        for trial in 0..<400 {
            let distinct = Int.random(in: 1...40, using: &rng)
            let values = (0..<Int.random(in: 0...60, using: &rng)).map { _ in "id-\(Int.random(in: 0..<distinct, using: &rng))" }
            let column = IdentifierColumn(values)
            let byHash = column.firstRepetition()
            let bySort = column.sortedRepetition()
            #expect(byHash?.first == bySort?.first && byHash?.second == bySort?.second, "trial \(trial): \(values)")
        }
        #expect(IdentifierColumn(["a", "b", "c", "b", "a"]).firstRepetition()! == (1, 3))
        #expect(IdentifierColumn(["a", "b", "c"]).firstRepetition() == nil)
    }

    /// Ids that are the same text in two Unicode forms (precomposed and decomposed é) are one
    /// id given twice, on one thread and on segments.
    @Test(arguments: [1, 2])
    func canonicallyEquivalentIdsAreRepeated(threads: Int) throws {
        let path = files.write("u.csv", "id,x\nabc,1\nCaf\u{E9},2\nzz,3\nCafe\u{301},4\n")
        let plan = SegmentedLoad.Plan(threads: threads, minimumSegmentBytes: 3, segmentsPerThread: 1 << 20)
        #expect(throws: CSVError(file: path, line: 5, column: 1, columnName: "id",
                                 message: "id 'Cafe\u{301}' is given twice, on lines 3 and 5; the id column must identify each applicant")) {
            try DataLoader.load(reader: CSVReader(path: path, dialect: CSVDialect()), requests: [ColumnRequest("id", .identifier)], plan: plan)
        }
    }

    /// A chunked column: a copy made before more values are appended keeps its own values
    /// (the shared chunk is never written again); merged chunks are taken in order, each
    /// with its own transform; growth past the first pages keeps every value.
    @Test func columnChunksAppendMergeAndTake() {
        var a = ColumnChunks<UInt32>()
        for v in 0..<100_000 { a.append(UInt32(v)) }
        let copy = a
        a.append(7)
        var b = copy
        b.append(9)
        #expect(a.count == 100_001 && b.count == 100_001)
        var merged = ColumnChunks<UInt32>()
        merged.append(a)
        merged.append(b)
        #expect(merged.count == 200_002)
        // The values 0..<100_000 in one chunk shared by a and b, then each one's own chunk.
        #expect(merged.chunks.map(\.count) == [100_000, 1, 100_000, 1])
        let taken = merged.takeArray { k, v in UInt64(v) + UInt64(k) * 1_000_000 }
        #expect(merged.count == 0 && merged.chunks.isEmpty)
        let firstValues = (0..<100_000).map { UInt64($0) }
        let expected = firstValues + [1_000_007] + firstValues.map { $0 + 2_000_000 } + [3_000_009]
        #expect(taken.count == expected.count)
        #expect(taken == expected, "values differ")
        var copyCopy = copy
        #expect(copyCopy.takeArray() == (0..<100_000).map { UInt32($0) }, "values differ")
    }

    /// Remap tables composed over merges: a segment merged into a merge gives the codes
    /// one table would.
    @Test func remapTablesCompose() {
        let first = ColumnChunkRemap.appended([], count: 1, [], count: 1, remap: [2, 0])
        #expect(first.count == 2 && first[0] == nil && first[1] == [2, 0])
        let second = ColumnChunkRemap.appended([nil], count: 1, first, count: 2, remap: [5, 6, 7])
        #expect(second.count == 3 && second[1] == [5, 6, 7] && second[2] == [7, 5])
        #expect(ColumnChunkRemap.code(1, second, 2) == 5)
        #expect(ColumnChunkRemap.code(UInt32.max, second, 2) == UInt32.max)
        #expect(ColumnChunkRemap.code(4, second, 0) == 4)
    }
}
