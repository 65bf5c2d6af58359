@testable import AuditMetrics
import Foundation
import Testing

/// Axioms and identities: decomposition, scale and replication invariance, Pigou–Dalton,
/// zero/negative handling, Lorenz curve shape, concentration index of a self-ranked variable.
@Suite struct InequalityPropertyTests {
    static let all: [InequalityIndex] = [
        .gini, .theilT, .theilL, .generalizedEntropy(2), .generalizedEntropy(-1), .generalizedEntropy(0.5),
        .atkinson(0.5), .atkinson(1), .atkinson(2), .coefficientOfVariation, .palma,
        .quantileShare(lower: 0, upper: 0.4), .quantileShare(lower: 0.9, upper: 1),
    ]
    /// The indices that must fall under a Pigou–Dalton transfer.
    static let transferSensitive: [InequalityIndex] = [
        .gini, .theilT, .theilL, .generalizedEntropy(2), .generalizedEntropy(-1), .generalizedEntropy(0.5),
        .atkinson(0.5), .atkinson(1), .atkinson(2), .coefficientOfVariation,
    ]

    static func uniform(_ g: inout BootstrapRandom) -> Double { (Double(g.next() >> 11) + 0.5) * 0x1p-53 }
    static func lognormal(_ g: inout BootstrapRandom, sigma: Double) -> Double {
        let z = (-2 * log(uniform(&g))).squareRoot() * cos(2 * .pi * uniform(&g))
        return exp(sigma * z)
    }

    @Test func decompositionIdentityOnRandomGroupedData() {
        var g = BootstrapRandom(seed: 11, stream: 0, replicate: 0)
        for trial in 0..<20 {
            let n = 50 + Int(g.next() % 400), groupCount = 1 + Int(g.next() % 8)
            let values = (0..<n).map { _ in 80 * Self.lognormal(&g, sigma: 0.8) }
            let weights: [Double]? = trial % 2 == 0 ? nil : (0..<n).map { _ in 0.1 + 3 * Self.uniform(&g) }
            let groups = (0..<n).map { _ in UInt32(g.next() % UInt64(groupCount)) }
            let sample = AllocationSample(values: values, weights: weights)
            for index in [InequalityIndex.theilT, .theilL, .generalizedEntropy(2), .generalizedEntropy(-1)] {
                let d = Inequality.decompose(index, sample: sample, groups: groups, groupCount: groupCount)!
                #expect(abs(d.between + d.within - d.total) <= 1e-12, "trial \(trial) \(index.name): \(d.between) + \(d.within) vs \(d.total)")
                #expect(d.between >= 0 && d.within >= 0)
                #expect(d.total == Inequality.value(index, of: sample).value!)
                #expect(abs(d.groups.map(\.weightShare).reduce(0, +) - 1) < 1e-12)
                #expect(abs(d.groups.map(\.incomeShare).reduce(0, +) - 1) < 1e-12)
            }
        }
    }

    @Test func decompositionOfTheilWeightsByIncomeShare() {
        // T = Σ s_g T_g + Σ s_g ln(μ_g/μ) (docs/domain.md §8).
        let values: [Double] = [1, 2, 3, 10, 20, 40]
        let d = Inequality.decompose(.theilT, sample: AllocationSample(values: values), groups: [0, 0, 0, 1, 1, 1], groupCount: 2)!
        let mu = values.reduce(0, +) / 6
        let between = d.groups.map { $0.incomeShare * log($0.mean / mu) }.reduce(0, +)
        #expect(abs(d.between - between) < 1e-14)
        #expect(abs(d.within - d.groups.map { $0.incomeShare * $0.index! }.reduce(0, +)) < 1e-15)
        #expect(Inequality.decompose(.gini, sample: AllocationSample(values: values), groups: [0, 0, 0, 1, 1, 1], groupCount: 2) == nil)
    }

