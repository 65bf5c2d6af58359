import TestSupport
import AuditMetrics
import Testing

extension SplitMix64 {
    /// Binomial(n, p) by inversion: walk the CDF until it exceeds one uniform.
    fileprivate mutating func binomial(n: Int, p: Double) -> Int {
        let u = uniform()
        var k = 0
        var probability = pow1(1 - p, n)
        var cumulative = probability
        let odds = p / (1 - p)
        while u >= cumulative && k < n {
            probability *= Double(n - k) / Double(k + 1) * odds
            k += 1
            cumulative += probability
        }
        return k
    }

    private func pow1(_ base: Double, _ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= base }
        return result
    }
}

/// Coverage of the Wilson interval at n = 50, p = 0.3.
@Suite struct InferenceCoverageTests {
    static func simulatedCoverage(seed: UInt64) -> (covered: Int, draws: Int) {
        var generator = SplitMix64(state: seed)
        let n = 50, p = 0.3, draws = 4_000
        var covered = 0
        for _ in 0..<draws {
            let x = generator.binomial(n: n, p: p)
            if ProportionInterval.wilson(successes: Double(x), trials: Double(n))!.contains(p) { covered += 1 }
        }
        return (covered, draws)
    }

    @Test func wilsonCoverageSimulationIsNominalAndDeterministic() {
        let first = Self.simulatedCoverage(seed: 20_240_601)
        let second = Self.simulatedCoverage(seed: 20_240_601)
        #expect(first.covered == second.covered)
        let coverage = Double(first.covered) / Double(first.draws)
        print("[inference-coverage] Wilson n=50 p=0.3: \(first.covered)/\(first.draws) = \(coverage)")
        #expect(coverage >= 0.93 && coverage <= 0.97)
    }

    @Test func wilsonExactCoverageIsNearNominal() {
        // Σ_k Binom(k; 50, 0.3)·1{0.3 ∈ Wilson(k)} — the exact coverage the simulation estimates.
        let n = 50, p = 0.3
        var probability = 1.0
        for _ in 0..<n { probability *= 1 - p }
        var coverage = 0.0
        for k in 0...n {
            if ProportionInterval.wilson(successes: Double(k), trials: Double(n))!.contains(p) { coverage += probability }
            probability *= Double(n - k) / Double(k + 1) * p / (1 - p)
        }
        print("[inference-coverage] Wilson n=50 p=0.3 exact coverage \(coverage)")
        #expect(coverage >= 0.93 && coverage <= 0.97)
    }
}
