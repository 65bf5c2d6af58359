import TestSupport
import Foundation
import Testing
@testable import AuditData

/// Number columns held dense or coded (`NumberColumn`, issue 21): the form chosen by size
/// (1-byte codes, 2-byte codes, dense; the 65,536-distinct limit; the row count where codes
/// stop paying), every value read back bit for bit in either form (NaN payloads, −0.0 apart
/// from +0.0), equality by bit pattern across forms, and columns loaded from a file on 1, 2
/// and 3 threads (same values as the text parsed, the same warnings in the same order).
@Suite final class NumberColumnTests {
    let files = TempFiles()

    /// The values read back, every way, bit for bit.
    static func expectSameBits(_ column: NumberColumn, _ expected: [Double], _ note: String = "") {
        let bits = expected.map(\.bitPattern)
        #expect(column.count == expected.count, "\(note)")
        #expect(column.values.map(\.bitPattern) == bits, "\(note)")
        #expect((0..<column.count).map { column[$0].bitPattern } == bits, "\(note)")
        #expect(column.map(\.bitPattern) == bits, "\(note)")
        var seen: [UInt64] = []
        column.forEach(in: 0..<column.count) { r, x in
            #expect(r == seen.count)
            seen.append(x.bitPattern)
        }
        #expect(seen == bits, "\(note)")
        if column.count >= 3 {
            var middle: [UInt64] = []
            column.forEach(in: 1..<(column.count - 1)) { _, x in middle.append(x.bitPattern) }
            #expect(middle == Array(bits[1..<(bits.count - 1)]), "\(note)")
        }
    }

    /// Whole months from 0 to 99: coded, 1 byte per row, the table in order of first appearance.
    @Test func fewDistinctValuesTakeOneByteCodes() {
        var rng = SplitMix64(seed: 21)
        let values = (0..<10_000).map { _ in Double(Int.random(in: 0..<100, using: &rng)) }
        let column = NumberColumn(values)
        #expect(column.isCoded && column.bytesPerRow == 1)
        var firstSeen: [Double] = []
        for x in values where !firstSeen.contains(x) { firstSeen.append(x) }
        #expect(column.distinctValues == firstSeen)
        #expect(column.storedBytes == 10_000 + 3 + 8 * firstSeen.count)
        Self.expectSameBits(column, values)
        // A 0/1 column: 2 distinct values.
        let flags = NumberColumn((0..<1_000).map { Double($0 % 3 == 0 ? 1 : 0) })
        #expect(flags.isCoded && flags.bytesPerRow == 1 && flags.distinctValues == [1, 0])
    }

    /// 300 distinct values (a rate to 3 decimals): coded, 2 bytes per row.
    @Test func threeHundredDistinctValuesTakeTwoByteCodes() {
        let values = (0..<3_000).map { Double(($0 * 7) % 300) / 1000 }
        let column = NumberColumn(values)
        #expect(column.isCoded && column.bytesPerRow == 2 && column.distinctValues?.count == 300)
        #expect(column.storedBytes == 2 * 3_000 + 3 + 8 * 300)
        Self.expectSameBits(column, values)
        // 256 distinct values still take 1 byte; 257, 2.
        #expect(NumberColumn((0..<2_560).map { Double($0 % 256) }).bytesPerRow == 1)
        #expect(NumberColumn((0..<2_570).map { Double($0 % 257) }).bytesPerRow == 2)
        // The 257th value first seen late: the rows written again at 2 bytes, codes kept.
        let late = (0..<10_000).map { Double($0 % 100) } + (0..<200).map { Double($0) + 0.5 } + (0..<50).map { Double($0) }
        let widened = NumberColumn(late)
        #expect(widened.isCoded && widened.bytesPerRow == 2 && widened.distinctValues == (0..<100).map(Double.init) + (0..<200).map { Double($0) + 0.5 })
        Self.expectSameBits(widened, late)
        // 300 rows: 256 distinct values coded at 1 byte (300 + 3 + 2,048 < 2,400 bytes), 257
        // dense, the 2-byte codes not being smaller (600 + 3 + 2,056 ≥ 2,400).
        let fits = (0..<300).map { Double($0 % 256) }, tooMany = (0..<300).map { Double($0 % 257) }
        #expect(NumberColumn(fits).isCoded && NumberColumn(fits).bytesPerRow == 1 && !NumberColumn(tooMany).isCoded)
        Self.expectSameBits(NumberColumn(fits), fits)
        Self.expectSameBits(NumberColumn(tooMany), tooMany)
    }

