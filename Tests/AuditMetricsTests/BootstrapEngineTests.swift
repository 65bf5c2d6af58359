@testable import AuditMetrics
import Foundation
import Testing

/// The stratified count bootstrap: determinism, distribution, jackknife acceleration.
@Suite struct BootstrapEngineTests {
    static func selectionRate(_ t: [SIMD4<Int>], _ g: Int) -> Double? {
        let n = t[g].wrappedSum()
        return n == 0 ? nil : Double(t[g][1] + t[g][3]) / Double(n)
    }

    static func tpr(_ t: [SIMD4<Int>], _ g: Int) -> Double? {
        let d = t[g][2] + t[g][3]
        return d == 0 ? nil : Double(t[g][3]) / Double(d)
    }

    static let groups: [SIMD4<Int>] = [SIMD4(200, 100, 150, 50), SIMD4(200, 250, 200, 150), SIMD4(5, 3, 1, 1), SIMD4(1000, 0, 0, 7)]

    static let statistics: [@Sendable ([SIMD4<Int>]) -> Double?] = [
        { selectionRate($0, 0) }, { selectionRate($0, 1) }, { tpr($0, 2) },
        { t in selectionRate(t, 1).flatMap { a in selectionRate(t, 0).map { a - $0 } } },
        { t in tpr(t, 2).flatMap { a in tpr(t, 0).flatMap { $0 == 0 ? nil : a / $0 } } },
        { tpr($0, 3) },
    ]

    @Test func identicalForAnyThreadCountAndRun() {
        let reference = StratifiedCountBootstrap(replicates: 1001, seed: 12345, stream: 2, threads: 1)
            .run(groups: Self.groups, statistics: Self.statistics)
        #expect(reference.count == Self.statistics.count && reference.allSatisfy { $0.count == 1001 })
        for threads in [1, 2, 7, 0, 5000] {
            let values = StratifiedCountBootstrap(replicates: 1001, seed: 12345, stream: 2, threads: threads)
                .run(groups: Self.groups, statistics: Self.statistics)
            #expect(values == reference, "threads \(threads)")
        }
        let otherSeed = StratifiedCountBootstrap(replicates: 1001, seed: 12346, stream: 2, threads: 2).run(groups: Self.groups, statistics: Self.statistics)
        let otherStream = StratifiedCountBootstrap(replicates: 1001, seed: 12345, stream: 3, threads: 2).run(groups: Self.groups, statistics: Self.statistics)
        #expect(otherSeed[0] != reference[0] && otherStream[0] != reference[0])
        // Replicate r does not depend on B: a prefix of a longer run.
        let longer = StratifiedCountBootstrap(replicates: 1500, seed: 12345, stream: 2, threads: 7).run(groups: Self.groups, statistics: Self.statistics)
        #expect(longer.map { Array($0.prefix(1001)) } == reference)
    }

    @Test func groupSizesAreFixedAndEmptyCellsStayEmpty() {
        let boot = StratifiedCountBootstrap(replicates: 200, seed: 1, stream: 0, threads: 1)
        for r in 0..<200 {
            let t = boot.resample(groups: Self.groups, replicate: r)
            for g in Self.groups.indices {
                #expect(t[g].wrappedSum() == Self.groups[g].wrappedSum())
                for c in 0..<4 where Self.groups[g][c] == 0 { #expect(t[g][c] == 0) }
            }
        }
    }

    @Test func undefinedReplicatesAreNil() {
        let values = StratifiedCountBootstrap(replicates: 2000, seed: 8, stream: 0, threads: 2).run(groups: Self.groups, statistics: Self.statistics)
        // Group 2 has 2 label-positive rows in 10: none in a resample with probability
        // 0.8^10 ≈ 0.107 (3 binomial standard errors at B = 2000: 0.021).
        let undefined = values[2].filter { $0 == nil }.count
        #expect(abs(Double(undefined) / 2000 - pow(0.8, 10)) < 0.021)
        #expect(values[0].allSatisfy { $0 != nil })
        #expect(values[5].allSatisfy { $0 == nil || $0 == 1 })  // group 3: TP only among label positives
        #expect(BootstrapIntervals.percentile(values[2], level: 0.95) == nil)
        #expect(StratifiedCountBootstrap(replicates: 0, seed: 8, stream: 0, threads: 2).run(groups: Self.groups, statistics: Self.statistics) == Array(repeating: [], count: 6))
    }

    /// The bootstrap standard deviation of a difference of selection rates between two groups is
    /// close to the analytic sqrt(p1q1/n1 + p2q2/n2) (within 5 % at B = 4000; the Monte-Carlo
    /// standard error of a standard deviation is about 1/√(2B) ≈ 1.1 %).
    @Test(arguments: [(UInt64(1), 1), (UInt64(2), 4), (UInt64(3), 7)])
    func selectionRateDifferenceStandardDeviation(seed: UInt64, threads: Int) {
        let groups: [SIMD4<Int>] = [SIMD4(200, 100, 150, 50), SIMD4(200, 250, 200, 150)]  // p = 0.3 (n 500), 0.5 (n 800)
        let values = StratifiedCountBootstrap(replicates: 4000, seed: seed, stream: 0, threads: threads)
            .run(groups: groups, statistics: [{ t in Double(t[1][1] + t[1][3]) / 800 - Double(t[0][1] + t[0][3]) / 500 }])[0].map { $0! }
        let mean = values.reduce(0, +) / Double(values.count)
        let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
        let analytic = (0.3 * 0.7 / 500 + 0.5 * 0.5 / 800).squareRoot()
        print("selection-rate difference: bootstrap sd \(sd), analytic \(analytic), ratio \(sd / analytic); mean \(mean)")
        #expect(abs(sd / analytic - 1) < 0.05)
        #expect(abs(mean - 0.2) < 4 * analytic / Double(values.count).squareRoot())
    }

    /// A row-level bootstrap (drawing n_g row indices per group) and the count bootstrap have the
    /// same distribution: compare the first two moments of a TPR over 4000 replicates each.
    @Test func countResamplingMatchesRowResampling() {
        let cells = SIMD4(30, 10, 12, 28)
        let rows = (0..<4).flatMap { c in Array(repeating: c, count: cells[c]) }
        var rowValues: [Double] = []
        var g = BootstrapRandom(seed: 77, stream: 9, replicate: 0)
        while rowValues.count < 4000 {
            var t = SIMD4<Int>.zero
            for _ in rows.indices { t[rows[Int(g.next() % UInt64(rows.count))]] += 1 }
            if let v = Self.tpr([t], 0) { rowValues.append(v) }
        }
        let countValues = StratifiedCountBootstrap(replicates: 4000, seed: 77, stream: 10, threads: 2)
            .run(groups: [cells], statistics: [{ Self.tpr($0, 0) }])[0].compactMap { $0 }
        func moments(_ x: [Double]) -> (Double, Double) {
            let m = x.reduce(0, +) / Double(x.count)
            return (m, (x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)).squareRoot())
        }
        let (m1, s1) = moments(rowValues), (m2, s2) = moments(countValues)
        #expect(abs(m1 - m2) < 4 * s1 * (2.0 / 4000).squareRoot())
        #expect(abs(s1 / s2 - 1) < 0.08)
    }

