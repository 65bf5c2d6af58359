import AuditData
import AuditMetrics
import Foundation
import LinearAlgebra

/// Scores and selects candidate grids in batches, exactly (`docs/amend.md`, "Search").
///
/// A batch of `m` weight vectors is the weight matrix `W` (features × m): the scores of every
/// applicant under every candidate are `X'·W'` — **one BLAS `dgemm` per batch** (applicants ×
/// features times features × candidates) — then the exclusive groups and the floor per column,
/// all on whole numbers (``GridDesign/exactScores(weights:)``). Each column is then selected
/// under the **baseline grid's rule, capacities and tie-break** by a partial selection
/// (``GridPartialSelection``: no full sort), and measured (``AmendmentMeasure``). Columns are
/// measured in parallel; each result depends on its column only, so the results do not depend
/// on the thread count.
///
/// ``measure(_:)`` (the search) runs the same computation on the layout of ``AmendmentKernel``
/// (rows by segment, then tie-break): the batch is split into chunks of 8 candidates, each
/// worker multiplies its chunks by one single-threaded `dgemm` into its own reused buffer and
/// selects and counts each column in a few sequential passes (a histogram of the whole-number
/// scores, then a threshold) — one owner of the cores, no allocation per candidate, no
/// selected set materialised. ``measureWithScores(_:)`` keeps the rows in the file's order and
/// returns the scores and the selection (the reference the tests compare it with).
public struct AmendmentEvaluator: Sendable {
    public let design: GridDesign
    public let groups: AmendmentGroups
    public let selection: GridPartialSelection
    /// `S_0`: who the baseline grid selects.
    public let baselineSelected: [Bool]
    /// `|S_0|`.
    let baselineTotal: Int
    /// The search's layout of the applicants.
    let kernel: AmendmentKernel
    /// Candidates per `dgemm` of a worker in ``measure(_:)``.
    static let chunk = 8

    /// Whether each candidate's exposure ratios are measured (an `exposure_ratio` target).
    public let measuresExposure: Bool

    /// - Parameter exposure: measure every candidate's exposure ratios
    ///   (``AmendmentExposureRanking``: a radix sort of its scores per candidate), as an
    ///   `exposure_ratio` target needs; see ``needsExposure(_:)``.
    /// - Parameter baselineSelected: who the *baseline* grid selects, when `design` is another
    ///   grid's (moved band edges: `--allow band-edges`), so that changed selections are counted
    ///   against the baseline; `nil`: `design`'s own grid is the baseline.
    /// - Throws: `SpecError` when the grid has no allocation rule or the attribute is not
    ///   row-aligned with the design; the errors of exact scoring.
    public init(design: GridDesign, groups: AmendmentGroups, exposure: Bool = false, baselineSelected given: [Bool]? = nil) throws {
        guard groups.codes.count == design.rows else {
            throw SpecError(key: "--protected", problem: .sentence(.amendRows, arguments: ["count": "\(groups.codes.count)", "attribute": "\(groups.attribute)", "rows": "\(design.rows)"]))
        }
        self.design = design
        self.groups = groups
        let selection = try GridPartialSelection(design: design)
        self.selection = selection
        let base = try design.exactScores()
        var selected = [Bool](repeating: false, count: design.rows)
        var scratch: [Double] = []
        base.scaled.storage.withUnsafeBufferPointer { s in
            selected.withUnsafeMutableBufferPointer { out in
                selection.select(scores: s, decimals: base.decimals, into: out, scratch: &scratch)
            }
        }
        if let given, given.count == design.rows { selected = given }
        baselineSelected = selected
        baselineTotal = selected.reduce(0) { $0 + ($1 ? 1 : 0) }
        kernel = AmendmentKernel(design: design, groups: groups, selection: selection, baselineSelected: selected, exposure: exposure)
        measuresExposure = exposure
    }

    /// Whether `targets` need the exposure ratios.
    public static func needsExposure(_ targets: [AmendmentTarget]) -> Bool {
        targets.contains { if case .exposureRatioAtLeast = $0 { true } else { false } }
    }

