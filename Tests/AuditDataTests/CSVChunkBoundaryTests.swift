import TestSupport
import Foundation
import Testing
@testable import AuditData


/// A reference RFC 4180 writer, deliberately naive: quote a field when it
/// contains the delimiter, a quote, CR or LF, or (randomly) anyway.
func csvReferenceWrite(_ table: [[String]], delimiter: Character, crlf: Bool, finalNewline: Bool, bom: Bool,
                       quoteAll: (Int, Int) -> Bool) -> [UInt8] {
    var out = bom ? "\u{FEFF}" : ""
    for (r, row) in table.enumerated() {
        let fields = row.enumerated().map { (c, field) -> String in
            let needs = field.contains(delimiter) || field.contains("\"") || field.contains("\n") || field.contains("\r")
            return needs || quoteAll(r, c) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }
        out += fields.joined(separator: String(delimiter))
        if r < table.count - 1 || finalNewline { out += crlf ? "\r\n" : "\n" }
    }
    return Array(out.utf8)
}

@Suite("CSV reader: chunk boundaries")
struct CSVChunkBoundaryTests {
    static let alphabet: [String] = ["a", "b", "Z", "0", "7", ".", "-", " ", ",", ";", "\t", "\"", "\n", "\r\n", "é", "€", "😀", "NA"]

    func randomTable(_ rng: inout SplitMix64, columns: Int, rows: Int) -> [[String]] {
        let header = (0..<columns).map { "col\($0)_" + (Bool.random(using: &rng) ? "x\"y,z\nw" : "n") }
        var table = [header]
        for _ in 0..<rows {
            table.append((0..<columns).map { _ in
                let length = Int.random(in: 0...12, using: &rng)
                return (0..<length).map { _ in Self.alphabet.randomElement(using: &rng)! }.joined()
            })
        }
        // A row made only of empty fields would be an empty line when there is
        // one column (skipped by design); keep single-column rows non-empty.
        if columns == 1 {
            for r in 1..<table.count where table[r][0].isEmpty { table[r][0] = "v" }
        }
        return table
    }

    /// Physical line on which each data row starts, computed from the table.
    func expectedLines(_ table: [[String]]) -> [Int] {
        var lines: [Int] = []
        var line = 1
        for (r, row) in table.enumerated() {
            if r > 0 { lines.append(line) }
            line += 1 + row.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
        }
        return lines
    }

    @Test(arguments: 0..<40)
    func randomTablesRoundTripForAllChunkSizes(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 7919 &+ 17)
        let columns = Int.random(in: 1...6, using: &rng)
        let table = randomTable(&rng, columns: columns, rows: Int.random(in: 1...30, using: &rng))
        let delimiter: Character = [",", ";", "\t"].randomElement(using: &rng)!
        let crlf = Bool.random(using: &rng)
        let bytes = csvReferenceWrite(table, delimiter: delimiter, crlf: crlf,
                                      finalNewline: Bool.random(using: &rng), bom: Bool.random(using: &rng),
                                      quoteAll: { r, c in (r * 31 + c * 7 + seed) % 5 == 0 })
        let path = try csvTempFile(bytes)
        let selection = (0..<columns).filter { _ in Bool.random(using: &rng) }
        let lines = expectedLines(table)

        for chunkSize in [CSVReader.defaultChunkSize, 1, 2, 3, 4, 5, 7, 8, 9, 13, 64, 1000] {
            let reader = try CSVReader(path: path, dialect: CSVDialect(delimiter: delimiter.asciiValue!),
                                       chunkSize: chunkSize)
            #expect(reader.header == table[0], "chunkSize \(chunkSize)")
            var rows: [[String]] = []
            var rowLines: [Int] = []
            try reader.forEachRow(selecting: selection) { row in
                rows.append(try selection.indices.map { try row.validatedString($0) })
                rowLines.append(row.line)
            }
            #expect(rows == table.dropFirst().map { row in selection.map { row[$0] } }, "chunkSize \(chunkSize), seed \(seed)")
            #expect(rowLines == lines, "chunkSize \(chunkSize), seed \(seed)")
        }
    }

    @Test(arguments: 0..<20)
    func autoDetectionAgreesWithWriter(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &+ 1000)
        let delimiter: Character = [",", ";", "\t"].randomElement(using: &rng)!
        // Header names without delimiter characters, so detection is unambiguous.
        let columns = Int.random(in: 2...8, using: &rng)
        var table = [(0..<columns).map { "h\($0)" }]
        table.append(contentsOf: randomTable(&rng, columns: columns, rows: 10).dropFirst())
        let bytes = csvReferenceWrite(table, delimiter: delimiter, crlf: false, finalNewline: true, bom: false,
                                      quoteAll: { _, _ in false })
        let reader = try CSVReader(path: try csvTempFile(bytes), dialect: CSVDialect(), chunkSize: 3)
        #expect(reader.delimiter == delimiter.asciiValue!)
        #expect(try csvReadAll(reader) == Array(table.dropFirst()))
    }

    @Test func everySplitPointOfATrickyFile() throws {
        // Doubled quotes, CRLF inside and outside quotes, a quote as last byte.
        let text = "\u{FEFF}a,\"b\"\"\",c\r\n\"\"\"\",\"x\r\ny\",\r\n1,,\"\"\r\n\"q\"\"\",\"\",\"z\""
        let path = try csvTempFile(text)
        let expected = [["\"", "x\r\ny", ""], ["1", "", ""], ["q\"", "", "z"]]
        for chunkSize in 1...(text.utf8.count + 1) {
            let reader = try CSVReader(path: path, dialect: CSVDialect(), chunkSize: chunkSize)
            #expect(reader.header == ["a", "b\"", "c"])
            #expect(try csvReadAll(reader) == expected, "chunkSize \(chunkSize)")
        }
    }

    @Test func numbersAndLevelsIndependentOfChunkSize() throws {
        var rng = SplitMix64(seed: 99)
        var text = "x;cat\n"
        for _ in 0..<500 {
            let value = Double.random(in: -1e6...1e6, using: &rng)
            let category = ["A", "\"B\"\"\"", "\"C;D\"", "é"].randomElement(using: &rng)!
            text += "\"\(value)\";\(category)\n"
        }
        let path = try csvTempFile(text)
        func read(_ chunkSize: Int) throws -> ([Double?], [UInt32], [String]) {
            let reader = try CSVReader(path: path, dialect: CSVDialect(), chunkSize: chunkSize)
            var values: [Double?] = []
            var codes: [UInt32] = []
            var encoder = CategoricalEncoder()
            try reader.forEachRow(selecting: [0, 1]) { row in
                values.append(row.double(0))
                codes.append(try encoder.code(for: row, 1))
            }
            return (values, codes, encoder.levels)
        }
        let reference = try read(CSVReader.defaultChunkSize)
        #expect(reference.2.sorted() == ["A", "B\"", "C;D", "é"])
        #expect(!reference.0.contains(nil))
        for chunkSize in [1, 2, 3, 7, 11, 100] {
            let other = try read(chunkSize)
            #expect(other.0 == reference.0)
            #expect(other.1 == reference.1)
            #expect(other.2 == reference.2)
        }
    }
}
