import TestSupport
import Foundation
import Testing
@testable import AuditData

/// Narrow group codes (`GroupCodes`, `CodeChunks`): the codes read back at each width, every
/// way of reading them agreeing; columns read from a file whose groups cross 256 and 65,536
/// (the widths chosen, the codes those of a plain count in order of first appearance, the
/// missing code last), on 1, 2 and 3 threads in small segments (segments of other widths merged).
@Suite final class GroupCodesTests {
    let files = TempFiles()

    /// Codes of `groups` groups, pseudo-random, the largest code present.
    static func codes(rows: Int, groups: Int, seed: UInt64) -> [UInt32] {
        var rng = SplitMix64(seed: seed)
        var codes = (0..<rows).map { _ in UInt32(Int.random(in: 0..<groups, using: &rng)) }
        if rows > 0 { codes[rows / 2] = UInt32(groups - 1) }
        return codes
    }

    @Test(arguments: [(1, 1), (2, 1), (256, 1), (257, 2), (65_536, 2), (65_537, 4), (300_000, 4)])
    func codesReadBackAtEachWidth(groups: Int, width: Int) {
        for rows in [0, 1, 7, 1_000] {
            let expected = Self.codes(rows: rows, groups: groups, seed: UInt64(groups * 31 + rows))
            let codes = GroupCodes(expected, groupCount: groups)
            #expect(codes.width == width && codes.count == rows)
            #expect(Array(codes) == expected)
            #expect((0..<rows).map { codes[$0] } == expected)
            var seen: [UInt32] = []
            codes.forEach(in: 0..<rows) { r, code in
                #expect(r == seen.count)
                seen.append(code)
            }
            #expect(seen == expected)
            let raw = codes.withRawCodes { raw, shift, mask in
                (0..<rows).map { raw.loadUnaligned(fromByteOffset: $0 << shift, as: UInt32.self) & mask }
            }
            #expect(raw == expected)
            #expect(codes.widened == expected)
            var counts = [Int](repeating: 0, count: groups)
            for c in expected { counts[Int(c)] += 1 }
            #expect(codes.counts(groupCount: groups) == counts)
            // Equal to the same codes at another width; not to other codes.
            #expect(codes == GroupCodes(expected, groupCount: 300_000))
            if rows > 0 {
                var other = expected
                other[0] = other[0] == 0 ? 1 : 0
                #expect(codes != GroupCodes(other, groupCount: Swift.max(groups, 2)))
            }
        }
    }

    /// The largest code of each width and the missing code just past it.
    @Test func largestCodeOfEachWidth() {
        let bytes = GroupCodes([255, 0, 254, 255], groupCount: 256)
        #expect(bytes.width == 1 && Array(bytes) == [255, 0, 254, 255])
        let halves = GroupCodes([65_535, 256, 0], groupCount: 65_536)
        #expect(halves.width == 2 && Array(halves) == [65_535, 256, 0])
        let words = GroupCodes([65_536, 4_000_000_000, 0], groupCount: 4_000_000_001)
        #expect(words.width == 4 && Array(words) == [65_536, 4_000_000_000, 0])
        let literal: GroupCodes = [1, 0, 2]
        #expect(literal.width == 1 && literal == GroupCodes([1, 0, 2], groupCount: 70_000))
    }

    /// A category of `distinct` values (row `i` holds `v(i mod distinct)`, past the first
    /// `distinct` rows every 11th row missing) read on 1, 2, 3 threads in segments of a few hundred bytes: the codes
    /// of a count in order of first appearance, `unknown` last, at the width the groups need.
    @Test(arguments: [(254, 1), (255, 1), (256, 2), (65_535, 2), (65_536, 4), (70_000, 4)])
    func loadedColumnsCrossingWidths(distinct: Int, width: Int) throws {
        let rows = distinct + 3_000
        var text = "c,x\n"
        var expectedCodes: [UInt32] = []
        var order: [String: UInt32] = [:]
        var missingRows: [Int] = []
        for i in 0..<rows {
            if i >= distinct && i % 11 == 5 {
                text += ",\(i)\n"
                missingRows.append(i)
                expectedCodes.append(UInt32.max)
            } else {
                let value = "v\(i % distinct)"
                text += "\(value),\(i)\n"
                if order[value] == nil { order[value] = UInt32(order.count) }
                expectedCodes.append(order[value]!)
            }
        }
        let unknown = UInt32(order.count)
        expectedCodes = expectedCodes.map { $0 == UInt32.max ? unknown : $0 }
        let path = files.write("w\(distinct).csv", text)
        for (threads, segmentBytes) in [(1, 300), (2, 300), (2, 20_000), (3, 20_000)] {
            let plan = SegmentedLoad.Plan(threads: threads, minimumSegmentBytes: segmentBytes, segmentsPerThread: 1 << 20)
            let store = try DataLoader.load(reader: CSVReader(path: path, dialect: CSVDialect()), requests: [ColumnRequest("c", .category)], plan: plan)
            let c = try #require(store.categories["c"])
            #expect(order.count == distinct)
            #expect(c.groups.count == order.count + 1 && c.groups.last == GroupColumn.unknownLabel, "\(threads) threads, \(segmentBytes)-byte segments")
            #expect(c.unknownCode == unknown, "\(threads) threads, \(segmentBytes)-byte segments")
            #expect(c.codes.width == width, "\(threads) threads, \(segmentBytes)-byte segments")
            #expect(c.codes.widened == expectedCodes, "\(threads) threads, \(segmentBytes)-byte segments: codes differ")
            #expect(missingRows.allSatisfy { c.value($0) == nil } && c.value(0) == "v0", "\(threads) threads, \(segmentBytes)-byte segments")
        }
    }
}
