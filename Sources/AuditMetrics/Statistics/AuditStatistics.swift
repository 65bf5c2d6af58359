import AuditData
import Dispatch

/// Per-group sufficient statistics of every grouping of an audit, and of the whole population,
/// computed in one pass over the column store.
///
/// The pass is split into fixed blocks of `blockSize` rows, whatever the number of threads;
/// each block yields partial statistics, and the partials are merged in block order. The
/// result is therefore identical (bit for bit, weights included) on 1 or 16 threads.
public struct AuditStatistics: Sendable, Equatable {
    /// The groupings, in output order.
    public let groupings: [Grouping]
    /// `groups[g][c]`: statistics of group `c` of grouping `g`.
    public private(set) var groups: [[GroupStatistics]]
    /// Statistics of all rows.
    public private(set) var overall: GroupStatistics

    /// Rows per block of the parallel pass. Part of the result's definition (weighted sums
    /// are added block by block), so it is a constant, not a tuning knob.
    public static let blockSize = 1 << 16

    /// An empty table for these groupings (the identity of `merge`).
    public init(empty groupings: [Grouping]) {
        self.groupings = groupings
        self.groups = groupings.map { [GroupStatistics](repeating: .zero, count: $0.groups.count) }
        self.overall = .zero
    }

    /// One pass over `store`, on `threads` threads (at least 1).
    public init(store: ColumnStore, groupings: [Grouping], threads: Int = 1) {
        self.init(store: store, groupings: groupings, rows: 0..<store.rowCount, threads: threads)
    }

