import AuditData
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
public struct AmendmentEvaluator: Sendable {
    public let design: GridDesign
    public let groups: AmendmentGroups
    public let selection: GridPartialSelection
    /// `S_0`: who the baseline grid selects.
    public let baselineSelected: [Bool]

    /// - Throws: `SpecError` when the grid has no allocation rule or the attribute is not
    ///   row-aligned with the design; the errors of exact scoring.
    public init(design: GridDesign, groups: AmendmentGroups) throws {
        guard groups.codes.count == design.rows else {
            throw SpecError(key: "--protected", message: "\(groups.codes.count) rows for attribute '\(groups.attribute)', \(design.rows) in the grid's design; read both from the same file")
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
        baselineSelected = selected
    }

    /// Measures each weight vector (each `features.count` long): one `dgemm` for the batch.
    public func measure(_ batch: [[Double]]) throws -> [AmendmentMeasure] {
        try measureWithScores(batch).measures
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
                sums[g] += scaled[i] / unit
                if s { chosen[g] += 1 }
            }
        }
        return AmendmentMeasure.make(groups: groups, scoreSums: sums, selected: chosen, selectedTotal: total, changed: total + base - 2 * kept)
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
