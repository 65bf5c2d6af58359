// The human decision after the grid (issue 15, point 7): 1,000,000 applicants with a grid
// (the grid benchmarks' 30 criteria, 5 segments of about 200,000 rows with 20,000 places
// each), five protected attributes, and an actual decision that follows the grid with
// overrides; measured: `HumanStage.run` — agreement and kappa overall and per segment, the
// override findings, the stage split with its bootstrap (2,000 replicates), and the
// Mantel–Haenszel odds ratio, CMH and Breslow–Day over 10 bands × 5 segments for every group
// of the 5 attributes.

import AuditData
import AuditMetrics
import Benchmark
import DecisionModels
import Foundation
import ModelAudit

/// The audit, design and allocation the human stage reads.
struct HumanStageBenchInput: @unchecked Sendable {
    let store: ColumnStore
    let audit: AuditResult
    let design: GridDesign
    let allocation: GridAllocationResult
}

/// 1M applicants: the grid benchmark's design and allocation (one score column), five
/// attributes drawn independently of the criteria (4, 2, 6, 2 and 2 groups), and a decision
/// equal to the grid's selection but for 12 % overrides out and 3 % overrides in, with
/// 30 % more overrides out in one nationality.
func humanStageBenchInput(rows: Int = gridRows) throws -> HumanStageBenchInput {
    let grid = try gridBenchInput(rows: rows, columns: 1)
    let design = grid.design
    let allocation = try GridAllocation.allocate(scores: try design.scores(), design: design)
    var random = BenchRandom(state: 15)
    let sizes = [4, 2, 6, 2, 2]
    var codes = sizes.map { _ in [UInt32](repeating: 0, count: rows) }
    var decision = [UInt8](repeating: 0, count: rows)
    for r in 0..<rows {
        for a in sizes.indices { codes[a][r] = UInt32(random.below(UInt64(sizes[a]))) }
        let u = Double(random.below(1_000)) / 1_000
        decision[r] = allocation.isSelected(r) ? (u >= (codes[0][r] == 2 ? 0.42 : 0.12) ? 1 : 0) : (u < 0.03 ? 1 : 0)
    }
    let names = ["nationalite", "sexe", "age", "handicap", "residence_qpv"]
    let labels = [["FR", "UE", "hors_UE", "autre"], ["F", "M"], ["a", "b", "c", "d", "e", "f"], ["non", "oui"], ["non", "oui"]]
    let store = ColumnStore(
        rowCount: rows, attributes: names.indices.map { GroupColumn(attribute: names[$0], codes: codes[$0], groups: labels[$0], unknownCode: nil) },
        label: nil, decision: decision, score: nil, weight: nil, source: DataSource(path: "synthetic", delimiter: ",", headerColumns: 6))
    let data = DataSpec(protected: names.map { ProtectedAttributeSpec(column: $0) }, decision: BinaryColumnSpec(column: "decision"))
    var analysis = AnalysisSpec()
    analysis.intersections = 1
    let audit = DisclosureControl.apply(to: try Audit.run(store: store, data: data, analysis: analysis, threads: 2), minimumCellSize: analysis.minCellSize)
    return HumanStageBenchInput(store: store, audit: audit, design: design, allocation: allocation)
}

/// Registers the human-stage benchmark (called from `benchmarks`).
func humanStageBenchmarks() {
    Benchmark("human-stage-1M x5 attributes x50 strata", configuration: configuration(iterations: 5, seconds: 60)) { (benchmark: Benchmark, input: HumanStageBenchInput) in
        for _ in benchmark.scaledIterations {
            do {
                let human = try HumanStage.run(store: input.store, audit: input.audit, design: input.design, allocation: input.allocation,
                                               gridFile: "bench", threads: 2)
                // Every attribute analysed, the planted nationality named at equal points.
                guard let human, human.attributes.count == 5, human.strataCount == 50,
                      let or = human["nationalite"]?.groups[2][.mhOddsRatio]?.value.value, or < 0.7 else {
                    benchmark.error("human stage: incomplete result")
                    return
                }
                blackHole(human)
            } catch {
                benchmark.error("human stage: \(error)")
            }
        }
    } setup: { try humanStageBenchInput() } teardown: { removeOwnTemporaryFolders() }
}
