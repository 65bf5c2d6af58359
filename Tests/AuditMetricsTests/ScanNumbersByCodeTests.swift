@testable import AuditMetrics
import AuditData
import TestSupport
import Testing

/// A scanned number column kept as its codes and a number per code (`.numericByCode`, how
/// `vigie scan` and the audit's scan read a data file's column, issue 21: no column of numbers
/// per row) scans as the same numbers written out per row (`.numeric`): the same standardised
/// matrix bit for bit, the same cluster descriptions (ranges from the members' 5th and 95th
/// percentiles, missing values left out).
@Suite("ScanNumbersByCode")
struct ScanNumbersByCodeTests {
    @Test func numbersByCodeScanAsNumbersPerRow() throws {
        var random = SplitMix64(state: 21)
        let n = 3_000
        // 50 codes, one of them missing (NaN), values with fractions.
        let byCode = (0..<50).map { $0 == 7 ? Double.nan : Double(($0 * 37) % 101) / 3 }
        let codes = (0..<n).map { _ in UInt32(random.next() % 50) }
        let perRow = codes.map { byCode[Int($0)] }
        let category = ScanFeature(name: "c", values: .categorical(codes: GroupCodes((0..<n).map { _ in UInt32(random.next() % 4) }, groupCount: 4), labels: ["a", "b", "c", "d"], missing: nil))
        let dense = [ScanFeature(name: "x", values: .numeric(perRow)), category]
        let coded = [ScanFeature(name: "x", values: .numericByCode(codes: GroupCodes(codes, groupCount: byCode.count), values: byCode)), category]
        #expect(coded[0].count == n)
        let rows = (0..<n).filter { $0 % 3 != 0 }
        let a = try ScanFeatureMatrix(features: dense, rows: rows), b = try ScanFeatureMatrix(features: coded, rows: rows)
        #expect(try a.matrix.storage.map(\.bitPattern) == b.matrix.storage.map(\.bitPattern))
        // Members: rows whose number is high (a range the description should find), and a few others.
        let isMember = rows.map { r in (!perRow[r].isNaN && perRow[r] > 20) || r % 17 == 0 }
        let described = ClusterDescription.describe(features: dense, rows: rows, isMember: isMember)
        #expect(!described.conditions.isEmpty)
        #expect(ClusterDescription.describe(features: coded, rows: rows, isMember: isMember) == described)
    }
}
