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

    /// What the scan found before its points were built half by half (the whole population's
    /// points, a copy of the discovery half at the root, 4-byte categories, the halves sorted
    /// from the shuffle): frozen from commit 0e91a44 by this same fingerprint — the tree, the
    /// candidates, each tested cluster's held-out difference and adjusted p-value to the bit,
    /// and a hash of every applicant's leaf. A population of 32,000 of 40,000 planted
    /// applicants (``ScanPlantedTests/applicants(n:seed:inside:)``), seed 5, stream 1.
    @Test func theScanFindsWhatItFoundBeforeBitForBit() throws {
        let data = ScanPlantedTests.applicants(n: 40_000, seed: 77, inside: 0.35)
        let rows = (0..<40_000).filter { $0 % 5 != 2 }
        let outcome = rows.map { data.kept[$0] }
        let frozen = "rows 32000 discovery 16000 splits 20 leaves 21 candidates 6 small 0 leafhash 11662598047465144273 clusters "
            + "[8:true:13823315186005476638:3438858691899339840,9:true:13822778193558878094:3604258203454217193,"
            + "17:true:13822923930470658631:4170585036408630656,18:true:13823472978543015989:4096642839331062954,"
            + "23:true:13822914826717452685:4167952870432400928,24:true:13822599671829293253:4253311689303365828]"
        let encoding = ScanEncoding(features: data.features, rows: rows)
        let whole = try ScanFeatureMatrix(features: data.features, rows: rows)
        for threads in [1, 2] {
            let options = BiasScan.Options(seed: 5, stream: 1, threads: threads)
            let halves = try BiasScan.run(count: rows.count, outcome: { outcome[$0] }, binary: true, options: options) { encoding.points(at: $0) }
            #expect(Self.fingerprint(halves) == frozen, "\(threads) threads")
            #expect(Self.fingerprint(try BiasScan.run(whole, outcome: outcome, binary: true, options: options)) == frozen)
        }
    }

    /// The scan's result in one line: its counts, every tested cluster (node, reported, held-out
    /// difference and adjusted p-value as bits) and an FNV-1a hash of the leaf of every applicant.
    static func fingerprint(_ r: ScanResult) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for leaf in r.leafOfRow { hash = (hash ^ UInt64(leaf)) &* 0x100_0000_01b3 }
        let clusters = r.clusters.map { "\($0.node):\($0.reported):\($0.heldOut.difference.bitPattern):\($0.pAdjusted.bitPattern)" }.joined(separator: ",")
        return "rows \(r.rows) discovery \(r.discoveryRows) splits \(r.splits) leaves \(r.leaves) candidates \(r.candidates) "
            + "small \(r.candidatesTooSmall) leafhash \(hash) clusters [\(clusters)]"
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
