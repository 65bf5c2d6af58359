import TestSupport
import Foundation
import Testing
@testable import AuditData

/// The load on several threads (`SegmentedLoad`) gives the store one thread gives, byte for
/// byte, and the same first error: tiny files cut into tiny segments (every byte offset a
/// segment start in turn, so segments start inside quoted fields, between CR and LF, on empty
/// lines, after the last row), read through tiny windows, on 2 and 8 threads.
@Suite("Data load on several threads")
struct SegmentedLoadTests {
    /// Field texts with everything that makes cutting a file hard: quotes, delimiters, CR, LF.
    static let pieces: [String] = ["a", "b", "Zé", "0", " ", ",", ";", "\"", "\n", "\r\n", "\n\n", "€", "x\"\ny"]

    static let requests: [ColumnRequest] = [
        ColumnRequest("g", .group(.none, mapping: [:])),
        ColumnRequest("age", .group(.bands([18, 40]), mapping: [:])),
        ColumnRequest("y", .label(.standard)),
        ColumnRequest("d", .decision(.positive("oui"))),
        ColumnRequest("n", .number(NumberRule(missing: .kept(warning: .shortfall), notANumber: { "expected a number, found '\($0)'" },
                                              negativeWarning: .inequalityIndices))),
        ColumnRequest("c", .category),
        ColumnRequest("id", .identifier),
    ]