    /// Measures each weight vector (each `features.count` long): `X'·W'_lin` by one
    /// single-threaded `dgemm` per chunk of ``chunk`` candidates and worker, then each column
    /// completed (exclusive groups, floor), selected and counted on ``AmendmentKernel``'s
    /// layout. Equal to ``measureWithScores(_:)``'s measures.
    public func measure(_ batch: [[Double]]) throws -> [AmendmentMeasure] {
        let p = design.featureDefinitions.count, n = design.rows, m = batch.count
        guard m > 0 else { return [] }
        let w = try Matrix(rows: p, columns: m, columnMajor: batch.flatMap { $0 })
        let scale = try GridScoreScale(design: design, weights: w)
        let scaled = scale.weights
        var linear = scaled
        let grouped = design.groupedFeatures
        for g in 0..<m { for f in grouped { linear[f + g * p] = 0 } }
        let decimals = scale.decimals, floor = scale.floor, unit = scale.unit
        let scaledThreshold = selection.threshold.flatMap(GridDecimal.init).flatMap { $0.scaled(toDecimals: max(decimals, $0.decimals)) }.map(Double.init)
        let chunk = Self.chunk, chunks = (m + chunk - 1) / chunk
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, chunks))
        var results = [AmendmentMeasure?](repeating: nil, count: m)
        var failures = [(any Error)?](repeating: nil, count: workers)
        // One owner of the cores: the workers, each with a single-threaded dgemm.
        let previousThreads = workers > 1 ? BLASProvider.setOpenBLASThreads(1) : nil
        defer { if let previousThreads { BLASProvider.setOpenBLASThreads(previousThreads) } }
        let labels = groups.labels.count
        linear.withUnsafeBufferPointer { linear in
            scaled.withUnsafeBufferPointer { scaled in
                results.withUnsafeMutableBufferPointer { results in
                    failures.withUnsafeMutableBufferPointer { failures in
                        let shared = AmendmentBatch(linear: linear, scaled: scaled, results: results, failures: failures)
                        DispatchQueue.concurrentPerform(iterations: workers) { worker in
                            var buffer = [Double](repeating: 0, count: n * chunk)
                            var scratch = AmendmentKernel.Scratch()
                            var first = worker * chunk
                            while first < m {
                                let columns = min(chunk, m - first)
                                do {
                                    try buffer.withUnsafeMutableBufferPointer { out in
                                        try BLAS.gemm(kernel.features, columnMajor: UnsafeBufferPointer(rebasing: shared.linear[(first * p)..<((first + columns) * p)]),
                                                      columns: columns, into: out)
                                        for j in 0..<columns {
                                            let c = first + j
                                            let column = UnsafeMutableBufferPointer(rebasing: out[(j * n)..<((j + 1) * n)])
                                            kernel.complete(column: column, weights: UnsafeBufferPointer(rebasing: shared.scaled[(c * p)..<((c + 1) * p)]), floor: floor, scratch: &scratch)
                                            let tally = kernel.select(column: UnsafeBufferPointer(column), scaledThreshold: scaledThreshold, scratch: &scratch)
                                            let exposure = kernel.exposure.map { $0.sums(column: UnsafeBufferPointer(column), scratch: &scratch.exposure) }
                                            shared.results[c] = AmendmentMeasure.make(
                                                groups: groups, scoreSums: (0..<labels).map { scratch.sums[$0] / unit },
                                                selected: Array(scratch.chosen[0..<labels]), selectedTotal: tally.total,
                                                changed: tally.total + baselineTotal - 2 * tally.kept, exposureSums: exposure)
                                        }
                                    }
                                } catch {
                                    shared.failures[worker] = error
                                    return
                                }
                                first += workers * chunk
                            }
                        }
                    }
                }
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        return results.compactMap { $0 }
    }

    /// The measures and the exact scores of the batch.
    public func measureWithScores(_ batch: [[Double]]) throws -> (measures: [AmendmentMeasure], scores: GridScores, selected: [Bool]) {
        let p = design.featureDefinitions.count, n = design.rows, m = batch.count
        let w = try Matrix(rows: p, columns: m, columnMajor: batch.flatMap { $0 })
        let scores = try design.exactScores(weights: w)
        var results = [AmendmentMeasure?](repeating: nil, count: m)
        var selected = [Bool](repeating: false, count: n * m)
        let unit = scores.unit
        scores.scaled.storage.withUnsafeBufferPointer { s in
            selected.withUnsafeMutableBufferPointer { sel in
                results.withUnsafeMutableBufferPointer { out in
                    let shared = AmendmentColumns(scores: s, selected: sel, results: out)
                    DispatchQueue.concurrentPerform(iterations: m) { column in
                        shared.measure(column: column, rows: n, evaluator: self, decimals: scores.decimals, unit: unit)
                    }
                }
            }
        }
        return (results.compactMap { $0 }, scores, selected)
    }

    /// Measures one column of exact scores and its selection.
    func measure(scaled: UnsafeBufferPointer<Double>, unit: Double, selected: UnsafeBufferPointer<Bool>) -> AmendmentMeasure {
        let k = groups.labels.count
        var sums = [Double](repeating: 0, count: k)
        var chosen = [Int](repeating: 0, count: k)
        var total = 0, kept = 0, base = 0
        for i in 0..<scaled.count {
            let g = Int(groups.codes[i])
            let s = selected[i], b = baselineSelected[i]
            if s { total += 1 }
            if b { base += 1 }
            if s && b { kept += 1 }
            if g >= 0 {
                sums[g] += scaled[i]
                if s { chosen[g] += 1 }
            }
        }
        // Sums of whole numbers of 10^−D points, exact below 2^53 whatever the order, then in points.
        return AmendmentMeasure.make(groups: groups, scoreSums: sums.map { $0 / unit }, selected: chosen, selectedTotal: total, changed: total + base - 2 * kept,
                                     exposureSums: measuresExposure ? Self.sortedExposureSums(scaled: scaled, codes: groups.codes, tieRank: design.tieRank, slots: k) : nil)
    }

    /// `E_g` per group by a full comparison sort of the rows of a known group (score descending,
    /// then `tieRank`), summed in position order: the reference ``AmendmentExposureRanking`` is
    /// tested against, and the model audit's order.
    static func sortedExposureSums(scaled: UnsafeBufferPointer<Double>, codes: [Int32], tieRank: [Int32], slots: Int) -> [Double] {
        let rows = codes.indices.filter { codes[$0] >= 0 }.sorted { a, b in
            scaled[a] > scaled[b] || (scaled[a] == scaled[b] && tieRank[a] < tieRank[b])
        }
        var sums = [Double](repeating: 0, count: slots)
        for (p, i) in rows.enumerated() { sums[Int(codes[i])] += RankedApplicants.exposure(atPosition: p + 1) }
        return sums
    }
}

