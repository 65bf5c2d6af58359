import AuditData
import Foundation
import LinearAlgebra

extension GridSensitivity {
    /// Variants scored by one `dgemm` of a worker, at most.
    static let batchColumns = 8
    /// Bytes of scores one worker's batch may hold (32 MiB: 4 variants of a million applicants,
    /// 1 of ten million): the memory of the analysis does not grow with the number of variants.
    static let batchBytes = 32 << 20

    /// What one variant gives: the caller's measure of its scores and selection, and how many
    /// applicants it selects.
    struct Measured<Value> {
        let value: Value
        let selected: Int
    }

    /// Scores every column of `w` (features × variants) exactly and selects it under the
    /// design's own rule and capacities, streaming.
    ///
    /// Scoring runs on the distinct rows of `X` as the design holds them
    /// (``GridDesign/featurePatterns``: a grid's features take few values, so a million
    /// applicants have some tens of thousands of patterns), or on `X` itself when it does not
    /// compress: columns are taken in batches of at most ``batchColumns`` (and, on the rows,
    /// ``batchBytes``), each worker scores its batch by one
    /// single-threaded `dgemm` into its own reused buffer
    /// (``GridDesign/exactScores(scale:features:columns:into:scratch:)``, each row's score
    /// depending on its row alone, so a row's score is its pattern's), then for each column
    /// gathers the rows' scores, selects by ``GridPartialSelection`` (the `k`-th largest score
    /// per segment from a histogram, the tie-break among equal scores: the set
    /// ``GridAllocation`` selects, without ranking everyone;
    /// ``GridPartialSelection/select(scores:decimals:segmentCodes:tieRank:into:scratch:)``) and
    /// hands `body` the scores in points (`scaled / 10^D`, as ``GridScores/points``) and the
    /// selection, both row-aligned with the design. Held per worker: the batch (patterns ×
    /// columns), one column of scaled scores, one of selections, and for each column the
    /// points `body` reads (``measureSelections(design:weights:threads:_:)`` writes none).
    ///
    /// One owner of the cores: with more than one worker, OpenBLAS runs single-threaded for the
    /// phase (`BLASProvider.setOpenBLASThreads`). Each column's result depends on that column
    /// only, and the scores are the same integers on patterns as on rows, so the result does
    /// not depend on `threads` nor on the compression.
    static func measure<Value>(design: GridDesign, weights w: Matrix, threads: Int,
                               _ body: @Sendable (UnsafeBufferPointer<Double>, ArraySlice<Bool>) -> Value) throws -> [Measured<Value>] {
        try measureSelections(design: design, weights: w, threads: threads) { scaled, unit, selected in
            var count = 0
            let points = (0..<scaled.count).map { i in
                count += selected[i] ? 1 : 0
                return scaled[i] / unit
            }
            let value = points.withUnsafeBufferPointer { body($0, ArraySlice(selected)) }
            return Measured(value: value, selected: count)
        }
    }

    /// ``measure(design:weights:threads:_:)`` with `body` given each column's scaled scores
    /// (`scaled`, row-aligned; a row's score in points is `scaled[i] / unit`, bit for bit what
    /// ``GridScores/points`` holds) and its selection, and measuring the column whole: its value
    /// and how many rows it selects. No column of points is written: `body` reads the rows once
    /// (``GroupSlots/tally(scaled:unit:selected:)``). Held per worker: the batch and one column
    /// of scaled scores and one of selections.
    static func measureSelections<Value>(design: GridDesign, weights w: Matrix, threads: Int,
                                         _ body: @Sendable (_ scaled: UnsafeBufferPointer<Double>, _ unit: Double, _ selected: UnsafeBufferPointer<Bool>) -> Measured<Value>) throws -> [Measured<Value>] {
        let n = design.rows, m = w.columns
        guard m > 0 else { return [] }
        let scale = try GridScoreScale(design: design, weights: w)
        // The distinct rows of X as the design holds them, or X itself when it does not compress.
        let x = scale.scalesDesign ? design.scaledFeatures(of: design.featurePatterns) : design.featurePatterns
        let patternOfRow = design.patternOfRow
        let units = x.rows
        let selection = try GridPartialSelection(design: design)
        let unit = scale.unit, decimals = scale.decimals
        let chunk = max(1, min(batchColumns, batchBytes / max(1, units * MemoryLayout<Double>.stride)))
        let chunks = (m + chunk - 1) / chunk
        let workers = max(1, min(threads, chunks))
        var results = [Measured<Value>?](repeating: nil, count: m)
        var failures = [(any Error)?](repeating: nil, count: workers)
        // One owner of the cores: the workers, each with a single-threaded dgemm.
        let previousThreads = workers > 1 ? BLASProvider.setOpenBLASThreads(1) : nil
        defer { if let previousThreads { BLASProvider.setOpenBLASThreads(previousThreads) } }
        results.withUnsafeMutableBufferPointer { results in
            failures.withUnsafeMutableBufferPointer { failures in
                let shared = SensitivityBatches(results: results, failures: failures)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var buffer = [Double](repeating: 0, count: units * min(chunk, m))
                    // The rows' scaled scores of one column, gathered from the patterns'.
                    var gathered = [Double](repeating: 0, count: patternOfRow == nil ? 0 : n)
                    var selected = [Bool](repeating: false, count: n)
                    var groupScratch = GridDesign.GroupScratch()
                    var selectionScratch = GridPartialSelection.RowOrderScratch()
                    var first = worker * chunk
                    while first < m {
                        let columns = first..<min(m, first + chunk)
                        do {
                            try buffer.withUnsafeMutableBufferPointer { out in
                                try design.exactScores(scale: scale, features: x, columns: columns, into: out, scratch: &groupScratch)
                                for (j, v) in columns.enumerated() {
                                    let column = UnsafeBufferPointer(rebasing: out[(j * units)..<((j + 1) * units)])
                                    gathered.withUnsafeMutableBufferPointer { g in
                                        let scaled: UnsafeBufferPointer<Double>
                                        if let patternOfRow {
                                            for i in 0..<n { g[i] = column[Int(patternOfRow[i])] }
                                            scaled = UnsafeBufferPointer(g)
                                        } else {
                                            scaled = column
                                        }
                                        selected.withUnsafeMutableBufferPointer { s in
                                            selection.select(scores: scaled, decimals: decimals, segmentCodes: design.segmentCodes, tieRank: design.tieRank,
                                                             into: s, scratch: &selectionScratch)
                                        }
                                        shared.results[v] = selected.withUnsafeBufferPointer { body(scaled, unit, $0) }
                                    }
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
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        return results.compactMap { $0 }
    }
}

/// The results of ``GridSensitivity/measure(design:weights:threads:_:)``: written by disjoint
/// columns (results) and workers (failures) in parallel.
private struct SensitivityBatches<Value>: @unchecked Sendable {
    let results: UnsafeMutableBufferPointer<GridSensitivity.Measured<Value>?>
    let failures: UnsafeMutableBufferPointer<(any Error)?>
}
