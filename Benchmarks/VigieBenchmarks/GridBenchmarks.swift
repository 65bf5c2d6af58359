// Points-grid benchmarks (issue 4, point 8): 1,000,000 applicants × 30 features ×
// 64 alternative grids scored (BLAS dgemm + exclusive group + floor) and allocated
// (top k per segment per column). The applicants are generated in setup into a temporary
// CSV (about 110 MB, deleted in teardown) and read by `GridDesign.load`.

import Benchmark
import DecisionModels
import Foundation
import LinearAlgebra

/// Rows, features and grid columns of the grid benchmarks.
let gridRows = 1_000_000, gridFeatures = 30, gridColumns = 64

/// The design and the weight matrix `W` (features × 64) of the grid benchmarks.
struct GridBenchInput: @unchecked Sendable {
    let design: GridDesign
    let weights: Matrix
    let scores: Matrix
}

/// 30 criteria, one feature each: 20 flags (two of them an exclusive group), 5 per-unit
/// criteria with caps and 5 single bands; floor 0; 5 segments (`typologie`) of about 200,000
/// rows with 20,000 places each; ties by `anciennete` desc then id.
func gridBenchInput(rows: Int = gridRows, columns: Int = gridColumns, capacity: Int = 20_000) throws -> GridBenchInput {
    let gridRows = rows, gridColumns = columns
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("vigie-bench-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("grid-applicants.csv").path
    var random = BenchRandom(state: 2026)
    var criteria: [GridCriterion] = []
    var header = ["id", "typologie"]
    for k in 0..<20 {
        header.append("f\(k)")
        criteria.append(GridCriterion(name: "f\(k)", column: "f\(k)", kind: .flag(points: Double(5 + (k * 7) % 40), trueValues: ["1"])))
    }
    for k in 0..<5 {
        header.append("u\(k)")
        criteria.append(GridCriterion(name: "u\(k)", column: "u\(k)", kind: .perUnit(pointsPerUnit: Double(k + 1) * 0.5, cap: 30)))
    }
    for k in 0..<5 {
        header.append("b\(k)")
        criteria.append(GridCriterion(name: "b\(k)", column: "b\(k)", kind: .bands([GridBand(from: 0.3, to: nil, points: Double(10 + k))])))
    }
    var text = header.joined(separator: ",") + "\n"
    text.reserveCapacity(gridRows * 110)
    let segments = ["T1", "T2", "T3", "T4", "T5"]
    for i in 0..<gridRows {
        var fields = [String(format: "a%07d", i), segments[Int(random.below(5))]]
        for _ in 0..<20 { fields.append(random.below(5) == 0 ? "1" : "0") }
        for _ in 0..<5 { fields.append(String(random.below(120))) }
        for _ in 0..<5 { fields.append(String(format: "%.2f", (random.unit() + 1) / 2)) }
        text += fields.joined(separator: ",") + "\n"
    }
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let grid = try PointsGrid(
        name: "bench", idColumn: "id", criteria: criteria, exclusiveGroups: [GridExclusiveGroup(name: "g", members: [0, 1])],
        minimumScore: 0, segmentBy: ["typologie"], allocation: .capacity(.declared([], default: capacity)),
        tieBreak: [GridTieBreakKey(column: "u0", descending: true), GridTieBreakKey(column: "id", descending: false)])
    let design = try GridDesign.load(grid: grid, csvPath: path)
    try? FileManager.default.removeItem(at: folder)
    // 64 grids: the grid's weights, each multiplied by a factor in [1, 2) with two decimals
    // (w × k / 100 is the decimal product: scores are exact, `GridScoreScale`).
    let w = design.weights
    var storage: [Double] = []
    for g in 0..<gridColumns {
        for f in w.indices { storage.append(g == 0 ? w[f] : w[f] * (100 + Double(random.below(100))) / 100) }
    }
    let weights = try Matrix(rows: w.count, columns: gridColumns, columnMajor: storage)
    return GridBenchInput(design: design, weights: weights, scores: try design.scores(weights: weights))
}

/// Registers the grid benchmarks (called from `benchmarks`).
func gridBenchmarks() {
    let config = configuration(iterations: 10, seconds: 30)
    Benchmark("grid-1M x30 x64 dgemm only", configuration: config) { (benchmark: Benchmark, input: GridBenchInput) in
        for _ in benchmark.scaledIterations {
            do { blackHole(try BLAS.gemm(input.design.features, input.weights)) } catch { benchmark.error("dgemm: \(error)") }
        }
    } setup: { try gridBenchInput() } teardown: { removeOwnTemporaryFolders() }

    Benchmark("grid-1M x30 x64 scores", configuration: config) { (benchmark: Benchmark, input: GridBenchInput) in
        for _ in benchmark.scaledIterations {
            do { blackHole(try input.design.scores(weights: input.weights)) } catch { benchmark.error("scores: \(error)") }
        }
    } setup: { try gridBenchInput() } teardown: { removeOwnTemporaryFolders() }

    Benchmark("grid-1M x30 x64 allocate", configuration: config) { (benchmark: Benchmark, input: GridBenchInput) in
        for _ in benchmark.scaledIterations {
            do { blackHole(try GridAllocation.allocate(scores: input.scores, design: input.design)) } catch { benchmark.error("allocate: \(error)") }
        }
    } setup: { try gridBenchInput() } teardown: { removeOwnTemporaryFolders() }

    Benchmark("grid-1M x30 x64 scores + allocate", configuration: config) { (benchmark: Benchmark, input: GridBenchInput) in
        for _ in benchmark.scaledIterations {
            do {
                let scores = try input.design.scores(weights: input.weights)
                blackHole(try GridAllocation.allocate(scores: scores, design: input.design))
            } catch { benchmark.error("scores + allocate: \(error)") }
        }
    } setup: { try gridBenchInput() } teardown: { removeOwnTemporaryFolders() }
}