    /// Every value distinct: dense, 8 bytes per row, the array kept as given.
    @Test func allDistinctValuesStayDense() {
        let values = (0..<5_000).map { Double($0) * 0.37 + 1e-9 }
        let column = NumberColumn(values)
        #expect(!column.isCoded && column.bytesPerRow == 8 && column.distinctValues == nil)
        #expect(column.storedBytes == 8 * 5_000)
        Self.expectSameBits(column, values)
    }

    /// 65,536 distinct values are coded (2 bytes); 65,537 stay dense though codes would be
    /// smaller at 4 rows per value (the limit, `codedLimit`).
    @Test func limitOf65536DistinctValues() {
        #expect(NumberColumn.codedLimit == 65_536)
        let atLimit = (0..<(2 * 65_536)).map { Double($0 % 65_536) - 0.5 }
        let coded = NumberColumn(atLimit)
        #expect(coded.isCoded && coded.bytesPerRow == 2 && coded.distinctValues?.count == 65_536)
        Self.expectSameBits(coded, atLimit)
        let past = (0..<(4 * 65_537)).map { Double($0 % 65_537) - 0.5 }
        #expect(NumberColumn.codedBytes(count: past.count, distinct: 65_537) < 8 * past.count)
        let dense = NumberColumn(past)
        #expect(!dense.isCoded && dense.storedBytes == 8 * past.count)
        Self.expectSameBits(dense, past)
    }

    /// Coded only when strictly smaller: 16 rows hold 13 distinct values coded
    /// (16 + 3 + 8·13 = 123 < 128 bytes), 14 dense (131 ≥ 128); 1 row is always dense.
    @Test func codedOnlyWhenSmaller() {
        let thirteen = (0..<16).map { Double($0 % 13) }
        let fourteen = (0..<16).map { Double($0 % 14) }
        #expect(NumberColumn(thirteen).isCoded && NumberColumn(thirteen).storedBytes == 123)
        #expect(!NumberColumn(fourteen).isCoded && NumberColumn(fourteen).storedBytes == 128)
        #expect(!NumberColumn([4]).isCoded)
        #expect(NumberColumn([4, 4]).isCoded && NumberColumn([4, 4]).storedBytes == 2 + 3 + 8)
        Self.expectSameBits(NumberColumn(thirteen), thirteen)
        Self.expectSameBits(NumberColumn(fourteen), fourteen)
    }

    /// NaN payloads (quiet, signalling, negative) and both zeros are distinct values, read back
    /// as they were, coded or dense.
    @Test func nanPayloadsAndSignedZerosKeepTheirBits() {
        let specials: [Double] = [0.0, -0.0, .nan, Double(nan: 5, signaling: false), -Double.nan, Double(nan: 9, signaling: true),
                                  .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNonzeroMagnitude]
        #expect(Set(specials.map(\.bitPattern)).count == specials.count)
        let values = (0..<400).map { specials[($0 * 3) % specials.count] }
        let coded = NumberColumn(values)
        #expect(coded.isCoded && coded.distinctValues?.count == specials.count)
        Self.expectSameBits(coded, values)
        let dense = NumberColumn(specials)
        #expect(!dense.isCoded)
        Self.expectSameBits(dense, specials)
        // −0.0 first seen stays −0.0 (not folded into the +0.0 seen later).
        let zeros = NumberColumn([-0.0, 0.0, -0.0, 0.0, -0.0, 0.0])
        #expect(zeros.isCoded && zeros.distinctValues?.map(\.bitPattern) == [(-0.0).bitPattern, 0.0.bitPattern])
        #expect(zeros[0].sign == .minus && zeros[1].sign == .plus)
    }