    @Test func zeroMeanGroupContributesNothing() {
        let values: [Double] = [0, 0, 3, 5, 9]
        let d = Inequality.decompose(.generalizedEntropy(2), sample: AllocationSample(values: values), groups: [0, 0, 1, 1, 1], groupCount: 2)!
        #expect(d.groups[0].index == nil && d.groups[0].withinContribution == 0 && d.groups[0].incomeShare == 0)
        #expect(abs(d.between + d.within - d.total) < 1e-14)
        #expect(Inequality.decompose(.theilL, sample: AllocationSample(values: values), groups: [0, 0, 1, 1, 1], groupCount: 2) == nil)
    }

    @Test func scaleInvariance() {
        var g = BootstrapRandom(seed: 12, stream: 0, replicate: 0)
        for trial in 0..<10 {
            let n = 2 + Int(g.next() % 300)
            let values = (0..<n).map { _ in 50 * Self.lognormal(&g, sigma: 0.7) }
            let weights: [Double]? = trial % 2 == 0 ? nil : (0..<n).map { _ in 0.5 + Self.uniform(&g) }
            let a = AllocationSample(values: values, weights: weights)
            let b = AllocationSample(values: values.map { 3.7 * $0 }, weights: weights)
            for index in Self.all {
                let x = Inequality.value(index, of: a).value!, y = Inequality.value(index, of: b).value!
                #expect(abs(x - y) <= 1e-12 * max(1, abs(x)), "\(index.name): \(x) vs \(y)")
            }
        }
    }

    @Test func replicationInvariance() {
        var g = BootstrapRandom(seed: 13, stream: 0, replicate: 0)
        for _ in 0..<10 {
            let n = 1 + Int(g.next() % 200)
            let values = (0..<n).map { _ in 30 * Self.lognormal(&g, sigma: 1.0) }
            let a = AllocationSample(values: values), b = AllocationSample(values: values + values)
            let c = AllocationSample(values: values, weights: [Double](repeating: 2, count: n))
            for index in Self.all {
                let x = Inequality.value(index, of: a).value!
                #expect(abs(x - Inequality.value(index, of: b).value!) <= 1e-12 * max(1, x), "\(index.name)")
                #expect(abs(x - Inequality.value(index, of: c).value!) <= 1e-12 * max(1, x), "\(index.name) weights")
            }
        }
    }

    @Test func pigouDaltonTransfersDecreaseInequality() {
        var g = BootstrapRandom(seed: 14, stream: 0, replicate: 0)
        var cases = 0
        while cases < 200 {
            let n = 2 + Int(g.next() % 60)
            var values = (0..<n).map { _ in 100 * Self.lognormal(&g, sigma: 0.9) }
            let weights: [Double]? = cases % 3 == 0 ? (0..<n).map { _ in 0.5 + Self.uniform(&g) } : nil
            let i = Int(g.next() % UInt64(n)), j = Int(g.next() % UInt64(n))
            guard values[i] < values[j] else { continue }
            // Poorer i gets δ/w_i, richer j gives δ/w_j (equal amounts in total), order kept:
            // after the transfer x_i < x_j still.
            let wi = weights?[i] ?? 1, wj = weights?[j] ?? 1
            let gap = values[j] - values[i]
            let delta = (0.05 + 0.4 * Self.uniform(&g)) * gap / (1 / wi + 1 / wj)
            let before = AllocationSample(values: values, weights: weights)
            values[i] += delta / wi
            values[j] -= delta / wj
            #expect(values[i] < values[j])
            let after = AllocationSample(values: values, weights: weights)
            for index in Self.transferSensitive {
                let b = Inequality.value(index, of: before).value!, a = Inequality.value(index, of: after).value!
                #expect(a < b, "case \(cases) \(index.name): \(b) → \(a)")
            }
            cases += 1
        }
    }

