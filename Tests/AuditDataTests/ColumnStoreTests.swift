@testable import AuditData
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one store: every kind of column from one pass, the rules of the analyses that ask
/// for them, located errors and warnings, and one open of the file.
@Suite final class ColumnStoreTests {
    let files = TempFiles()

    static func load(_ path: String, _ requests: [ColumnRequest]) throws -> ColumnStore {
        try DataLoader.load(path: path, dialect: CSVDialect(), requests: requests)
    }

    /// Rows start on the lines an editor shows: empty lines are skipped and a quoted field
    /// may span lines; the store's compact line table gives each row's line, as the reader does.
    @Test func rowLinesFollowEmptyLinesAndQuotedLineBreaks() throws {
        // line 1 header; 2 row 0; 3 empty; 4 row 1 (its quoted field spans 4–6); 7 row 2; 8 row 3; 9–10 empty; 11 row 4.
        let text = "id,note\na,x\n\nb,\"one\ntwo\nthree\"\nc,y\nd,z\n\n\ne,w\n"
        let path = files.write("lines.csv", text)
        let store = try Self.load(path, [ColumnRequest("id", .identifier)])
        #expect(store.rowCount == 5)
        #expect((0..<5).map { store.rowLines.line(ofRow: $0) } == [2, 4, 7, 8, 11])
        var read: [Int] = []
        try CSVReader(path: path).forEachRow(selecting: [0]) { read.append($0.line) }
        #expect(read == [2, 4, 7, 8, 11])
    }

    /// One column read as several kinds at once, each as its request says (by hand).
    @Test func oneColumnSeveralKinds() throws {
        let path = files.write("kinds.csv", "id,n,when\nr1,3,2024-02-29\nr2,1,2023-02-29\nr3,NA,\nr4,3,2024-01-01\n")
        let store = try Self.load(path, [
            ColumnRequest("n", .group(.bands([2]), mapping: [:])),
            ColumnRequest("n", .number(NumberRule(missing: .kept(warning: nil), notANumber: { "not a number: \($0)" }))),
            ColumnRequest("n", .category),
            ColumnRequest("when", .date),
            ColumnRequest("id", .identifier),
        ])
        let bands = store.attributes[0]
        #expect(bands.groups == ["<2", ">=2", "unknown"] && bands.codes == [1, 0, 2, 1] && bands.unknownCode == 2)
        #expect(store.numbers["n"]?.map { $0.isNaN ? -1 : $0 } == [3, 1, -1, 3])
        let category = try #require(store.categories["n"])
        #expect(category.groups == ["3", "1", "unknown"] && category.codes == [0, 1, 2, 0] && category.unknownCode == 2)
        #expect((0..<4).map(category.value) == ["3", "1", nil, "3"])
        #expect(category.codesLeavingOutUnknown == [0, 1, -1, 0])
        #expect(category.firstRows == [0, 1, 2])
        let dates = try #require(store.dates["when"])
        // 2024-02-29 is day 19,782 since 1970-01-01; 2023-02-29 is no date; 2024-01-01 is day 19,723.
        #expect((0..<4).map(dates.days) == [19782, nil, nil, 19723])
        #expect((0..<4).map(dates.text) == ["2024-02-29", "2023-02-29", nil, "2024-01-01"])
        #expect(store.identifiers["id"] == ["r1", "r2", "r3", "r4"])
        #expect(store.locations["when"] == ColumnLocation(index: 2, header: "when"))
        #expect(store.error(row: 1, column: "when", "bad").description == "\(path):3:3 (column 'when'): bad")
    }

