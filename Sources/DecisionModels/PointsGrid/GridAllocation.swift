import AuditData
import AuditMetrics
import Foundation
import LinearAlgebra

/// Turns scores into selections (`docs/model.md`, "Allocation").
///
/// Within each segment `s` (the values of the grid's `segment_by` columns),
/// applicants are ordered by score descending, then by the tie-break keys
/// (``GridDesign/tieRank``), a total order. Rank 1 is the best. Then:
/// * threshold `t`: selected ⇔ `score ≥ t`;
/// * capacity: selected ⇔ `rank ≤ k_s`;
/// * proposals: selected ⇔ `rank ≤ perUnit × k_s` (the candidates put before
///   the commission, about 3 per dwelling).
///
/// Each segment is ordered once per score column by a stable radix sort of the
/// scores over the rows already in tie-break order (linear time); score columns
/// are processed in parallel.
public enum GridAllocation {
    /// Allocation under the grid's rule (or `rule`) for one score vector.
    public static func allocate(scores: [Double], design: GridDesign, rule: GridAllocationRule? = nil) throws -> GridAllocationResult {
        try allocate(scores: Matrix(rows: scores.count, columns: 1, columnMajor: scores), design: design, rule: rule)
    }

    /// Allocation for each column of `scores` (`rows × grids`, e.g. from
    /// ``GridDesign/scores(weights:)``).
    ///
    /// - Parameter rule: defaults to the design's grid rule. A capacity or
    ///   proposals rule must use the grid's capacities (a `from_data` column is
    ///   read with the data), so only its `perUnit` or a declared capacity may differ.
    /// - Throws: `SpecError` when there is no rule or a `from_data` column other
    ///   than the grid's; `LinearAlgebraError` when `scores.rows` is not the number of applicants.
    public static func allocate(scores: Matrix, design: GridDesign, rule: GridAllocationRule? = nil) throws -> GridAllocationResult {
        let n = design.rows
        guard scores.rows == n else {
            throw LinearAlgebraError.dimensionMismatch(operation: "GridAllocation.allocate", detail: "\(scores.rows) score rows for \(n) applicants")
        }
        guard let rule = rule ?? design.grid.allocation else {
            throw SpecError(key: "allocation", problem: .sentence(.gridNoAllocationRule, arguments: ["name": "\(design.grid.name)"]))
        }
        let limits = try selectionLimits(rule, design)
        // Rows of each segment, in tie-break order.
        var order = [Int32](repeating: 0, count: n)
        for i in 0..<n { order[Int(design.tieRank[i])] = Int32(i) }
        var rowsBySegment = [[Int32]](repeating: [], count: design.segmentLabels.count)
        for row in order { rowsBySegment[Int(design.segmentCodes[Int(row)])].append(row) }
        let segmentRows = rowsBySegment

        let g = scores.columns
        var selected = [Bool](repeating: false, count: n * g)
        var ranks = [Int32](repeating: 0, count: n * g)
        let threshold: Double? = if case .threshold(let t) = rule { t } else { nil }
        scores.storage.withUnsafeBufferPointer { s in
            selected.withUnsafeMutableBufferPointer { sel in
                ranks.withUnsafeMutableBufferPointer { rk in
                    let shared = SharedBuffers(scores: s, selected: sel, ranks: rk)
                    DispatchQueue.concurrentPerform(iterations: g) { column in
                        shared.allocate(column: column, rows: n, segmentRows: segmentRows, limits: limits, threshold: threshold)
                    }
                }
            }
        }
        return GridAllocationResult(rows: n, grids: g, selected: selected, ranks: ranks)
    }

    /// Per segment: the largest selected rank (capacity, proposals); `nil` for a threshold.
    static func selectionLimits(_ rule: GridAllocationRule, _ design: GridDesign) throws(SpecError) -> [Int]? {
        func capacities(_ capacity: GridCapacity) throws(SpecError) -> [Int] {
            switch capacity {
            case .declared(let segments, let fallback):
                return design.segmentLabels.map { label in segments.first { $0.segment == label }?.k ?? fallback }
            case .fromData(let column):
                let ownColumn: String? = switch design.grid.allocation {
                case .capacity(.fromData(let c)), .proposals(.fromData(let c), _): c
                default: nil
                }
                guard ownColumn == column, let k = design.capacities else {
                    throw SpecError(key: "allocation.capacity.from_data", problem: .sentence(.gridCapacityColumn, arguments: ["column": "\(column)"]))
                }
                return k
            }
        }
        switch rule {
        case .threshold: return nil
        case .capacity(let c): return try capacities(c)
        case .proposals(let c, let perUnit): return try capacities(c).map { $0 * perUnit }
        }
    }
}

/// The result buffers, written by disjoint score columns in parallel.
private struct SharedBuffers: @unchecked Sendable {
    let scores: UnsafeBufferPointer<Double>
    let selected: UnsafeMutableBufferPointer<Bool>
    let ranks: UnsafeMutableBufferPointer<Int32>

    func allocate(column g: Int, rows n: Int, segmentRows: [[Int32]], limits: [Int]?, threshold: Double?) {
        let base = g * n
        var keys: [UInt64] = []
        var order: [Int32] = []
        var scratch = StableRadixSort.Scratch()
        for (s, members) in segmentRows.enumerated() {
            // Members are in tie-break order; a stable sort by score keeps it among equal scores.
            keys.removeAll(keepingCapacity: true)
            for row in members { keys.append(StableRadixSort.descendingKey(scores[base + Int(row)])) }
            order.removeAll(keepingCapacity: true)
            order.append(contentsOf: members)
            StableRadixSort.sort(keys: &keys, items: &order, scratch: &scratch)
            let limit = limits?[s] ?? 0
            for (r, row) in order.enumerated() {
                let i = base + Int(row)
                ranks[i] = Int32(r + 1)
                if let threshold {
                    selected[i] = scores[i] >= threshold
                } else {
                    selected[i] = r < limit
                }
            }
        }
    }
}
