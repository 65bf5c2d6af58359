import AuditData
@testable import AuditMetrics
import TestSupport
import Testing

/// The scan's points built half by half (``ScanEncoding``, issue 21): a part of the population
/// has exactly the rows the whole population's points have there (so the discovery half is the
/// copy the scan used to take of the whole), and the scan on halves finds what the scan on the
/// population's points finds.
@Suite("ScanEncoding")
struct ScanEncodingTests {
    /// A population that is not every row: two rows in three of 6,000, numbers with missing
    /// values and ties, two categories (``ScanParallelTests/features(n:seed:)``).
    static let features = ScanParallelTests.features(n: 6_000, seed: 4)
    static let rows = (0..<6_000).filter { $0 % 3 != 1 }

    @Test func partOfThePopulationHasThePopulationsRowsBitForBit() throws {
        let whole = try ScanFeatureMatrix(features: Self.features, rows: Self.rows).points
        let dense = try whole.dense()
        let encoding = ScanEncoding(features: Self.features, rows: Self.rows)
        var random = SplitMix64(state: 9)
        let positions = Self.rows.indices.filter { _ in random.uniform() < 0.45 }
        let part = encoding.points(at: positions)
        let partDense = try part.dense()
        #expect(part.count == positions.count && part.dimension == whole.dimension && whole.dimension > 4)
        for (i, position) in positions.enumerated() {
            #expect(part.norms[i].bitPattern == whole.norms[position].bitPattern)
            for j in 0..<dense.columns where partDense[i, j].bitPattern != dense[position, j].bitPattern {
                Issue.record("position \(position), column \(j): \(partDense[i, j]) against \(dense[position, j])")
            }
        }
        // Every position, in order: the whole population's points.
        let all = try encoding.points().dense()
        #expect(all.storage.map(\.bitPattern) == dense.storage.map(\.bitPattern))
    }

    @Test func scanOnHalvesEqualsScanOnThePopulationsPoints() throws {
        var random = SplitMix64(state: 5)
        let outcome = Self.rows.map { r -> Double in
            // Worse for one corner of the space: category c = 0 with a large first number.
            guard case .numeric(let a) = Self.features[0].values, case .categorical(let c, _, _) = Self.features[2].values else { return 1 }
            return random.uniform() < (c[r] == 0 && a[r] >= 3 ? 0.4 : 0.8) ? 1 : 0
        }
        let whole = try ScanFeatureMatrix(features: Self.features, rows: Self.rows)
        let encoding = ScanEncoding(features: Self.features, rows: Self.rows)
        for threads in [1, 2] {
            let options = BiasScan.Options(seed: 3, stream: 1, minimumCellSize: 10, threads: threads)
            let expected = try BiasScan.run(whole, outcome: outcome, binary: true, options: options)
            let halves = try BiasScan.run(count: Self.rows.count, outcome: { outcome[$0] }, binary: true, options: options) { encoding.points(at: $0) }
            #expect(halves == expected, "\(threads) threads")
            #expect(expected.splits > 0, "the tree has splits, so both halves are used")
        }
    }
}
