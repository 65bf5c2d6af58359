import Foundation
import Testing
@testable import AuditData

// MARK: - Helpers shared by the CSV*Tests files

/// One folder for this test process's files, removed when the process exits.
let csvTestRoot: URL = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("vigie-csv-tests-\(getpid())", isDirectory: true)
    atexit { try? FileManager.default.removeItem(at: csvTestRoot) }
    return root
}()

/// Writes `bytes` to a fresh file in a temporary directory and returns its path.
func csvTempFile(_ bytes: [UInt8], name: String = "data.csv") throws -> String {
    let dir = csvTestRoot.appendingPathComponent(UUID().uuidString, isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

func csvTempFile(_ text: String, name: String = "data.csv") throws -> String {
    try csvTempFile(Array(text.utf8), name: name)
}

/// Reads every selected field of every row as `String` (all columns by default).
func csvReadAll(_ reader: CSVReader, columns: [Int]? = nil) throws -> [[String]] {
    let columns = columns ?? Array(reader.header.indices)
    var rows: [[String]] = []
    try reader.forEachRow(selecting: columns) { row in
        rows.append(columns.indices.map { row.string($0) })
    }
    return rows
}

/// Runs `body` and returns the `CSVError` it throws (or records a failure).
func csvExpectError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> CSVError? {
    do {
        try body()
        Issue.record("expected a CSVError, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as CSVError {
        return error
    } catch {
        Issue.record("expected a CSVError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

// MARK: - Parsing

@Suite("CSV reader: parsing")
struct CSVReaderParsingTests {
    @Test func simpleFileWithAndWithoutFinalNewline() throws {
        for text in ["a,b,c\n1,2,3\n4,5,6\n", "a,b,c\n1,2,3\n4,5,6"] {
            let reader = try CSVReader(path: try csvTempFile(text))
            #expect(reader.header == ["a", "b", "c"])
            #expect(reader.delimiter == UInt8(ascii: ","))
            #expect(try csvReadAll(reader) == [["1", "2", "3"], ["4", "5", "6"]])
        }
    }

    @Test func quotedFieldsWithDelimitersDoubledQuotesAndNewlines() throws {
        let text = "name,comment,n\n\"Doe, Jane\",\"she said \"\"hi\"\"\",1\n\"multi\nline\",\"\",2\n"
        let reader = try CSVReader(path: try csvTempFile(text))
        #expect(try csvReadAll(reader) == [["Doe, Jane", "she said \"hi\"", "1"], ["multi\nline", "", "2"]])
    }

    @Test func quotedNewlinesCountInLineNumbers() throws {
        let text = "a,b\n\"x\ny\nz\",1\n2,\"p\nq\"\n3,4\n"
        let reader = try CSVReader(path: try csvTempFile(text))
        var lines: [Int] = []
        var fieldLines: [Int] = []
        try reader.forEachRow(selecting: [0, 1]) { row in
            lines.append(row.line)
            fieldLines.append(row.line(of: 1))
        }
        #expect(lines == [2, 5, 7])
        #expect(fieldLines == [4, 5, 7])
    }

    @Test func crlfLineEndings() throws {
        let text = "a,b\r\n1,\"x\r\ny\"\r\n3,4\r\n"
        let reader = try CSVReader(path: try csvTempFile(text))
        #expect(reader.header == ["a", "b"])
        #expect(try csvReadAll(reader) == [["1", "x\r\ny"], ["3", "4"]])
        var lines: [Int] = []
        try reader.forEachRow(selecting: [1]) { lines.append($0.line) }
        #expect(lines == [2, 4])
    }

    @Test func crlfWithoutFinalNewlineAndQuotedLastField() throws {
        let reader = try CSVReader(path: try csvTempFile("a,b\r\n1,\"2\""))
        #expect(try csvReadAll(reader) == [["1", "2"]])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let reader = try CSVReader(path: try csvTempFile([0xEF, 0xBB, 0xBF] + Array("id;score\n1;2,5\n".utf8)))
        #expect(reader.header == ["id", "score"])
        #expect(reader.delimiter == UInt8(ascii: ";"))
    }

    @Test func semicolonAutoDetectionWithDecimalComma() throws {
        let text = "commune;taux;\"note; finale\"\nLyon;3,5;12\nLille;-0,25;1e3\n"
        let reader = try CSVReader(path: try csvTempFile(text), dialect: CSVDialect(decimalComma: true))
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(reader.header == ["commune", "taux", "note; finale"])
        var values: [Double?] = []
        try reader.forEachRow(selecting: [1, 2]) { row in
            values.append(row.double(0))
            values.append(row.double(1))
        }
        #expect(values == [3.5, 12, -0.25, 1000])
    }

    @Test func decimalCommaRejectsPointAndPlainModeRejectsComma() throws {
        let reader = try CSVReader(path: try csvTempFile("x;y\n1.5;1,5\n"), dialect: CSVDialect(decimalComma: true))
        try reader.forEachRow(selecting: [0, 1]) { row in
            #expect(row.double(0) == nil)
            #expect(row.double(1) == 1.5)
        }
        let plain = try CSVReader(path: try csvTempFile("x;y\n1.5;1,5\n"))
        try plain.forEachRow(selecting: [0, 1]) { row in
            #expect(row.double(0) == 1.5)
            #expect(row.double(1) == nil)
        }
    }

    @Test func tabAutoDetection() throws {
        let reader = try CSVReader(path: try csvTempFile("a\tb,c\td\n1\t2,3\t4\n"))
        #expect(reader.delimiter == UInt8(ascii: "\t"))
        #expect(reader.header == ["a", "b,c", "d"])
    }

    @Test func detectionCountsOutsideQuotesOnlyAndTiesGoToComma() throws {
        // Three ';' inside quotes, two ',' outside.
        let quoted = try CSVReader(path: try csvTempFile("\"a;b;c;d\",e,f\n1,2,3\n"))
        #expect(quoted.delimiter == UInt8(ascii: ","))
        let tie = try CSVReader(path: try csvTempFile("a;b,c\n1;2,3\n"))
        #expect(tie.delimiter == UInt8(ascii: ","))
        #expect(tie.header == ["a;b", "c"])
        let single = try CSVReader(path: try csvTempFile("only\n1\n"))
        #expect(single.delimiter == UInt8(ascii: ","))
        #expect(try csvReadAll(single) == [["1"]])
    }

    @Test func delimiterOverride() throws {
        let reader = try CSVReader(path: try csvTempFile("a,b;c\n1,2;3\n"),
                                   dialect: CSVDialect(delimiter: UInt8(ascii: ";")))
        #expect(reader.header == ["a,b", "c"])
        #expect(try csvReadAll(reader) == [["1,2", "3"]])
    }

    @Test func onlySelectedColumnsInRequestedOrderIncludingRepeats() throws {
        let reader = try CSVReader(path: try csvTempFile("a,b,c,d\n1,\"2\",3,4\n5,6,\"7\"\"\",8\n"))
        #expect(try csvReadAll(reader, columns: [3, 0, 2, 0]) == [["4", "1", "3", "1"], ["8", "5", "7\"", "5"]])
        #expect(try csvReadAll(reader, columns: []) == [[], []])
    }

    @Test func missingValues() throws {
        let reader = try CSVReader(path: try csvTempFile("a,b\nNA,\nNaN,null\n\"\",na\n 1,2\n"))
        var flags: [[Bool]] = []
        try reader.forEachRow(selecting: [0, 1]) { row in flags.append([row.isMissing(0), row.isMissing(1)]) }
        #expect(flags == [[true, true], [true, true], [true, false], [false, false]])
        let custom = try CSVReader(path: try csvTempFile("a\n.\nNA\n"), dialect: CSVDialect(missingValues: ["."]))
        var customFlags: [Bool] = []
        try custom.forEachRow(selecting: [0]) { customFlags.append($0.isMissing(0)) }
        #expect(customFlags == [true, false])
    }

    @Test func emptyLinesAreSkipped() throws {
        let reader = try CSVReader(path: try csvTempFile("\n\na,b\n\n1,2\r\n\r\n3,4\n\n\n"))
        var rows: [[String]] = []
        var lines: [Int] = []
        try reader.forEachRow(selecting: [0, 1]) { row in
            rows.append([row.string(0), row.string(1)])
            lines.append(row.line)
        }
        #expect(rows == [["1", "2"], ["3", "4"]])
        #expect(lines == [5, 7])
    }

    @Test func emptyFieldsAndTrailingEmptyField() throws {
        let reader = try CSVReader(path: try csvTempFile("a,b,c\n,,\n1,,\n"))
        #expect(try csvReadAll(reader) == [["", "", ""], ["1", "", ""]])
    }

    @Test func forEachRowCanRunTwice() throws {
        let reader = try CSVReader(path: try csvTempFile("a\n1\n2\n"))
        #expect(try csvReadAll(reader) == [["1"], ["2"]])
        #expect(try csvReadAll(reader) == [["1"], ["2"]])
    }

    @Test func bodyErrorsPropagateUnchanged() throws {
        struct LeadError: Error, Equatable { let line: Int }
        let reader = try CSVReader(path: try csvTempFile("a\n1\n2\n3\n"))
        var seen = 0
        #expect(throws: LeadError(line: 3)) {
            try reader.forEachRow(selecting: [0]) { row in
                seen += 1
                if row.line == 3 { throw LeadError(line: row.line) }
            }
        }
        #expect(seen == 2)
    }

    @Test func rowErrorNamesFileLineAndColumn() throws {
        let path = try csvTempFile("id,age,race\n1,\"x\ny\",abc\n")
        let reader = try CSVReader(path: path)
        var error: CSVError?
        try reader.forEachRow(selecting: [2]) { row in
            #expect(row.double(0) == nil)
            error = row.error(0, "expected a number, found 'abc'")
        }
        #expect(error == CSVError(file: path, line: 3, column: 3, columnName: "race", message: "expected a number, found 'abc'"))
        #expect(error?.description == "\(path):3:3 (column 'race'): expected a number, found 'abc'")
    }

    @Test func validatedStringAndReplacementString() throws {
        let path = try csvTempFile(Array("a,b\nok,".utf8) + [0xC3, 0x28] + Array("\n".utf8))
        let reader = try CSVReader(path: path)
        var first: String?
        var repaired: String?
        var error: CSVError?
        try reader.forEachRow(selecting: [0, 1]) { row in
            first = try row.validatedString(0)
            repaired = row.string(1)
            error = csvExpectError { _ = try row.validatedString(1) }
        }
        #expect(first == "ok")
        #expect(repaired == "\u{FFFD}(")
        do {
            #expect(error?.line == 2)
            #expect(error?.column == 2)
            #expect(error?.columnName == "b")
            #expect(error?.message.contains("invalid UTF-8") == true)
        }
    }

    @Test func utf8HeaderAndValues() throws {
        let reader = try CSVReader(path: try csvTempFile("département;libellé\n69;Rhône\n"))
        #expect(reader.header == ["département", "libellé"])
        #expect(try csvReadAll(reader) == [["69", "Rhône"]])
    }
}

// MARK: - Column names

@Suite("CSV reader: column names")
struct CSVColumnNameTests {
    @Test func duplicatesResolveByOccurrence() throws {
        let reader = try CSVReader(path: try csvTempFile("id,score,x,score,y,score\n1,2,3,4,5,6\n"))
        #expect(try reader.columnIndex(named: "id") == 0)
        #expect(try reader.columnIndex(named: "score") == 1)
        #expect(try reader.columnIndex(named: "score#1") == 1)
        #expect(try reader.columnIndex(named: "score#2") == 3)
        #expect(try reader.columnIndex(named: "score#3") == 5)
        #expect(reader.isDuplicated("score"))
        #expect(!reader.isDuplicated("id"))
        #expect(!reader.isDuplicated("nope"))
        let error = csvExpectError { _ = try reader.columnIndex(named: "score#4") }
        #expect(error?.message.contains("occurs 3 time(s)") == true)
    }

    @Test func literalHashInHeaderWins() throws {
        let reader = try CSVReader(path: try csvTempFile("a#2,a,a\n1,2,3\n"))
        #expect(try reader.columnIndex(named: "a#2") == 0)
        #expect(try reader.columnIndex(named: "a") == 1)
    }

    @Test func unknownNameSuggestsCloseMatches() throws {
        let path = try csvTempFile("id,race,sex,decile_score\n1,2,3,4\n")
        let reader = try CSVReader(path: path)
        let close = csvExpectError { _ = try reader.columnIndex(named: "decile_scor") }
        #expect(close == CSVError(file: path, line: nil, column: nil, columnName: "decile_scor",
                                  message: "no column named 'decile_scor'; did you mean 'decile_score'?"))
        let caseOnly = csvExpectError { _ = try reader.columnIndex(named: "Race") }
        #expect(caseOnly?.message == "no column named 'Race'; did you mean 'race'?")
        let far = csvExpectError { _ = try reader.columnIndex(named: "income") }
        #expect(far?.message == "no column named 'income'; available columns: 'id', 'race', 'sex', 'decile_score'")
    }

    @Test func outOfRangeSelectionIsAnError() throws {
        let reader = try CSVReader(path: try csvTempFile("a,b\n1,2\n"))
        let error = csvExpectError { try reader.forEachRow(selecting: [2]) { _ in } }
        #expect(error?.message == "column index 2 is out of range: the header has 2 columns")
    }
}

// MARK: - COMPAS

@Suite("CSV reader: COMPAS two-year file")
struct CSVCompasTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/compas/compas-scores-two-years.csv").path

    @Test func readsCompas() throws {
        let reader = try CSVReader(path: Self.path)
        #expect(reader.header.count == 46)
        #expect(reader.delimiter == UInt8(ascii: ","))
        #expect(reader.isDuplicated("decile_score"))
        #expect(reader.isDuplicated("priors_count"))
        #expect(!reader.isDuplicated("race"))
        let decile1 = try reader.columnIndex(named: "decile_score")
        let decile2 = try reader.columnIndex(named: "decile_score#2")
        #expect(decile1 == 7)
        #expect(decile2 == 32)
        #expect(try reader.columnIndex(named: "priors_count#2") == 41)
        let race = try reader.columnIndex(named: "race")
        let recid = try reader.columnIndex(named: "two_year_recid")

        var rows = 0
        var races = CategoricalEncoder()
        var raceCounts: [UInt32: Int] = [:]
        var recidivists = 0.0
        var sameDecile = 0
        var lastLine = 0
        try reader.forEachRow(selecting: [race, recid, decile1, decile2]) { row in
            rows += 1
            raceCounts[try races.code(for: row, 0), default: 0] += 1
            guard let r = row.double(1) else { throw row.error(1, "not a number") }
            recidivists += r
            if row.double(2) == row.double(3) { sameDecile += 1 }
            lastLine = row.line
        }
        #expect(rows == 7214)
        #expect(lastLine == 7215)
        #expect(recidivists == 3251)
        #expect(sameDecile == rows)
        #expect(races.levels.sorted() == ["African-American", "Asian", "Caucasian", "Hispanic", "Native American", "Other"])
        let african = try #require(races.levels.firstIndex(of: "African-American"))
        #expect(raceCounts[UInt32(african)] == 3696)
    }
}
