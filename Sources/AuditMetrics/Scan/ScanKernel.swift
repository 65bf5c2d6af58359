/// The row-level loops of the scan's k-means (``KMeansBisection``) over the compact points
/// (``ScanPoints``): for the points `members[lo..<hi]`, the products with two centroids, the
/// squared distances to one point, the sums per side. Each runs block by block in the column
/// order of `X`, so every per-point sum is the one a column-by-column loop over the dense
/// matrix gives (the zeros of a category block add nothing), and each per-centroid sum runs
/// over the points in their order. `members` `nil` stands for the points `lo..<hi` themselves
/// (a cluster copied side by side: the loops then read memory in order). Pointers into storage the caller keeps alive
/// (``ScanPoints/withKernel(_:)``); read-only, so workers may share it.
struct ScanKernel: @unchecked Sendable {
    let count: Int
    let numbers: UnsafeBufferPointer<Double>
    let categories: UnsafeBufferPointer<UInt32>
    let norms: UnsafeBufferPointer<Double>
    let blocks: [ScanPoints.Block]
    let weight: Double
    /// `repeatedWeight[c]`: `w` added `c` times to 0, one addition after the other (what a
    /// chunk's sum over a one-hot column is when `c` of its points have the category there).
    let repeatedWeight: UnsafeBufferPointer<Double>

    /// `g0[t] = x·c₀`, `g1[t] = x·c₁` for the point `members[lo + t]`, `Σ_j x_j·c_kj` from 0 in
    /// column order; `c` is 2 × p column-major (`c[2j + k]`).
    func products(_ members: UnsafePointer<Int>?, _ range: Range<Int>, centroids c: UnsafePointer<Double>,
                  _ g0: UnsafeMutablePointer<Double>, _ g1: UnsafeMutablePointer<Double>) {
        let lo = range.lowerBound, len = range.count
        for t in 0..<len { g0[t] = 0; g1[t] = 0 }
        for block in blocks {
            if block.isNumber {
                let x = numbers.baseAddress! + block.slot * count
                let c0 = c[2 * block.column], c1 = c[2 * block.column + 1]
                if let members {
                    let m = members + lo
                    for t in 0..<len {
                        let v = x[m[t]]
                        g0[t] += v * c0
                        g1[t] += v * c1
                    }
                } else {
                    let xs = x + lo
                    for t in 0..<len {
                        let v = xs[t]
                        g0[t] += v * c0
                        g1[t] += v * c1
                    }
                }
            } else {
                let index = categories.baseAddress! + block.slot * count
                let cb = c + 2 * block.column, w = weight
                if let members {
                    let m = members + lo
                    for t in 0..<len {
                        let j = 2 * Int(index[m[t]])
                        g0[t] += w * cb[j]
                        g1[t] += w * cb[j + 1]
                    }
                } else {
                    let ks = index + lo
                    for t in 0..<len {
                        let j = 2 * Int(ks[t])
                        g0[t] += w * cb[j]
                        g1[t] += w * cb[j + 1]
                    }
                }
            }
        }
    }

    /// The point at position `i` of the members (`members[i]`, or `i` itself).
    @inline(__always) func point(_ members: UnsafePointer<Int>?, _ i: Int) -> Int {
        members.map { $0[i] } ?? i
    }

    /// `d[t] = ‖x − x_f‖²` for the point `members[lo + t]` and the point `f`, `Σ_j (x_j − x_fj)²`
    /// from 0 in column order.
    func squaredDistances(_ members: UnsafePointer<Int>?, _ range: Range<Int>, to f: Int, _ d: UnsafeMutablePointer<Double>) {
        let lo = range.lowerBound, len = range.count
        let identity = UnsafeMutablePointer<Int>.allocate(capacity: members == nil ? len : 0)
        defer { identity.deallocate() }
        if members == nil { for t in 0..<len { identity[t] = lo + t } }
        let m = members.map { $0 + lo } ?? UnsafePointer(identity)
        let w2 = weight * weight
        for t in 0..<len { d[t] = 0 }
        for block in blocks {
            if block.isNumber {
                let x = numbers.baseAddress! + block.slot * count
                let xf = x[f]
                for t in 0..<len { let v = x[m[t]] - xf; d[t] += v * v }
            } else {
                let index = categories.baseAddress! + block.slot * count
                let kf = index[f]
                // Two columns differ by ±w when the categories differ: w² twice, in column order.
                for t in 0..<len where index[m[t]] != kf { d[t] += w2; d[t] += w2 }
            }
        }
    }

    /// Adds each point `members[lo + t]` to the sums of its side `sides[t]`: `sums[2j + k] += x_j`
    /// (2 × p column-major), the points in order, for the number columns; for a one-hot
    /// column, whose values are all `w`, counts the points instead: `counts[2j + k] += 1`
    /// (two banks of 2p counts, by the parity of `t`, to shorten the chains of additions), the
    /// sum being then ``repeatedWeight`` of the count (``finishSums(_:_:)``), the same bits.
    func addToSums(_ members: UnsafePointer<Int>?, _ range: Range<Int>, sides: UnsafePointer<UInt8>, _ sums: UnsafeMutablePointer<Double>,
                   counts: UnsafeMutablePointer<Int>, dimension p: Int) {
        let lo = range.lowerBound, len = range.count
        for block in blocks {
            if block.isNumber {
                let x = numbers.baseAddress! + block.slot * count
                // Two running sums in registers; adding 0 to the other side's leaves it unchanged.
                var s0 = sums[2 * block.column], s1 = sums[2 * block.column + 1]
                if let members {
                    let m = members + lo
                    for t in 0..<len {
                        let v = x[m[t]], one = sides[t] != 0
                        s0 += one ? 0 : v
                        s1 += one ? v : 0
                    }
                } else {
                    let xs = x + lo
                    for t in 0..<len {
                        let v = xs[t], one = sides[t] != 0
                        s0 += one ? 0 : v
                        s1 += one ? v : 0
                    }
                }
                sums[2 * block.column] = s0
                sums[2 * block.column + 1] = s1
            } else {
                let index = categories.baseAddress! + block.slot * count
                let c = counts + 2 * block.column, c2 = c + 2 * p
                if let members {
                    let m = members + lo
                    for t in 0..<len {
                        let bank = (t & 1) == 0 ? c : c2
                        bank[2 * Int(index[m[t]]) + Int(sides[t])] += 1
                    }
                } else {
                    let ks = index + lo
                    var t = 0
                    while t + 1 < len {
                        c[2 * Int(ks[t]) + Int(sides[t])] += 1
                        c2[2 * Int(ks[t + 1]) + Int(sides[t + 1])] += 1
                        t += 2
                    }
                    if t < len { c[2 * Int(ks[t]) + Int(sides[t])] += 1 }
                }
            }
        }
    }

    /// The sums of the one-hot columns from the counts of ``addToSums(_:_:sides:_:counts:dimension:)``.
    func finishSums(_ sums: UnsafeMutablePointer<Double>, counts: UnsafePointer<Int>, dimension p: Int) {
        for block in blocks where !block.isNumber {
            for j in (2 * block.column)..<(2 * (block.column + block.width)) {
                sums[j] = repeatedWeight[counts[j] + counts[2 * p + j]]
            }
        }
    }
}
