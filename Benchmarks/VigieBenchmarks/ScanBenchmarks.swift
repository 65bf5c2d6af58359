// `vigie scan` benchmark (issue 16, point 6): 1M applicants × 8 features (5 numbers, 3
// categories of 5, 5 and 3 values: 18 columns after one-hot), one population, a 0/1 outcome
// with a planted worse group of 10 %. Measures the whole `BiasScan.run` (seeded split, up to 20
// k-means bisections, one pass over the compact points per Lloyd iteration on every core, on
// the discovery half, the held-out half down the tree, the tests), with each half's points built
// from the population's encoding as `vigie scan` builds them (`ScanEncoding`), and, apart,
// building the whole population's feature matrix; CSV reading is the audit benchmarks'.
// Target: under 10 s on 2 cores.

import AuditData
import AuditMetrics
import Benchmark
import Foundation
import LinearAlgebra

let scanRows = 1_000_000

struct ScanBenchInput: @unchecked Sendable {
    let features: [ScanFeature]
    let encoding: ScanEncoding
    let outcome: [Double]
}

func scanBenchInput() throws -> ScanBenchInput {
    var random = BenchRandom(state: 16)
    var numbers = [[Double]](repeating: [], count: 5)
    var categories = [[UInt32]](repeating: [], count: 3)
    var outcome: [Double] = []
    for j in 0..<5 { numbers[j].reserveCapacity(scanRows) }
    for _ in 0..<scanRows {
        let planted = random.below(10) == 0
        for j in 0..<5 { numbers[j].append((planted && j < 2 ? 2 : 0) + random.unit()) }
        categories[0].append(planted ? 1 : UInt32(random.below(5)))
        categories[1].append(UInt32(random.below(5)))
        categories[2].append(UInt32(random.below(3)))
        let keep = planted ? 0.5 : 0.8
        outcome.append(Double(random.next() >> 11) * 0x1p-53 < keep ? 1 : 0)
    }
    let labels = [["a", "b", "c", "d", "e"], ["T1", "T2", "T3", "T4", "T5"], ["x", "y", "z"]]
    let features = (0..<5).map { ScanFeature(name: "n\($0)", values: .numeric(numbers[$0])) }
        + (0..<3).map { ScanFeature(name: "c\($0)", values: .categorical(codes: GroupCodes(categories[$0], groupCount: labels[$0].count),
                                                                                        labels: labels[$0], missing: nil)) }
    return ScanBenchInput(features: features, encoding: ScanEncoding(features: features, rows: Array(0..<scanRows)), outcome: outcome)
}

/// Registers the scan benchmarks (called from `benchmarks`).
func scanBenchmarks() {
    let config = configuration(iterations: 5, seconds: 60)
    Benchmark("scan-1M x8 BiasScan.run (HBAC, held-out test)", configuration: config) { (benchmark: Benchmark, input: ScanBenchInput) in
        for _ in benchmark.scaledIterations {
            let options = BiasScan.Options(seed: 1, threads: ProcessInfo.processInfo.activeProcessorCount)
            do { blackHole(try BiasScan.run(count: scanRows, outcome: { input.outcome[$0] }, binary: true, options: options) { input.encoding.points(at: $0) }) } catch {
                benchmark.error("scan: \(error)")
            }
        }
    } setup: { try scanBenchInput() } teardown: { removeOwnTemporaryFolders() }

    Benchmark("scan-1M x8 feature matrix (standardise, one-hot)", configuration: config) { (benchmark: Benchmark, input: ScanBenchInput) in
        for _ in benchmark.scaledIterations {
            do { blackHole(try ScanFeatureMatrix(features: input.features, rows: Array(0..<scanRows))) } catch { benchmark.error("matrix: \(error)") }
        }
    } setup: { try scanBenchInput() } teardown: { removeOwnTemporaryFolders() }
}