    /// A random table of the requested columns (plus one no one reads) and its CSV bytes.
    static func randomFile(seed: Int, rows: Int) -> (bytes: [UInt8], delimiter: UInt8) {
        var rng = SplitMix64(seed: UInt64(seed) &* 104_729 &+ 3)
        func text(_ maxPieces: Int) -> String {
            (0..<Int.random(in: 0...maxPieces, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        }
        var table = [["id", "g", "skipped", "age", "y", "d", "n", "c"]]
        for r in 0..<rows {
            let g = Int.random(in: 0..<6, using: &rng)
            table.append([
                "id\(r)" + (r % 3 == 0 ? "\n" : ""),
                g == 5 ? "" : ["F", "M", "x\"y", "a,b", "l1\nl2"][g],
                text(4),
                Bool.random(using: &rng) ? "NA" : String(Int.random(in: 0...90, using: &rng)),
                Bool.random(using: &rng) ? "1" : "no",
                r == 0 ? "oui" : ["oui", "non", "peut-être\n"].randomElement(using: &rng)!,
                Int.random(in: 0..<5, using: &rng) == 0 ? "" : String(Double(Int.random(in: -50...500, using: &rng)) / 4),
                text(3),
            ])
        }
        let delimiter: Character = [",", ";", "\t"].randomElement(using: &rng)!
        let bytes = csvReferenceWrite(table, delimiter: delimiter, crlf: Bool.random(using: &rng),
                                      finalNewline: Bool.random(using: &rng), bom: Bool.random(using: &rng),
                                      quoteAll: { r, c in (r * 13 + c * 5 + seed) % 7 == 0 })
        // Empty lines here and there, which rows skip.
        var out: [UInt8] = []
        var lineCount = 0
        for byte in bytes {
            out.append(byte)
            if byte == UInt8(ascii: "\n") {
                lineCount += 1
                if lineCount % 9 == 4 { out.append(UInt8(ascii: "\n")) }
            }
        }
        return (out, delimiter.asciiValue!)
    }

    /// Stores compared byte for byte: numbers by bit pattern (NaN is not equal to itself).
    static func expectSame(_ a: ColumnStore, _ b: ColumnStore, _ note: String) {
        var a0 = a, b0 = b
        a0.numbers = [:]
        b0.numbers = [:]
        #expect(a0 == b0, "\(note)")
        #expect(a.numbers.mapValues { $0.map(\.bitPattern) } == b.numbers.mapValues { $0.map(\.bitPattern) }, "\(note)")
    }

    /// The store read by `SegmentedLoad` itself (never the one-thread fallback).
    static func segmented(_ path: String, _ dialect: CSVDialect, threads: Int, segmentBytes: Int, chunkSize: Int) throws -> ColumnStore? {
        let reader = try CSVReader(path: path, dialect: dialect, chunkSize: chunkSize)
        let template = try StoreBuilder(reader: reader, requests: requests)
        let plan = SegmentedLoad.Plan(threads: threads, minimumSegmentBytes: segmentBytes, segmentsPerThread: 1 << 20)
        return try SegmentedLoad.run(reader: reader, template: template, plan: plan, progress: nil)?.finish()
    }

    @Test(arguments: 0..<12)
    func storeIsTheSameOnOneTwoAndEightThreads(seed: Int) throws {
        let (bytes, delimiter) = Self.randomFile(seed: seed, rows: 12 + seed)
        let path = try csvTempFile(bytes)
        let dialect = CSVDialect(delimiter: delimiter)
        let reference = try DataLoader.load(reader: CSVReader(path: path, dialect: dialect), requests: Self.requests,
                                            plan: SegmentedLoad.Plan(threads: 1))
        #expect(reference.rowCount == 12 + seed)
        // Every segment size from 1 byte (a segment start at every offset) to a third of the file.
        for segmentBytes in Array(1...24) + [37, 64, bytes.count / 5, bytes.count / 3] {
            for (threads, chunkSize) in [(2, 4096), (8, 5), (2, 1), (8, 64)] {
                let note = "seed \(seed), segments of \(segmentBytes) bytes, \(threads) threads, windows of \(chunkSize) bytes"
                let store = try Self.segmented(path, dialect, threads: threads, segmentBytes: segmentBytes, chunkSize: chunkSize)
                guard let store else {
                    Issue.record("the load fell back to one thread: \(note)")
                    continue
                }
                Self.expectSame(store, reference, note)
                #expect(store.rowLines == reference.rowLines, "\(note)")
            }
        }
    }

    /// The public path: the same store whatever `threads`, on a file of more than 8 MiB (the
    /// smallest shared between threads), rows with quoted line breaks included.
    @Test func largeFileLoadsTheSameOnOneTwoAndEightThreads() throws {
        var text = "id,g,skipped,age,y,d,n,c\n"
        var rng = SplitMix64(seed: 21)
        var r = 0
        while text.utf8.count < 9 << 20 {
            let quoted = r % 97 == 0 ? "\"line\nbreak, \"\"quoted\"\"\"" : "plain\(r % 7)"
            text += "id\(r),\(["F", "M", "X"][Int.random(in: 0..<3, using: &rng)]),\(quoted),\(Int.random(in: 0...90, using: &rng)),1,oui,\(r % 11 == 0 ? "" : String(r % 1000)),\(quoted)\n"
            r += 1
        }
        let path = try csvTempFile(text)
        let one = try DataLoader.load(path: path, dialect: CSVDialect(), requests: Self.requests, threads: 1)
        #expect(one.rowCount == r)
        for threads in [2, 8] {
            let many = try DataLoader.load(path: path, dialect: CSVDialect(), requests: Self.requests, threads: threads)
            Self.expectSame(many, one, "\(threads) threads")
        }
        // And it was read in segments.
        let reader = try CSVReader(path: path, dialect: CSVDialect())
        let template = try StoreBuilder(reader: reader, requests: Self.requests)
        #expect(try SegmentedLoad.run(reader: reader, template: template, plan: SegmentedLoad.Plan(threads: 2), progress: nil) != nil)
    }

    /// Bad files: the error on several threads is the one thread's, the first in file order,
    /// with the same line, column and message.
    @Test(arguments: [
        ("unexpected quote", "x\"y"),
        ("field count", "a,b"),
        ("bad number", "abc"),
        ("lone carriage return", "a\rb"),
    ])
    func firstErrorIsTheSameOnEveryThreadCount(name: String, bad: String) throws {
        for seed in 0..<4 {
            var (bytes, delimiter) = Self.randomFile(seed: 100 + seed, rows: 30)
            // A bad row before a row in the middle (and, if `seed` is odd, a second one near
            // the end: the first must be reported).
            let d = String(UnicodeScalar(delimiter))
            let badRow: String = switch name {
            case "unexpected quote": "idq\(d)F\(d)\(bad)\(d)3\(d)1\(d)oui\(d)1\(d)c"
            case "field count": "idf\(d)F\(d)s\(d)3\(d)1"
            case "bad number": "idn\(d)F\(d)s\(d)3\(d)1\(d)oui\(d)\(bad)\(d)c"
            default: "idr\(d)F\(d)\(bad)\(d)3\(d)1\(d)oui\(d)1\(d)c"
            }
            // The physical line of each row, and the byte offset where each line starts.
            var rowLines: [Int] = []
            try CSVReader(path: try csvTempFile(bytes), dialect: CSVDialect(delimiter: delimiter))
                .forEachRow(selecting: []) { rowLines.append($0.line) }
            var lineStarts = [0, 0]  // lineStarts[L]: where line L starts
            for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(i + 1) }
            let at = rowLines[rowLines.count / 2 + seed]
            var inserts = [at]
            if seed % 2 == 1 { inserts.append(rowLines[rowLines.count - 2]) }
            for line in inserts.reversed() { bytes.insert(contentsOf: Array((badRow + "\n").utf8), at: lineStarts[line]) }
            let path = try csvTempFile(bytes)
            let dialect = CSVDialect(delimiter: delimiter)
            let expected = Self.error {
                try DataLoader.load(reader: CSVReader(path: path, dialect: dialect), requests: Self.requests, plan: SegmentedLoad.Plan(threads: 1))
            }
            #expect(expected?.line == at, "\(name), seed \(seed): \(String(describing: expected))")
            for segmentBytes in [1, 2, 3, 5, 8, 13, 50, 200] {
                for threads in [2, 8] {
                    let found = Self.error {
                        try DataLoader.load(reader: CSVReader(path: path, dialect: dialect, chunkSize: 7), requests: Self.requests,
                                            plan: SegmentedLoad.Plan(threads: threads, minimumSegmentBytes: segmentBytes, segmentsPerThread: 1 << 20))
                    }
                    #expect(found == expected, "\(name), seed \(seed), segments of \(segmentBytes) bytes, \(threads) threads")
                }
            }
        }
    }

    /// A protected attribute with more groups than allowed: each segment has few, the file
    /// too many; the error names the first value beyond the limit, as one thread does.
    @Test func groupLimitIsCheckedOnTheWholeFile() throws {
        var text = "id,g,skipped,age,y,d,n,c\n"
        for r in 0..<40 { text += "i\(r),v\(r / 2),s,30,1,oui,1,c\n" }
        let path = try csvTempFile(text)
        let requests = [ColumnRequest("g", .group(.none, mapping: [:], limits: GroupLimits(maxGroups: 15)))]
        let expected = Self.error {
            try DataLoader.load(reader: CSVReader(path: path, dialect: CSVDialect()), requests: requests, plan: SegmentedLoad.Plan(threads: 1))
        }
        #expect(expected?.line == 32)  // v15, the 16th value, on row 30
        for threads in [2, 8] {
            let found = Self.error {
                try DataLoader.load(reader: CSVReader(path: path, dialect: CSVDialect()), requests: requests,
                                    plan: SegmentedLoad.Plan(threads: threads, minimumSegmentBytes: 40, segmentsPerThread: 1 << 20))
            }
            #expect(found == expected)
        }
    }

    /// Segment starts are line starts, ascending, from the first data row.
    @Test func segmentStartsAreLineStarts() throws {
        let text = "a,b\n1,\"x\ny\"\n\n3,4\r\n5,6"
        let path = try csvTempFile(text)
        let reader = try CSVReader(path: path, dialect: CSVDialect())
        let bytes = Array(text.utf8)
        let starts = try reader.segmentStarts(count: bytes.count, fileEnd: bytes.count)
        #expect(starts.first == 4)
        #expect(starts == starts.sorted())
        for s in starts where s < bytes.count { #expect(bytes[s - 1] == UInt8(ascii: "\n"), "\(s)") }
        #expect(Set(starts) == [4, 9, 12, 13, 18, bytes.count])
    }

    static func error(_ body: () throws -> ColumnStore) -> CSVError? {
        do {
            _ = try body()
            return nil
        } catch let error as CSVError {
            return error
        } catch {
            return nil
        }
    }
}
