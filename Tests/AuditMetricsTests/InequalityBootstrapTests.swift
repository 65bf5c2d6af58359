@testable import AuditMetrics
import Foundation
import Testing

/// The Poisson bootstrap of inequality indices: sampler, kernel consistency, determinism across
/// threads, coverage sanity, BCa jackknife.
@Suite struct InequalityBootstrapTests {
    static let indices: [InequalityIndex] = [
        .gini, .theilT, .theilL, .generalizedEntropy(2), .generalizedEntropy(-1), .generalizedEntropy(0.5),
        .atkinson(0.5), .atkinson(1), .atkinson(2), .coefficientOfVariation, .palma,
        .quantileShare(lower: 0, upper: 0.4), .quantileShare(lower: 0.25, upper: 0.5),
    ]

    static func lognormalSample(_ n: Int, seed: UInt64, sigma: Double = 0.8) -> [Double] {
        var g = BootstrapRandom(seed: seed, stream: 0, replicate: 0)
        return (0..<n).map { _ in 54 * InequalityPropertyTests.lognormal(&g, sigma: sigma) }
    }

    @Test func poissonSamplerHasPoissonOneMoments() {
        var g = BootstrapRandom(seed: 3, stream: 1, replicate: 0)
        let n = 2_000_000
        var counts = [Int](repeating: 0, count: 21)
        for _ in 0..<n { counts[PoissonOneSampler.sample(using: &g)] += 1 }
        for k in 0..<6 {
            var p = exp(-1.0)
            for j in 0..<k where j >= 0 { p /= Double(j + 1) }
            let expected = Double(n) * p
            #expect(abs(Double(counts[k]) - expected) < 5 * expected.squareRoot(), "k = \(k): \(counts[k]) vs \(expected)")
        }
        // Guide table = plain inversion on the cells' edges.
        for c in 0..<4096 {
            for u in [UInt64(c) << 52, UInt64(c) << 52 | (1 << 52 - 1)] {
                let plain = PoissonOneSampler.thresholds.firstIndex { u < $0 } ?? 20
                #expect(Int(PoissonOneSampler.draw(u, guide: PoissonOneSampler.guide, thresholds: PoissonOneSampler.thresholdPointer)) == plain)
            }
        }
    }

    @Test func kernelWithUnitMultipliersEqualsTheIndex() {
        for (values, weights) in [(Self.lognormalSample(150_000, seed: 4), nil), ([3, 1, 4, 1, 5, 9, 2, 6], [1, 2, 0.5, 1, 3, 1, 1, 2])] as [([Double], [Double]?)] {
            let sample = AllocationSample(values: values, weights: weights)
            // More than 8 features: two SIMD8 lane groups.
            let indices = Self.indices + [.generalizedEntropy(3), .generalizedEntropy(1.5), .atkinson(0.25), .atkinson(3)]
            let kernel = InequalityKernel(indices: indices, sample: sample)
            #expect(kernel.groups == 2)
            var unit = [UnitMultipliers()]
            let got = kernel.evaluate(&unit)[0]
            for (k, index) in indices.enumerated() {
                let want = Inequality.value(index, of: sample).value!
                #expect(abs(got[k]! - want) <= 1e-11 * max(1, want), "\(index.name): kernel \(got[k]!) vs \(want)")
            }
        }
    }

    @Test func identicalForAnyThreadCount() {
        // 150 000 rows: three random-number blocks.
        let sample = AllocationSample(values: Self.lognormalSample(150_000, seed: 5))
        let reference = InequalityBootstrap(replicates: 40, seed: 99, stream: 3, threads: 1).replicateValues(Self.indices, sample: sample)
        #expect(reference.count == Self.indices.count && reference.values.allSatisfy { $0.count == 40 && $0.allSatisfy { $0 != nil } })
        for threads in [2, 7] {
            #expect(InequalityBootstrap(replicates: 40, seed: 99, stream: 3, threads: threads).replicateValues(Self.indices, sample: sample) == reference, "threads \(threads)")
        }
        // Replicate r does not depend on B; another seed or stream gives other values.
        let longer = InequalityBootstrap(replicates: 45, seed: 99, stream: 3, threads: 2).replicateValues(Self.indices, sample: sample)
        #expect(longer.mapValues { Array($0.prefix(40)) } == reference)
        #expect(InequalityBootstrap(replicates: 40, seed: 99, stream: 4, threads: 2).replicateValues([.gini], sample: sample)[.gini] != reference[.gini])
        let small = AllocationSample(values: [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], weights: [1, 2, 1, 1, 0.5, 1, 1, 3, 1, 1, 1])
        let intervals = (1...3).map { InequalityBootstrap(replicates: 500, seed: 1, stream: 0, threads: [1, 2, 7][$0 - 1]).intervals(Self.indices, sample: small, level: 0.9, method: .bca) }
        #expect(intervals[0] == intervals[1] && intervals[1] == intervals[2] && !intervals[0].isEmpty)
    }