    /// The statistics of the rows in `range` only (for merging tests and split audits).
    public init(store: ColumnStore, groupings: [Grouping], rows range: Range<Int>, threads: Int = 1) {
        let blocks = stride(from: range.lowerBound, to: range.upperBound, by: Self.blockSize).map {
            $0..<min($0 + Self.blockSize, range.upperBound)
        }
        let partials = UnsafeMutableBufferPointer<AuditStatistics?>.allocate(capacity: blocks.count)
        partials.initialize(repeating: nil)
        defer { partials.deinitialize(); partials.deallocate() }
        let box = PartialsBox(buffer: partials)
        let workers = max(1, min(threads, blocks.count))
        if workers == 1 {
            for (b, block) in blocks.enumerated() {
                box.buffer[b] = Self.accumulate(store: store, groupings: groupings, rows: block)
            }
        } else {
            // Worker w takes blocks w, w + workers, …; each writes only its own slots.
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                for b in stride(from: w, to: blocks.count, by: workers) {
                    box.buffer[b] = Self.accumulate(store: store, groupings: groupings, rows: blocks[b])
                }
            }
        }
        var result = AuditStatistics(empty: groupings)
        for b in 0..<blocks.count { result.merge(partials[b]!) }
        self = result
    }

    /// Sets one group's statistics (for statistics assembled from counts, e.g. simulations).
    package mutating func setGroup(_ grouping: Int, _ group: Int, _ statistics: GroupStatistics) {
        groups[grouping][group] = statistics
    }

    /// Sets the whole population's statistics.
    package mutating func setOverall(_ statistics: GroupStatistics) {
        overall = statistics
    }

    /// Adds the statistics of a disjoint set of rows (same groupings).
    public mutating func merge(_ other: AuditStatistics) {
        precondition(other.groupings == groupings, "merging statistics of different groupings")
        for g in groups.indices {
            for c in groups[g].indices { groups[g][c] += other.groups[g][c] }
        }
        overall += other.overall
    }

    /// The sequential kernel: a plain counting loop over one block (not BLAS: see
    /// `LinearAlgebra/README.md`), on raw buffers so that the hot loop has no bounds,
    /// overflow or uniqueness checks: one flat counter array for all groupings, indexed
    /// `offset[g] + 4·group + cell`.
    static func accumulate(store: ColumnStore, groupings: [Grouping], rows: Range<Int>) -> AuditStatistics {
        var result = AuditStatistics(empty: groupings)
        let weighted = store.weight != nil
        // Flat layout of every grouping's counters.
        var offsets: [Int] = []
        var total = 0
        for grouping in groupings {
            offsets.append(total)
            total += 4 * grouping.groups.count
        }
        // Components of all groupings, flattened: grouping g uses entries componentStart[g]..<componentStart[g+1].
        var componentStart = [0]
        var componentAttribute: [Int] = []
        var componentStride: [Int] = []
        for grouping in groupings {
            componentAttribute += grouping.components
            componentStride += grouping.strides
            componentStart.append(componentAttribute.count)
        }
        // The confusion cell of each row of the block: 2·label + decision.
        var cells = [UInt8](repeating: 0, count: rows.count)
        if let label = store.label {
            for (i, r) in rows.enumerated() { cells[i] = 2 &* label[r] }
        }
        if let decision = store.decision {
            for (i, r) in rows.enumerated() { cells[i] &+= decision[r] }
        }
        var counts = [Int](repeating: 0, count: total)
        var sums = [Double](repeating: 0, count: weighted ? total : 0)
        var squares = sums
        let score = store.score
        let scored = score != nil
        // Per group (not per cell): rows with a score, Σw, Σw·s, Σw·s².
        var groupBaseBuilder: [Int] = []
        var groupTotal = 0
        for grouping in groupings {
            groupBaseBuilder.append(groupTotal)
            groupTotal += grouping.groups.count
        }
        let groupBase = groupBaseBuilder
        var scoreRows = [Int](repeating: 0, count: scored ? groupTotal : 0)
        var scoreWeights = [Double](repeating: 0, count: scored ? groupTotal : 0)
        var scoreSums = scoreWeights
        var scoreSquares = scoreWeights
        var overallScore = (rows: 0, weight: 0.0, sum: 0.0, squares: 0.0)
        var overallCounts = SIMD4<Int>.zero
        var overallSums = SIMD4<Double>.zero
        var overallSquares = SIMD4<Double>.zero
        let groupingCount = groupings.count

        withCodeBuffers(store.attributes.map(\.codes)) { codes, shifts, masks in
            counts.withUnsafeMutableBufferPointer { counts in
            sums.withUnsafeMutableBufferPointer { sums in
            squares.withUnsafeMutableBufferPointer { squares in
            cells.withUnsafeBufferPointer { cells in
            offsets.withUnsafeBufferPointer { offsets in
            componentStart.withUnsafeBufferPointer { componentStart in
            componentAttribute.withUnsafeBufferPointer { componentAttribute in
            componentStride.withUnsafeBufferPointer { componentStride in
            groupBase.withUnsafeBufferPointer { groupBase in
            scoreRows.withUnsafeMutableBufferPointer { scoreRows in
            scoreWeights.withUnsafeMutableBufferPointer { scoreWeights in
            scoreSums.withUnsafeMutableBufferPointer { scoreSums in
            scoreSquares.withUnsafeMutableBufferPointer { scoreSquares in
                let weight = store.weight
                for (i, r) in rows.enumerated() {
                    let cell = Int(cells[i])
                    overallCounts[cell] &+= 1
                    let w = weighted ? weight.unsafelyUnwrapped[r] : 1
                    if weighted {
                        overallSums[cell] += w
                        overallSquares[cell] += w * w
                    }
                    let s = scored ? score.unsafelyUnwrapped[r] : .nan
                    let hasScore = !s.isNaN
                    if hasScore {
                        overallScore.rows &+= 1
                        overallScore.weight += w
                        overallScore.sum += w * s
                        overallScore.squares += w * s * s
                    }
                    for g in 0..<groupingCount {
                        var code = 0
                        for k in componentStart[g]..<componentStart[g &+ 1] {
                            let a = componentAttribute[k]
                            let c = codes[a].loadUnaligned(fromByteOffset: r &<< shifts[a], as: UInt32.self) & masks[a]
                            code &+= Int(c) &* componentStride[k]
                        }
                        let index = offsets[g] &+ 4 &* code &+ cell
                        counts[index] &+= 1
                        if weighted {
                            sums[index] += w
                            squares[index] += w * w
                        }
                        if hasScore {
                            let j = groupBase[g] &+ code
                            scoreRows[j] &+= 1
                            scoreWeights[j] += w
                            scoreSums[j] += w * s
                            scoreSquares[j] += w * s * s
                        }
                    }
                }
            }}}}}}}}}}}}}
        }

        for g in 0..<groupings.count {
            for c in 0..<groupings[g].groups.count {
                let base = offsets[g] + 4 * c
                let n = SIMD4(counts[base], counts[base + 1], counts[base + 2], counts[base + 3])
                defer {
                    if scored {
                        let j = groupBase[g] + c
                        result.groups[g][c].scoredRows = scoreRows[j]
                        result.groups[g][c].scoreWeight = scoreWeights[j]
                        result.groups[g][c].scoreSum = scoreSums[j]
                        result.groups[g][c].scoreSquareSum = scoreSquares[j]
                    }
                }
                if weighted {
                    result.groups[g][c] = GroupStatistics(
                        rows: n,
                        weights: SIMD4(sums[base], sums[base + 1], sums[base + 2], sums[base + 3]),
                        weightSquares: SIMD4(squares[base], squares[base + 1], squares[base + 2], squares[base + 3])
                    )
                } else {
                    let asDouble = SIMD4<Double>(n)
                    result.groups[g][c] = GroupStatistics(rows: n, weights: asDouble, weightSquares: asDouble)
                }
            }
        }
        result.overall = weighted
            ? GroupStatistics(rows: overallCounts, weights: overallSums, weightSquares: overallSquares)
            : GroupStatistics(rows: overallCounts, weights: SIMD4<Double>(overallCounts), weightSquares: SIMD4<Double>(overallCounts))
        result.overall.scoredRows = overallScore.rows
        result.overall.scoreWeight = overallScore.weight
        result.overall.scoreSum = overallScore.sum
        result.overall.scoreSquareSum = overallScore.squares
        return result
    }

    /// Calls `body` with each code column's raw bytes, shift and mask (`GroupCodes.withRawCodes`:
    /// row `r`'s code of column `a` is the 4-byte load at `r << shifts[a]` of `codes[a]`,
    /// masked by `masks[a]`), valid for the call.
    static func withCodeBuffers(_ columns: [GroupCodes], _ body: (UnsafeBufferPointer<UnsafeRawPointer>, UnsafeBufferPointer<Int>, UnsafeBufferPointer<UInt32>) -> Void) {
        var buffers: [UnsafeRawPointer] = []
        var shifts: [Int] = []
        var masks: [UInt32] = []
        func next(_ i: Int) {
            guard i < columns.count else {
                return buffers.withUnsafeBufferPointer { b in shifts.withUnsafeBufferPointer { s in masks.withUnsafeBufferPointer { m in body(b, s, m) } } }
            }
            columns[i].withRawCodes { raw, shift, mask in
                buffers.append(raw)
                shifts.append(shift)
                masks.append(mask)
                next(i + 1)
            }
        }
        next(0)
    }
}

/// Lets the workers of the parallel pass write their own, disjoint slots.
private struct PartialsBox: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<AuditStatistics?>
}