    /// Bit patterns differing only in their lowest bits (subnormals), only in their exponent
    /// (powers of two), or by one bit anywhere, the sign's included: each its own code (the
    /// table's hash spreads them all; it grows from 256 slots to 2¹⁷ on the way).
    @Test func bitPatternsDifferingAnywhereGetTheirOwnCodes() {
        let low = (0..<300).map { Double(bitPattern: UInt64($0)) }
        let high = (0..<2_048).map { Double(bitPattern: UInt64($0) << 52) }
        let oneBit = (0..<64).map { Double(bitPattern: 1 << UInt64($0)) }
        for distinct in [low, high, oneBit, low + high + oneBit] {
            let values = (0..<(8 * distinct.count)).map { distinct[($0 * 7) % distinct.count] }
            let column = NumberColumn(values)
            #expect(column.isCoded && column.distinctValues?.count == Set(distinct.map(\.bitPattern)).count)
            Self.expectSameBits(column, values)
        }
        let many = (0..<60_000).map { Double(bitPattern: 0x4000_0000_0000_0000 | UInt64($0) << 20) }
        let values = (0..<240_000).map { many[($0 * 7) % many.count] }
        let column = NumberColumn(values)
        #expect(column.isCoded && column.bytesPerRow == 2 && column.distinctValues?.count == 60_000)
        Self.expectSameBits(column, values)
    }

    /// Equal by bit pattern, whatever the forms: NaN equals the same NaN, −0.0 is not +0.0.
    @Test func equalityByBitsAcrossForms() {
        let values: [Double] = (0..<64).map { [1.5, .nan, -0.0, 2][$0 % 4] }
        let coded = NumberColumn(values), dense = NumberColumn(dense: values)
        #expect(coded.isCoded && !dense.isCoded)
        #expect(coded == dense && dense == coded && coded == coded && dense == dense)
        #expect(coded == NumberColumn(values))
        var zero = values
        zero[2] = 0.0
        #expect(coded != NumberColumn(zero) && dense != NumberColumn(dense: zero) && coded != NumberColumn(dense: zero))
        var payload = values
        payload[1] = Double(nan: 3, signaling: false)
        #expect(coded != NumberColumn(payload) && dense != NumberColumn(dense: payload))
        #expect(coded != NumberColumn(Array(values.dropLast())))
        // Two coded columns of other tables (first appearances in another order).
        #expect(NumberColumn([1, 2, 1, 2, 1, 2, 1, 2]) != NumberColumn([2, 1, 2, 1, 2, 1, 2, 1]))
        // A literal and a column of the same values.
        let literal: NumberColumn = [3, 1, 3, 3, 1, 3]
        #expect(literal == NumberColumn(dense: [3, 1, 3, 3, 1, 3]) && literal.description == "[3.0, 1.0, 3.0, 3.0, 1.0, 3.0]")
    }

    /// An empty column: dense, no bytes, equal to the empty literal.
    @Test func emptyColumn() {
        let empty = NumberColumn([])
        #expect(empty.count == 0 && empty.isEmpty && !empty.isCoded && empty.storedBytes == 0 && empty.values.isEmpty)
        #expect(empty == [] && empty == NumberColumn(dense: []))
        var calls = 0
        empty.forEach(in: 0..<0) { _, _ in calls += 1 }
        #expect(calls == 0)
    }