extension GridScores {
    /// 10^D.
    var unit: Double { GridDecimal.powersOfTen[decimals] }
}

/// The buffers of a batch, written by disjoint columns in parallel.
private struct AmendmentColumns: @unchecked Sendable {
    let scores: UnsafeBufferPointer<Double>
    let selected: UnsafeMutableBufferPointer<Bool>
    let results: UnsafeMutableBufferPointer<AmendmentMeasure?>

    func measure(column c: Int, rows n: Int, evaluator: AmendmentEvaluator, decimals: Int, unit: Double) {
        let column = UnsafeBufferPointer(rebasing: scores[(c * n)..<((c + 1) * n)])
        let out = UnsafeMutableBufferPointer(rebasing: selected[(c * n)..<((c + 1) * n)])
        var scratch: [Double] = []
        evaluator.selection.select(scores: column, decimals: decimals, into: out, scratch: &scratch)
        results[c] = evaluator.measure(scaled: column, unit: unit, selected: UnsafeBufferPointer(out))
    }
}

/// The buffers of a batch in ``AmendmentEvaluator/measure(_:)``: read by every worker, written
/// by disjoint columns (results) and workers (failures).
private struct AmendmentBatch: @unchecked Sendable {
    let linear: UnsafeBufferPointer<Double>
    let scaled: UnsafeBufferPointer<Double>
    let results: UnsafeMutableBufferPointer<AmendmentMeasure?>
    let failures: UnsafeMutableBufferPointer<(any Error)?>
}
