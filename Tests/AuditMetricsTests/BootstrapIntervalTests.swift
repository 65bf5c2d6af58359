@testable import AuditMetrics
import TestSupport
import Foundation
import Testing

/// Percentile and BCa intervals against scipy 1.17.1 on the same replicate values
/// (`Fixtures/reference/bootstrap/make_bootstrap_reference.py`).
@Suite struct BootstrapIntervalTests {
    static func reference() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.fixture("reference/bootstrap/bootstrap_reference.json")))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    static func number(_ any: Any?) -> Double? { (any as? String).flatMap(Double.init) }

    static func pair(_ any: Any?) -> (Double, Double)? {
        guard let a = any as? [String] else { return nil }
        return (Double(a[0])!, Double(a[1])!)
    }

    static func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 1e-12 * max(1, abs(y)) }

    @Test(arguments: ["formula", "scipy"])
    func intervalsMatchScipy(kind: String) throws {
        let cases = try Self.reference()[kind] as! [[String: Any]]
        #expect(cases.count >= 4)
        var bitIdentical = 0, endpoints = 0
        for item in cases {
            let name = item["name"] as! String
            let values = (item["values"] as! [Any]).map { Self.number($0) }
            let level = Self.number(item["level"])!
            let estimate = Self.number(item["estimate"])!
            let a = Self.number(item["acceleration"] ?? item["scipy_acceleration"])!
            let percentile = BootstrapIntervals.percentile(values, level: level)
            let bca = BootstrapIntervals.bca(values, estimate: estimate, acceleration: a, level: level)
            for (method, mine, expected) in [("percentile", percentile, Self.pair(item["percentile"])), ("bca", bca, Self.pair(item["bca"]))] {
                guard let expected else {
                    #expect(mine == nil, "\(name) \(method): expected undefined")
                    continue
                }
                let interval = try #require(mine, "\(name) \(method): expected \(expected)")
                #expect(Self.close(interval.low, expected.0) && Self.close(interval.high, expected.1),
                        "\(name) \(method): \(interval.low), \(interval.high) vs \(expected)")
                #expect(interval.level == level && interval.method.rawValue == method)
                #expect(interval.replicatesUsed == values.compactMap { $0 }.count)
                bitIdentical += (interval.low == expected.0 ? 1 : 0) + (interval.high == expected.1 ? 1 : 0)
                endpoints += 2
            }
        }
        print("\(kind): \(bitIdentical) of \(endpoints) interval endpoints bit-identical to scipy, all within 1e-12")
    }

    @Test func minimumDefinedRule() {
        #expect(BootstrapIntervals.minimumDefined(replicates: 0) == 10)
        #expect(BootstrapIntervals.minimumDefined(replicates: 11) == 10)
        #expect(BootstrapIntervals.minimumDefined(replicates: 12) == 11)
        #expect(BootstrapIntervals.minimumDefined(replicates: 1000) == 900)
        #expect(BootstrapIntervals.minimumDefined(replicates: 1001) == 901)
        #expect(BootstrapIntervals.percentile([], level: 0.95) == nil)
    }

    @Test func typeSevenQuantile() {
        let y = [1.0, 2, 4, 8]
        #expect(BootstrapIntervals.quantile(sorted: y, probability: 0) == 1)
        #expect(BootstrapIntervals.quantile(sorted: y, probability: 1) == 8)
        #expect(BootstrapIntervals.quantile(sorted: y, probability: 0.5) == 3)  // numpy: 3.0
        #expect(BootstrapIntervals.quantile(sorted: y, probability: 0.9) == 6.800000000000001)  // (n−1)p = 2.7; scipy and numpy give the same bits
        #expect(BootstrapIntervals.quantile(sorted: [5], probability: 0.3) == 5)
    }

    @Test func degenerateBCa() {
        let constant = [Double?](repeating: 0.5, count: 100)
        #expect(BootstrapIntervals.bca(constant, estimate: 0.5, acceleration: 0, level: 0.95) == nil)
        #expect(BootstrapIntervals.percentile(constant, level: 0.95) == BootstrapInterval(low: 0.5, high: 0.5, level: 0.95, method: .percentile, replicatesUsed: 100))
        let values: [Double?] = (0..<100).map { Double($0) }
        #expect(BootstrapIntervals.bca(values, estimate: -1, acceleration: 0, level: 0.95) == nil)  // z0 = −∞
        #expect(BootstrapIntervals.bca(values, estimate: 100, acceleration: 0, level: 0.95) == nil)  // z0 = +∞
        #expect(BootstrapIntervals.bca(values, estimate: .nan, acceleration: 0, level: 0.95) == nil)
        #expect(BootstrapIntervals.bca(values, estimate: 50, acceleration: .infinity, level: 0.95) == nil)
        // Symmetric and unaccelerated: BCa is the percentile interval (z0 = 0 when θ̂ is the median).
        let bca = BootstrapIntervals.bca(values, estimate: 49.5, acceleration: 0, level: 0.9)!
        let percentile = BootstrapIntervals.percentile(values, level: 0.9)!
        #expect(abs(bca.low - percentile.low) < 1e-9 && abs(bca.high - percentile.high) < 1e-9)
    }

    /// The private normal helpers (to be replaced by `Inference/Normal` later).
    @Test func normalHelpers() {
        // Reference values: scipy.special.ndtri / ndtr.
        let quantiles: [(Double, Double)] = [
            (0.025, -1.9599639845400545), (0.5, 0), (0.975, 1.959963984540054), (1e-10, -6.361340902404056),
            (0.3, -0.5244005127080409), (0.9999, 3.719016485455709), (1e-300, -37.0470962993612),
        ]
        for (p, z) in quantiles {
            #expect(abs(BootstrapNormal.quantile(p) - z) <= 4e-16 * max(1, abs(z)), "ndtri(\(p))")
        }
        let cdfs: [(Double, Double)] = [(-1.959963984540054, 0.025), (0, 0.5), (1, 0.8413447460685429), (-10, 7.61985302416047e-24), (5, 0.9999997133484281)]
        for (x, p) in cdfs {
            #expect(abs(BootstrapNormal.cdf(x) - p) <= 1e-14 * p, "ndtr(\(x))")  // tail: glibc's erfc vs cephes'
        }
        #expect(BootstrapNormal.quantile(0) == -.infinity && BootstrapNormal.quantile(1) == .infinity)
        #expect(BootstrapNormal.quantile(1.5).isNaN && BootstrapNormal.cdf(.nan).isNaN)
        #expect(BootstrapNormal.cdf(.infinity) == 1 && BootstrapNormal.cdf(-.infinity) == 0)
    }
}
