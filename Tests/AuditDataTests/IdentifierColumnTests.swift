import TestSupport
import Foundation
import Testing
@testable import AuditData

/// The compact identifier column (`IdentifierColumn`): values read back as written (short,
/// longer than 15 bytes, empty, non-ASCII), its order and equality those of `String`, the
/// repeated-id check on the column read from a file on 1, 2 and 3 threads.
@Suite final class IdentifierColumnTests {
    let files = TempFiles()

    @Test func valuesReadBackAsWritten() {
        let values = ["a", "", "DEM-2026-000000001234", "Caf\u{E9}", "Cafe\u{301}", "x", String(repeating: "z", count: 300)]
        let column = IdentifierColumn(values)
        #expect(column.count == values.count && Array(column) == values)
        #expect(!column.isASCII && IdentifierColumn(["a", "b"]).isASCII)
        #expect(column.withUTF8(2) { Array($0) } == Array("DEM-2026-000000001234".utf8))
        #expect(IdentifierColumn([]).isEmpty)
    }

    /// `precedes`, `rowsInOrder` and `same` agree with `String`'s `<` and `==` on every pair, ASCII or not
    /// (precomposed and decomposed é are one value).
    @Test func orderAndEqualityAreThoseOfString() {
        var rng = SplitMix64(seed: 21)
        // Lengths 0 to 20 over a few letters: many shared prefixes, of 8 bytes and more too.
        let ascii = (0..<80).map { _ in String((0..<Int.random(in: 0...20, using: &rng)).map { _ in "ab0-Z".randomElement(using: &rng)! }) }
            + ["abababab", "abababab0", "ababababa", "abababa", "aaaaaaaaaaaaaaaaZ", "aaaaaaaaaaaaaaaab"]
        let unicode = ascii.prefix(20) + ["Caf\u{E9}", "Cafe\u{301}", "\u{E9}", "e", "f", "Z\u{301}"]
        for values in [ascii, Array(unicode)] {
            let column = IdentifierColumn(values)
            for a in values.indices {
                for b in values.indices {
                    #expect(column.precedes(a, b) == (values[a] < values[b]), "\(values[a]) < \(values[b])")
                    #expect(column.same(a, b) == (values[a] == values[b]), "\(values[a]) == \(values[b])")
                }
            }
            let sorted = values.indices.sorted { column.precedes($0, $1) }.map { values[$0] }
            #expect(sorted == values.sorted())
            #expect(column.rowsInOrder().map { values[Int($0)] } == values.sorted())
        }
    }

    /// Ids read on 1, 2, 3 threads in small segments: the column holds every id; one id
    /// given twice (the second time past the first segments) is the error naming both lines.
    @Test(arguments: [1, 2, 3])
    func repeatedIdOnTheLoadedColumn(threads: Int) throws {
        let ids = (0..<500).map { "DEM-2026-\(String(1_000_000_000 + $0 * 7919))" }
        let good = files.write("ids\(threads).csv", "id,x\n" + ids.map { "\($0),1" }.joined(separator: "\n") + "\n")
        let plan = SegmentedLoad.Plan(threads: threads, minimumSegmentBytes: 200, segmentsPerThread: 1 << 20)
        let store = try DataLoader.load(reader: CSVReader(path: good, dialect: CSVDialect()), requests: [ColumnRequest("id", .identifier)], plan: plan)
        #expect(store.identifiers["id"] == IdentifierColumn(ids))
        var repeated = ids
        repeated[400] = ids[123]
        let bad = files.write("dup\(threads).csv", "x,id\n" + repeated.map { "1,\($0)" }.joined(separator: "\n") + "\n")
        #expect(throws: CSVError(file: bad, line: 402, column: 2, columnName: "id",
                                 message: "id '\(ids[123])' is given twice, on lines 125 and 402; the id column must identify each applicant")) {
            try DataLoader.load(reader: CSVReader(path: bad, dialect: CSVDialect()), requests: [ColumnRequest("id", .identifier)], plan: plan)
        }
    }
}
