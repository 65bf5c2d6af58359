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

    /// Adds the statistics of a disjoint set of rows (same groupings).
    public mutating func merge(_ other: AuditStatistics) {
        precondition(other.groupings == groupings, "merging statistics of different groupings")
        for g in groups.indices {
            for c in groups[g].indices { groups[g][c] += other.groups[g][c] }
        }
        overall += other.overall
    }

    /// The sequential kernel: a plain counting loop (not BLAS: see `LinearAlgebra/README.md`).
    static func accumulate(store: ColumnStore, groupings: [Grouping], rows: Range<Int>) -> AuditStatistics {
        var result = AuditStatistics(empty: groupings)
        let label = store.label
        let decision = store.decision
        let weight = store.weight
        // Flat per-grouping arrays: index = 4·group + cell.
        var counts = groupings.map { [Int](repeating: 0, count: 4 * $0.groups.count) }
        var sums = groupings.map { [Double](repeating: 0, count: weight == nil ? 0 : 4 * $0.groups.count) }
        var squares = sums
        var overallCounts = SIMD4<Int>.zero
        var overallSums = SIMD4<Double>.zero
        var overallSquares = SIMD4<Double>.zero
        let columns = store.attributes.map(\.codes)
        for r in rows {
            let cell = 2 * Int(label?[r] ?? 0) + Int(decision?[r] ?? 0)
            overallCounts[cell] &+= 1
            let w = weight?[r] ?? 1
            if weight != nil {
                overallSums[cell] += w
                overallSquares[cell] += w * w
            }
            for g in 0..<groupings.count {
                let grouping = groupings[g]
                var code = 0
                for (i, component) in grouping.components.enumerated() {
                    code += Int(columns[component][r]) * grouping.strides[i]
                }
                let index = 4 * code + cell
                counts[g][index] &+= 1
                if weight != nil {
                    sums[g][index] += w
                    squares[g][index] += w * w
                }
            }
        }
        for g in 0..<groupings.count {
            for c in 0..<groupings[g].groups.count {
                let n = SIMD4(counts[g][4 * c], counts[g][4 * c + 1], counts[g][4 * c + 2], counts[g][4 * c + 3])
                let ws: SIMD4<Double>
                let ss: SIMD4<Double>
                if weight != nil {
                    ws = SIMD4(sums[g][4 * c], sums[g][4 * c + 1], sums[g][4 * c + 2], sums[g][4 * c + 3])
                    ss = SIMD4(squares[g][4 * c], squares[g][4 * c + 1], squares[g][4 * c + 2], squares[g][4 * c + 3])
                } else {
                    ws = SIMD4<Double>(n)
                    ss = ws
                }
                result.groups[g][c] = GroupStatistics(rows: n, weights: ws, weightSquares: ss)
            }
        }
        result.overall = weight == nil
            ? GroupStatistics(rows: overallCounts, weights: SIMD4<Double>(overallCounts), weightSquares: SIMD4<Double>(overallCounts))
            : GroupStatistics(rows: overallCounts, weights: overallSums, weightSquares: overallSquares)
        return result
    }
}

/// Lets the workers of the parallel pass write their own, disjoint slots.
private struct PartialsBox: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<AuditStatistics?>
}