    /// A number rule's words, located at the field; kept missing values and negative values
    /// are warnings naming the first line, missing values first.
    @Test func numberRulesAndTheirWarnings() throws {
        let path = files.write("n.csv", "v,p\n4,1\n,2\n-1,3\nNA,0\n")
        func rule(_ range: NumberRule.Range, missing: NumberRule.Missing = .kept(warning: .shortfall)) -> NumberRule {
            NumberRule(missing: missing, notANumber: { "nan '\($0)'" }, range: range, outOfRange: { "out '\($0)'" }, negativeWarning: .inequalityIndices)
        }
        let store = try Self.load(path, [ColumnRequest("v", .number(rule(.any)))])
        #expect(store.warnings == [.valuesLeftOut(column: "v", count: 2, negative: false, line: 3, effect: .shortfall),
                                   .valuesLeftOut(column: "v", count: 1, negative: true, line: 4, effect: .inequalityIndices)])
        #expect(store.warnings.map(\.description) == ["column 'v' has 2 missing values (first on line 3): those households are left out of the shortfall figures",
                                                    "column 'v' has 1 negative value (first on line 4): the inequality indices are undefined for allocations below 0"])
        #expect(throws: CSVError(file: path, line: 3, column: 1, columnName: "v", message: "refused ''")) {
            try Self.load(path, [ColumnRequest("v", .number(rule(.any, missing: .refused { "refused '\($0)'" })))])
        }
        #expect(throws: CSVError(file: path, line: 5, column: 2, columnName: "p", message: "out '0'")) {
            try Self.load(path, [ColumnRequest("p", .number(rule(.positive)))])
        }
        #expect(throws: CSVError(file: path, line: 4, column: 1, columnName: "v", message: "out '-1'")) {
            try Self.load(path, [ColumnRequest("v", .number(rule(.nonNegative)))])
        }
    }

    /// A repeated identifier: the first repetition in file order, located at it, both lines named.
    @Test func repeatedIdentifierNamesBothLines() throws {
        let path = files.write("ids.csv", "id,x\na,1\nb,2\nc,3\nb,4\na,5\n")
        #expect(throws: CSVError(file: path, line: 5, column: 1, columnName: "id",
                                 message: "id 'b' is given twice, on lines 3 and 5; the id column must identify each applicant")) {
            try Self.load(path, [ColumnRequest("id", .identifier)])
        }
    }

    /// A missing column: the reader's words when the request names who reads it, else close matches.
    @Test func missingColumnNamesItsReader() throws {
        let path = files.write("c.csv", "id,situation\na,x\n")
        #expect(throws: CSVError(file: path, line: 1, column: nil, columnName: "sit",
                                 message: "criterion 'sit' reads column 'sit', which is not in the header; available columns: 'id', 'situation'")) {
            try Self.load(path, [ColumnRequest("sit", .category, reader: "criterion 'sit'")])
        }
        #expect(throws: CSVError(file: path, line: nil, column: nil, columnName: "sit", message: "no column named 'sit'; did you mean 'situation'?")) {
            try Self.load(path, [ColumnRequest("sit", .category)])
        }
    }

    /// A file that can be read only once (a named pipe) gives every requested column: the
    /// loader opens it once and reads it once, header included, whatever the requests.
    @Test func aPipeIsReadOnce() throws {
        let path = files.folder.appendingPathComponent("pipe.csv").path
        #expect(mkfifo(path, 0o600) == 0)
        var rows = ["id,g,v,d,when"]
        for i in 0..<5000 { rows.append("r\(i),\(["A", "B", ""][i % 3]),\(i % 7),\(i % 2),2024-01-\(String(format: "%02d", i % 28 + 1))") }
        let text = rows.joined(separator: "\n") + "\n"
        let done = DispatchSemaphore(value: 0)
        let writer = Thread {
            let fd = open(path, O_WRONLY)
            guard fd >= 0 else { return }
            _ = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
            close(fd)
            // Should the loader open the pipe again, let that open see the end of the file
            // rather than wait for ever: the test then fails instead of hanging.
            while done.wait(timeout: .now() + 0.2) == .timedOut {
                let again = open(path, O_WRONLY | O_NONBLOCK)
                if again >= 0 { close(again) }
            }
        }
        writer.start()
        defer { done.signal() }
        let store = try Self.load(path, [
            ColumnRequest("g", .group(.none, mapping: [:])), ColumnRequest("d", .decision(.standard)),
            ColumnRequest("v", .number(NumberRule(missing: .kept(warning: nil), notANumber: { $0 }))),
            ColumnRequest("g", .category), ColumnRequest("when", .date), ColumnRequest("id", .identifier),
        ])
        #expect(store.rowCount == 5000)
        #expect(store.attributes[0].groups == ["A", "B", "unknown"])
        #expect(store.numbers["v"]?.reduce(0, +) == Double((0..<5000).reduce(0) { $0 + $1 % 7 }))
        #expect(store.identifiers["id"]?.last == "r4999")
        #expect(store.dates["when"]?.days(4999) == ISODate.days("2024-01-16"))  // 4999 mod 28 = 15
    }
}