    @Test func percentileIntervalCoversThePopulationGini() {
        let sigma = 0.8
        let population = AllocationSample(values: Self.lognormalSample(1_000_000, seed: 6, sigma: sigma))
        let truth = Inequality.value(.gini, of: population).value!
        // Lognormal: G = 2Φ(σ/√2) − 1 = erf(σ/2).
        #expect(abs(truth - erf(sigma / 2)) < 2e-3)
        let sample = AllocationSample(values: Self.lognormalSample(20_000, seed: 7, sigma: sigma))
        let bootstrap = InequalityBootstrap(replicates: 1000, seed: 2024, stream: 0, threads: 2)
        let interval = bootstrap.intervals([.gini, .theilT], sample: sample, level: 0.95, method: .percentile)[.gini]!
        #expect(interval.low < truth && truth < interval.high, "[\(interval.low), \(interval.high)] ∌ \(truth)")
        #expect(interval.replicatesUsed == 1000)
        // Width ≈ 2·1.96·SE; the SE of the Gini here is about 0.003.
        #expect(interval.high - interval.low > 0.005 && interval.high - interval.low < 0.02)
        let bca = bootstrap.intervals([.gini], sample: sample, level: 0.95, method: .bca)[.gini]!
        #expect(bca.low < truth && truth < bca.high)
    }

    @Test func groupedJackknifeAgreesWithDeleteOne() {
        // Delete-one (exact) vs the 64-group jackknife on the same rows.
        let sample = AllocationSample(values: Self.lognormalSample(4_000, seed: 8, sigma: 1.0))
        let indices: [InequalityIndex] = [.gini, .theilT, .coefficientOfVariation]
        let exact = InequalityBootstrap(replicates: 0, seed: 1, stream: 0, threads: 2).accelerations(indices, sample: sample)
        let kernel = InequalityKernel(indices: indices, sample: sample)
        let group = InequalityBootstrap.randomGroups(count: sample.count, groups: 64, seed: 1, stream: 0)
        #expect((0..<64).allSatisfy { g in group.filter { $0 == g }.count >= 62 })
        var multipliers = (0..<64).map { LeaveOutMultipliers(group: UInt8($0), groupOfRow: group) }
        let rows = kernel.evaluate(&multipliers)
        for k in indices.indices {
            let values = rows.map { $0[k]! }
            let mean = values.reduce(0, +) / 64
            let grouped = StratifiedCountBootstrap.acceleration(deltas: values.map { $0 - mean }, multiplicities: [Double](repeating: 1, count: 64))!
            // Skewed data: a > 0; the grouped estimate is noisy (63 d.f.) but of the same size.
            #expect(exact[k]! > 0 && grouped > 0, "\(indices[k].name): \(exact[k]!) vs \(grouped)")
            #expect(abs(grouped - exact[k]!) < 0.6 * exact[k]! + 0.01, "\(indices[k].name): \(exact[k]!) vs \(grouped)")
        }
    }

    @Test func undefinedIndicesGetNoInterval() {
        let zeros = AllocationSample(values: [0, 3, 5, 0, 8, 2, 9, 4, 4, 1, 7, 6])
        let result = InequalityBootstrap(replicates: 200, seed: 1, stream: 0, threads: 2).intervals([.gini, .theilL, .atkinson(1), .theilT], sample: zeros, level: 0.9, method: .percentile)
        #expect(Set(result.keys) == [.gini, .theilT])
        #expect(InequalityBootstrap(replicates: 50, seed: 1, stream: 0, threads: 1).intervals([.gini], sample: AllocationSample(values: [1, -2]), level: 0.9, method: .percentile).isEmpty)
        // A single value: every replicate is 0 (or undefined when its weight is 0).
        let single = InequalityBootstrap(replicates: 100, seed: 1, stream: 0, threads: 1).replicateValues([.gini], sample: AllocationSample(values: [5]))[.gini]!
        #expect(single.allSatisfy { $0 == nil || $0 == 0 })
    }
}