    // MARK: Acceleration

    @Test func accelerationMatchesReference() throws {
        let reference = try BootstrapIntervalTests.reference()
        for case let item as [String: Any] in reference["scipy"] as! [Any] {
            let name = item["name"] as! String
            let groups = (item["groups"] as! [[Int]]).map { SIMD4($0[0], $0[1], $0[2], $0[3]) }
            let statistic: ([SIMD4<Int>]) -> Double? = switch name {
            case "selection rate": { Self.selectionRate($0, 0) }
            case "tpr": { Self.tpr($0, 0) }
            case "selection rate difference (g1 - g0)": { t in Self.selectionRate(t, 1).flatMap { a in Self.selectionRate(t, 0).map { a - $0 } } }
            case "tpr ratio (g1 / g0)": { t in Self.tpr(t, 1).flatMap { a in Self.tpr(t, 0).map { a / $0 } } }
            default: { _ in nil }
            }
            let a = try #require(StratifiedCountBootstrap.acceleration(groups: groups, statistic: statistic), "\(name)")
            let pooled = Double(item["pooled_acceleration"] as! String)!
            let scipy = Double(item["scipy_acceleration"] as! String)!
            print("acceleration \(name): Vigie \(a), numpy pooled \(pooled), scipy per-sample \(scipy)")
            #expect(abs(a - pooled) <= 1e-12 * abs(pooled), "\(name)")
            if groups.count == 1 { #expect(abs(a - scipy) <= 1e-12 * abs(scipy), "\(name)") }
        }
    }

    @Test func accelerationUndefined() {
        // Constant statistic: zero jackknife variance.
        #expect(StratifiedCountBootstrap.acceleration(groups: [SIMD4(3, 4, 5, 6)], statistic: { _ in 1 }) == nil)
        // Undefined on the data.
        #expect(StratifiedCountBootstrap.acceleration(groups: [SIMD4(3, 4, 0, 0)], statistic: { Self.tpr($0, 0) }) == nil)
        // Undefined after removing the only label-positive row.
        #expect(StratifiedCountBootstrap.acceleration(groups: [SIMD4(3, 4, 0, 1)], statistic: { Self.tpr($0, 0) }) == nil)
        // A linear statistic of a symmetric table has a = 0.
        let a = StratifiedCountBootstrap.acceleration(groups: [SIMD4(50, 50, 50, 50)], statistic: { Self.selectionRate($0, 0) })
        #expect(a == 0)
        // Large n: differences of order 1/n are formed without cancellation.
        let big = StratifiedCountBootstrap.acceleration(groups: [SIMD4(9_000_000, 1_000_000, 0, 0)], statistic: { Self.selectionRate($0, 0) })!
        // For a proportion p with n rows, a = (1 − 2p) / (6 √(n p q)) exactly (the leave-one-out values are p ± O(1/n), two cells).
        let exact = (1 - 0.2) / (6 * (1e7 * 0.1 * 0.9).squareRoot())
        #expect(abs(big / exact - 1) < 1e-9)
    }
}
