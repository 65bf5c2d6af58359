import AuditMetrics
import Testing

/// SplitMix64 (Steele, Lea & Flood 2014), private to this file: a deterministic generator.
private struct CoverageSplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on [0, 1) with 53 random bits.
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Binomial(n, p) by inversion: walk the CDF until it exceeds one uniform.
    mutating func binomial(n: Int, p: Double) -> Int {
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
        var generator = CoverageSplitMix64(state: seed)
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