    @Test func zerosNegativesAndDegenerateSamples() {
        let zeros = AllocationSample(values: [0, 4, 0, 7])
        #expect(zeros.hasZero && !zeros.hasNegative)
        for index in [InequalityIndex.theilL, .generalizedEntropy(0), .generalizedEntropy(-1), .atkinson(1), .atkinson(2)] {
            let v = Inequality.value(index, of: zeros)
            #expect(v.value == nil && v.reason!.contains("undefined with a zero allocation"), "\(index.name)")
        }
        for index in [InequalityIndex.gini, .theilT, .generalizedEntropy(2), .generalizedEntropy(0.5), .atkinson(0.5), .coefficientOfVariation] {
            #expect(Inequality.value(index, of: zeros).value != nil, "\(index.name)")
        }
        #expect(Inequality.value(.palma, of: zeros).reason == "palma: the bottom 40 % hold no allocation")

        let negative = AllocationSample(values: [3, -1, 4])
        #expect(negative.hasNegative)
        for index in Self.all { #expect(Inequality.value(index, of: negative).reason?.contains("negative") == true) }
        #expect(Inequality.lorenzCurve(negative, points: 5).isEmpty)

        for index in Self.all {
            #expect(Inequality.value(index, of: AllocationSample(values: [0, 0])).reason == "the mean allocation is 0")
            #expect(Inequality.value(index, of: AllocationSample(values: [.nan])).value == nil)
        }
        #expect(Inequality.value(.atkinson(-1), of: zeros).value == nil)
        #expect(Inequality.value(.quantileShare(lower: 0.5, upper: 0.2), of: zeros).value == nil)

        // A single value, or all equal: no inequality.
        for sample in [AllocationSample(values: [42]), AllocationSample(values: [7.5, 7.5, 7.5], weights: [1, 2, 0.5])] {
            for index in Self.transferSensitive { #expect(Inequality.value(index, of: sample) == .defined(0), "\(index.name)") }
            #expect(abs(Inequality.value(.palma, of: sample).value! - 0.25) < 1e-15)
            #expect(abs(Inequality.value(.quantileShare(lower: 0, upper: 0.4), of: sample).value! - 0.4) < 1e-15)
        }
        // Two values 1 and 3: Gini = |1 − 3|·2/(2·4·2) = 1/4.
        #expect(Inequality.value(.gini, of: AllocationSample(values: [1, 3])) == .defined(0.25))
    }

    @Test func lorenzCurveEndpointsAndConvexity() {
        var g = BootstrapRandom(seed: 15, stream: 0, replicate: 0)
        for trial in 0..<10 {
            let n = 1 + Int(g.next() % 500)
            let values = (0..<n).map { _ in (g.next() % 5 == 0 ? 0 : 1) * 60 * Self.lognormal(&g, sigma: 1.2) }
            let weights: [Double]? = trial % 2 == 0 ? nil : (0..<n).map { _ in 0.2 + Self.uniform(&g) }
            let curve = Inequality.lorenzCurve(AllocationSample(values: values, weights: weights), points: 101)
            guard !curve.isEmpty else { continue }
            #expect(curve.first! == (p: 0, share: 0) && curve.last! == (p: 1, share: 1))
            for k in 1..<curve.count {
                #expect(curve[k].share >= curve[k - 1].share && curve[k].share <= curve[k].p + 1e-12)
            }
            for k in 1..<(curve.count - 1) {
                let slopeLeft = curve[k].share - curve[k - 1].share, slopeRight = curve[k + 1].share - curve[k].share
                #expect(slopeRight >= slopeLeft - 1e-12, "trial \(trial): not convex at p = \(curve[k].p)")
            }
        }
    }

    @Test func concentrationIndexOfSelfRankedIsGini() {
        var g = BootstrapRandom(seed: 16, stream: 0, replicate: 0)
        for _ in 0..<10 {
            let n = 2 + Int(g.next() % 300)
            let values = (0..<n).map { _ in 40 * Self.lognormal(&g, sigma: 0.9) }
            let c = Inequality.concentrationIndex(values: values, rankBy: values, weights: nil).value!
            let gini = Inequality.value(.gini, of: AllocationSample(values: values)).value!
            #expect(abs(c - gini) <= 1e-12, "\(c) vs \(gini)")
            // Ranked by the opposite order: −Gini.
            let reversed = Inequality.concentrationIndex(values: values, rankBy: values.map { -$0 }, weights: nil).value!
            #expect(abs(reversed + gini) <= 1e-12)
        }
        #expect(Inequality.concentrationIndex(values: [0, 0], rankBy: [1, 2], weights: nil).value == nil)
    }
}
