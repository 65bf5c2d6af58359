import LinearAlgebra

extension GroupMoments {
    /// Moments from their parts (one column of ``columns(_:rows:codes:groups:)``).
    init(counts: [Int], means: [Double], squaredDeviations: [Double]) {
        self.counts = counts
        self.means = means
        self.squaredDeviations = squaredDeviations
    }

    /// The moments of every column of `values`, row `i` of the analysis being row `index[i]`
    /// of `values` (or row `i` when `index` is nil): one pass over the rows for the sums and
    /// one for the squared deviations, every column at once.
    ///
    /// Each column's sums and deviations are added in row order, so each column's moments have
    /// the bits of ``init(values:codes:groups:)`` on that column gathered row by row. Why: the
    /// columns' chains of additions overlap instead of following one another, and no column is
    /// gathered to the rows (`index` typically points into a design's few thousand distinct
    /// rows, ``DesignPatterns``, written here row-major so that a row's values are adjacent).
    static func columns(_ values: Matrix, rows index: [Int32]?, codes: [Int32], groups: Int) -> [GroupMoments] {
        let v = values.columns, m = values.rows
        guard v > 0 else { return [] }
        let packed: [Double]
        if index != nil {
            var p = [Double](repeating: 0, count: m * v)
            values.storage.withUnsafeBufferPointer { s in
                for j in 0..<v { for r in 0..<m { p[r * v + j] = s[r + j * m] } }
            }
            packed = p
        } else {
            packed = []
        }
        // Row i's value of column j: packed[index[i]·v + j], or storage[i + j·m].
        let rowStride = index == nil ? 1 : v, columnStride = index == nil ? m : 1
        var counts = [Int](repeating: 0, count: groups)
        var sums = [Double](repeating: 0, count: groups * v)
        var means = [Double](repeating: 0, count: groups * v)
        var deviations = [Double](repeating: 0, count: groups * v)
        let noIndex: [Int32] = []
        (index ?? noIndex).withUnsafeBufferPointer { index in
            (index.isEmpty ? values.storage : packed).withUnsafeBufferPointer { x in
                codes.withUnsafeBufferPointer { codes in
                    @inline(__always) func base(_ i: Int) -> Int { index.isEmpty ? i : Int(index[i]) * rowStride }
                    counts.withUnsafeMutableBufferPointer { counts in
                        sums.withUnsafeMutableBufferPointer { sums in
                            for i in 0..<codes.count {
                                let c = Int(codes[i])
                                guard c >= 0 else { continue }
                                counts[c] += 1
                                let b = base(i), cell = c * v
                                for j in 0..<v { sums[cell + j] += x[b + j * columnStride] }
                            }
                        }
                    }
                    for g in 0..<groups where counts[g] > 0 {
                        for j in 0..<v { means[g * v + j] = sums[g * v + j] / Double(counts[g]) }
                    }
                    means.withUnsafeBufferPointer { means in
                        deviations.withUnsafeMutableBufferPointer { deviations in
                            for i in 0..<codes.count {
                                let c = Int(codes[i])
                                guard c >= 0 else { continue }
                                let b = base(i), cell = c * v
                                for j in 0..<v {
                                    let d = x[b + j * columnStride] - means[cell + j]
                                    deviations[cell + j] += d * d
                                }
                            }
                        }
                    }
                }
            }
        }
        return (0..<v).map { j in
            GroupMoments(counts: counts, means: (0..<groups).map { means[$0 * v + j] },
                         squaredDeviations: (0..<groups).map { deviations[$0 * v + j] })
        }
    }
}
