// `vigie amend` benchmarks (issue 19, point 6): candidate grids × applicants × criteria, each
// candidate scored exactly (one dgemm per batch, then the exclusive group and the floor per
// column) and re-allocated under the baseline capacities by a partial selection
// (`GridPartialSelection`), as `AmendmentEvaluator.measure` does in the search. The design is
// the grid benchmarks' (30 criteria, one feature each; 5 segments), at 100,000 applicants with
// 2,000 places per segment, and a batch of 256 candidates per iteration: 10,000 candidates are
// about 39 batches.

import Benchmark
import AuditData
import DecisionModels
import Foundation
import LinearAlgebra

/// Applicants and candidates per batch of the amendment benchmarks.
let amendRows = 100_000, amendBatch = 256

/// The design, a batch of candidate weight vectors and an evaluator on a 3-group attribute.
struct AmendBenchInput: @unchecked Sendable {
    let grid: GridBenchInput
    let batch: [[Double]]
    let evaluator: AmendmentEvaluator
}

func amendBenchInput() throws -> AmendBenchInput {
    let input = try gridBenchInput(rows: amendRows, columns: amendBatch, capacity: 2_000)
    let w = input.weights, p = w.rows
    let batch = (0..<w.columns).map { g in Array(w.storage[(g * p)..<((g + 1) * p)]) }
    var random = BenchRandom(state: 19)
    let codes = (0..<amendRows).map { _ in UInt32(random.below(3)) }
    let attribute = GroupColumn(attribute: "group", codes: codes, groups: ["a", "b", "c"], unknownCode: nil)
    let groups = try AmendmentGroups(attribute: attribute, reference: nil, minGroupSize: 30, minCellSize: 10, targets: [.impactRatioAtLeast(0.8)])
    return AmendBenchInput(grid: input, batch: batch, evaluator: try AmendmentEvaluator(design: input.design, groups: groups))
}

/// Registers the amendment benchmarks (called from `benchmarks`).
func amendBenchmarks() {
    let config = configuration(iterations: 10, seconds: 30)
    Benchmark("amend-100k x30 x256 dgemm only", configuration: config) { (benchmark: Benchmark, input: AmendBenchInput) in
        for _ in benchmark.scaledIterations {
            do { blackHole(try BLAS.gemm(input.grid.design.features, input.grid.weights)) } catch { benchmark.error("dgemm: \(error)") }
        }
    } setup: { try amendBenchInput() } teardown: { removeOwnTemporaryFolders() }

    Benchmark("amend-100k x30 x256 exact scores", configuration: config) { (benchmark: Benchmark, input: AmendBenchInput) in
        for _ in benchmark.scaledIterations {
            do { blackHole(try input.grid.design.exactScores(weights: input.grid.weights)) } catch { benchmark.error("scores: \(error)") }
        }
    } setup: { try amendBenchInput() } teardown: { removeOwnTemporaryFolders() }

    Benchmark("amend-100k x30 x256 measure (scores + partial selection + group counts)", configuration: config) { (benchmark: Benchmark, input: AmendBenchInput) in
        for _ in benchmark.scaledIterations {
            do { blackHole(try input.evaluator.measure(input.batch)) } catch { benchmark.error("measure: \(error)") }
        }
    } setup: { try amendBenchInput() } teardown: { removeOwnTemporaryFolders() }

    Benchmark("amend-100k x30 x256 full allocation (for comparison)", configuration: config) { (benchmark: Benchmark, input: AmendBenchInput) in
        for _ in benchmark.scaledIterations {
            do { blackHole(try GridAllocation.allocate(scores: input.grid.scores, design: input.grid.design)) } catch { benchmark.error("allocate: \(error)") }
        }
    } setup: { try amendBenchInput() } teardown: { removeOwnTemporaryFolders() }
}