    /// A dense column gives its own array (no copy); a coded one a new array of the same values.
    @Test func valuesOfADenseColumnAreItsArray() {
        let values = (0..<100).map { Double($0) / 7 }
        let column = NumberColumn(values)
        let same = column.values.withUnsafeBufferPointer { a in values.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
        #expect(!column.isCoded && same)
    }

    /// Columns read from a file, on 1, 2 and 3 threads in small segments: a column of whole
    /// months with missing values (coded, 1 byte), a rate to 3 decimals (coded, 2 bytes), a
    /// flag, a column of distinct values (dense), each value the text parsed, a missing one the
    /// loader's NaN; the warnings of every column's missing values, then every column's
    /// negative values, in column order (as before the columns were coded); the store
    /// equal to itself (bit-for-bit equality of the number columns).
    @Test(arguments: [1, 2, 3])
    func loadedColumnsHoldTheValuesOfTheFile(threads: Int) throws {
        var text = "months,rate,flag,volume\n"
        var months: [Double] = [], rates: [Double] = [], flags: [Double] = [], volumes: [Double] = []
        var rng = SplitMix64(seed: UInt64(threads))
        for i in 0..<3_000 {
            let m = Int.random(in: 0..<100, using: &rng)
            let monthText = i % 17 == 3 ? "" : i % 101 == 7 ? "-0" : "\(m)"
            months.append(monthText.isEmpty ? .nan : monthText == "-0" ? -0.0 : Double(m))
            let rateText = String(format: "%.3f", Double(i % 400) / 1000 + (i % 3 == 0 ? -0.2 : 0))
            rates.append(Double(rateText)!)
            flags.append(Double(i % 5 == 0 ? 1 : 0))
            let volume = Double(i) * 1.25 + 0.001
            volumes.append(i % 29 == 11 ? .nan : volume)
            text += "\(monthText),\(rateText),\(i % 5 == 0 ? 1 : 0),\(i % 29 == 11 ? "" : "\(volume)")\n"
        }
        let path = files.write("numbers.csv", text)
        func rule(_ effect: DataWarning.Effect) -> ColumnRequest.Kind {
            .number(NumberRule(missing: .kept(warning: effect), notANumber: { "not a number: \($0)" }, negativeWarning: .inequalityIndices))
        }
        let requests = [ColumnRequest("months", rule(.shortfall)), ColumnRequest("rate", rule(.perCapita)),
                        ColumnRequest("flag", rule(.concentration)), ColumnRequest("volume", rule(.allocationAudit))]
        for segmentBytes in [64, 1_000, 1 << 20] {
            let plan = SegmentedLoad.Plan(threads: threads, minimumSegmentBytes: segmentBytes, segmentsPerThread: 1 << 20)
            let store = try DataLoader.load(reader: CSVReader(path: path, dialect: CSVDialect(), chunkSize: 997), requests: requests, plan: plan)
            let note = "\(threads) threads, segments of \(segmentBytes) bytes"
            let m = try #require(store.numbers["months"]), r = try #require(store.numbers["rate"])
            let f = try #require(store.numbers["flag"]), v = try #require(store.numbers["volume"])
            #expect(m.isCoded && m.bytesPerRow == 1 && r.isCoded && r.bytesPerRow == 2 && f.isCoded && f.bytesPerRow == 1 && !v.isCoded, "\(note)")
            Self.expectSameBits(m, months, note)
            Self.expectSameBits(r, rates, note)
            Self.expectSameBits(f, flags, note)
            Self.expectSameBits(v, volumes, note)
            #expect(m.distinctValues?.contains { $0 == 0 && $0.sign == .minus } == true, "\(note)")
            let missing = months.firstIndex { $0.isNaN }!, negativeMonth = months.firstIndex { $0 < 0 }
            #expect(negativeMonth == nil, "−0 is not below 0")
            let negativeRate = rates.firstIndex { $0 < 0 }!
            let missingMonths = months.filter(\.isNaN).count, missingVolumes = volumes.filter(\.isNaN).count
            let negativeRates = rates.filter { $0 < 0 }.count
            let expected: [DataWarning] = [
                .valuesLeftOut(column: "months", count: missingMonths, negative: false, line: missing + 2, effect: .shortfall),
                .valuesLeftOut(column: "volume", count: missingVolumes, negative: false, line: 11 + 2, effect: .allocationAudit),
                .valuesLeftOut(column: "rate", count: negativeRates, negative: true, line: negativeRate + 2, effect: .inequalityIndices),
            ]
            #expect(store.warnings == expected, "\(note)")
            #expect(store == store, "\(note)")
        }
    }
}
