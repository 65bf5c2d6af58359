import Foundation
import Testing
@testable import AuditData

/// Each malformed input gives a `CSVError` with the exact file, line, column,
/// column name and message — never a crash. Every case is also read with tiny
/// chunks, so the error is found the same way when it straddles a chunk
/// boundary.
@Suite("CSV reader: errors")
struct CSVErrorTests {
    /// Reads every row of the file (all columns) with several chunk sizes and
    /// returns the error, checking it does not depend on the chunk size.
    func readError(_ bytes: [UInt8], dialect: CSVDialect = CSVDialect(),
                   sourceLocation: SourceLocation = #_sourceLocation) throws -> (path: String, error: CSVError?) {
        let path = try csvTempFile(bytes)
        var errors: [CSVError?] = []
        for chunkSize in [CSVReader.defaultChunkSize, 1, 2, 3, 5, 7, 16] {
            errors.append(csvExpectError({
                let reader = try CSVReader(path: path, dialect: dialect, chunkSize: chunkSize)
                try reader.forEachRow(selecting: Array(reader.header.indices)) { row in
                    for i in reader.header.indices { _ = try row.validatedString(i) }
                }
            }, sourceLocation: sourceLocation))
        }
        #expect(Set(errors.map { $0?.description ?? "none" }).count == 1, "error depends on chunk size: \(errors)",
                sourceLocation: sourceLocation)
        return (path, errors[0])
    }

    func readError(_ text: String, dialect: CSVDialect = CSVDialect(),
                   sourceLocation: SourceLocation = #_sourceLocation) throws -> (path: String, error: CSVError?) {
        try readError(Array(text.utf8), dialect: dialect, sourceLocation: sourceLocation)
    }

    @Test func raggedRowTooFewFields() throws {
        let (path, error) = try readError("id,sex,race\n1,M,x\n2,F\n3,M,y\n")
        #expect(error == CSVError(file: path, line: 3, column: 3, columnName: "race", message: "expected 3 fields, found 2"))
        #expect(error?.description == "\(path):3:3 (column 'race'): expected 3 fields, found 2")
    }

    @Test func raggedRowTooManyFields() throws {
        let (path, error) = try readError("id,sex\n1,M\n\"multi\nline\",F,extra,more\n")
        #expect(error == CSVError(file: path, line: 3, column: 3, columnName: nil, message: "expected 2 fields, found 4"))
    }

    @Test func raggedLastRowWithoutNewline() throws {
        let (path, error) = try readError("a,b\n1,2\n3")
        #expect(error == CSVError(file: path, line: 3, column: 2, columnName: "b", message: "expected 2 fields, found 1"))
    }

    @Test func quoteInsideUnquotedField() throws {
        let (path, error) = try readError("name,height\nBob,5'10\"\n")
        #expect(error == CSVError(file: path, line: 2, column: 2, columnName: "height",
                                  message: "unexpected quote '\"' inside an unquoted field (a field containing quotes must be enclosed in quotes, with each inner quote doubled)"))
    }

    @Test func characterAfterClosingQuote() throws {
        let (path, error) = try readError("a,b\n1,\"x\ny\"z\n")
        #expect(error == CSVError(file: path, line: 3, column: 2, columnName: "b",
                                  message: "expected ',' or end of line after the closing quote, found 'z'"))
        let (path2, spaced) = try readError("a;b\n\"x\" ;2\n")
        #expect(spaced == CSVError(file: path2, line: 2, column: 1, columnName: "a",
                                   message: "expected ';' or end of line after the closing quote, found space"))
    }

    @Test func unterminatedQuotedFieldNamesOpeningLine() throws {
        let (path, error) = try readError("a,b\n1,2\n3,\"never\nclosed\n4,5\n")
        #expect(error == CSVError(file: path, line: 3, column: 2, columnName: "b",
                                  message: "quoted field opened on line 3 is never closed: expected a closing '\"' before the end of the file"))
    }

    @Test func unterminatedQuoteInHeader() throws {
        let (path, error) = try readError("a,\"b\n1,2\n")
        #expect(error == CSVError(file: path, line: 1, column: 2, columnName: nil,
                                  message: "quoted field opened on line 1 is never closed: expected a closing '\"' before the end of the file"))
    }

    @Test func invalidUTF8InHeader() throws {
        let (path, error) = try readError(Array("id,".utf8) + [0x72, 0xFF, 0x63, 0x65] + Array("\n1,2\n".utf8))
        #expect(error == CSVError(file: path, line: 1, column: 2, columnName: nil,
                                  message: "invalid UTF-8 in header name (re-encode the file as UTF-8)"))
    }

    @Test func invalidUTF8InSelectedField() throws {
        // Latin-1 "é" (0xE9) in a field.
        let (path, error) = try readError(Array("id,ville\n1,Lyon\n2,Gen".utf8) + [0xE9] + Array("ve\n".utf8))
        #expect(error == CSVError(file: path, line: 3, column: 2, columnName: "ville",
                                  message: "invalid UTF-8 in field (re-encode the file as UTF-8)"))
    }

    @Test func invalidUTF8InUnselectedFieldIsNotChecked() throws {
        let path = try csvTempFile(Array("id,ville\n1,".utf8) + [0xE9] + Array("\n".utf8))
        let reader = try CSVReader(path: path)
        var ids: [String] = []
        try reader.forEachRow(selecting: [0]) { ids.append(try $0.validatedString(0)) }
        #expect(ids == ["1"])
    }

    @Test func emptyFile() throws {
        for bytes: [UInt8] in [[], [0xEF, 0xBB, 0xBF], Array("\n\r\n\n".utf8)] {
            let (path, error) = try readError(bytes)
            #expect(error == CSVError(file: path, line: nil, column: nil, columnName: nil,
                                      message: "empty file: expected a header line"))
        }
    }

    @Test func headerWithoutDataRows() throws {
        for text in ["a,b", "a,b\n", "a,b\r\n\r\n\n"] {
            let (path, error) = try readError(text)
            #expect(error?.file == path)
            #expect(error?.message == "expected at least one data row after the header, found none")
        }
    }

    @Test func emptyHeaderName() throws {
        let (path, error) = try readError("id,,race\n1,2,3\n")
        #expect(error == CSVError(file: path, line: 1, column: 2, columnName: nil,
                                  message: "empty header name: every column needs a name"))
        let (path2, trailing) = try readError("id,race,\n1,2,3\n")
        #expect(trailing == CSVError(file: path2, line: 1, column: 3, columnName: nil,
                                     message: "empty header name: every column needs a name"))
    }

    @Test func loneCarriageReturn() throws {
        let (path, error) = try readError("a,b\r1,2\r")
        #expect(error?.file == path)
        #expect(error?.line == 1)
        #expect(error?.column == 2)
        #expect(error?.message.hasPrefix("carriage return not followed by a line feed") == true)
    }

    @Test func missingFile() {
        let error = csvExpectError { _ = try CSVReader(path: "/nonexistent/dir/data.csv") }
        #expect(error?.file == "/nonexistent/dir/data.csv")
        #expect(error?.message.hasPrefix("cannot open file") == true)
    }

    @Test func invalidDialect() throws {
        let path = try csvTempFile("a,b\n1,2\n")
        let error = csvExpectError { _ = try CSVReader(path: path, dialect: CSVDialect(delimiter: UInt8(ascii: "\""))) }
        #expect(error?.message.hasPrefix("the delimiter cannot be") == true)
    }

    @Test func rowLongerThanLimitIsAnErrorNotUnboundedMemory() throws {
        let text = "a,b\n1,\"" + String(repeating: "x", count: 5000) + "\n"
        let path = try csvTempFile(text)
        let error = csvExpectError {
            let reader = try CSVReader(path: path, dialect: CSVDialect(), chunkSize: 64, maxRowBytes: 1024)
            try reader.forEachRow(selecting: [1]) { _ in }
        }
        #expect(error?.line == 2)
        #expect(error?.message == "a single row is longer than 1024 bytes; the quoted field opened on line 2 is probably never closed")
    }

    @Test func rowsBeforeAnErrorAreDelivered() throws {
        let reader = try CSVReader(path: try csvTempFile("a,b\n1,2\n3,4\n5\n"))
        var seen: [String] = []
        let error = csvExpectError { try reader.forEachRow(selecting: [0]) { seen.append($0.string(0)) } }
        #expect(seen == ["1", "3"])
        #expect(error?.line == 4)
    }
}
