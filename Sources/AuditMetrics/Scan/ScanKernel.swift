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
    let categories: UnsafeBufferPointer<UInt8>
    let norms: UnsafeBufferPointer<Double>
    let blocks: [ScanPoints.Block]
    let weight: Double
    /// `repeatedWeight[c]`: `w` added `c` times to 0, one addition after the other (what a
    /// chunk's sum over a one-hot column is when `c` of its points have the category there).
    let repeatedWeight: UnsafeBufferPointer<Double>
    /// The number blocks and the category blocks of ``blocks``, each in column order.
    let numberBlocks: [ScanPoints.Block], categoryBlocks: [ScanPoints.Block]

    init(count: Int, numbers: UnsafeBufferPointer<Double>, categories: UnsafeBufferPointer<UInt8>, norms: UnsafeBufferPointer<Double>,
         blocks: [ScanPoints.Block], weight: Double, repeatedWeight: UnsafeBufferPointer<Double>) {
        self.count = count
        self.numbers = numbers
        self.categories = categories
        self.norms = norms
        self.blocks = blocks
        self.weight = weight
        self.repeatedWeight = repeatedWeight
        numberBlocks = blocks.filter(\.isNumber)
        categoryBlocks = blocks.filter { !$0.isNumber }
    }

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

    /// The working memory of one chunk's pass.
    struct ChunkScratch {
        /// Two banks of 2p counts (``countCategories(_:_:sides:_:dimension:)``).
        let counts: UnsafeMutablePointer<Int>
        /// A tile's points whose side may change (``SideBounds``) and their positions in the tile.
        let active: UnsafeMutablePointer<Int>, position: UnsafeMutablePointer<Int>

        init(dimension p: Int, tileRows: Int) {
            counts = .allocate(capacity: 4 * p)
            counts.initialize(repeating: 0, count: 4 * p)
            active = .allocate(capacity: tileRows)
            position = .allocate(capacity: tileRows)
        }

        func deallocate() {
            counts.deallocate()
            active.deallocate()
            position.deallocate()
        }
    }

    /// Adds each point `members[lo + t]` to the sums of its side `sides[t]`, for the number
    /// columns: `sums[2j + k] += x_j` (2 × p column-major), the points in order, 0 added to the
    /// other side's sum (`s + 0 = s`: the sums start at +0 and are never −0). Up to four number
    /// columns at once, one SIMD lane per column: each lane is its own sum in point order, the
    /// same bits as one column at a time, without waiting on one chain of additions per column.
    func addNumbersToSums(_ members: UnsafePointer<Int>?, _ range: Range<Int>, sides: UnsafePointer<UInt8>, _ sums: UnsafeMutablePointer<Double>) {
        let lo = range.lowerBound, len = range.count
        let zero = SIMD4<Double>(repeating: 0)
        for first in Swift.stride(from: 0, to: numberBlocks.count, by: 4) {
            let group = min(4, numberBlocks.count - first)
            // Lanes past the group's columns read its first column again and are not written back.
            let b0 = numberBlocks[first], b1 = numberBlocks[first + min(1, group - 1)]
            let b2 = numberBlocks[first + min(2, group - 1)], b3 = numberBlocks[first + min(3, group - 1)]
            let x0 = numbers.baseAddress! + b0.slot * count, x1 = numbers.baseAddress! + b1.slot * count
            let x2 = numbers.baseAddress! + b2.slot * count, x3 = numbers.baseAddress! + b3.slot * count
            var acc0 = SIMD4(sums[2 * b0.column], sums[2 * b1.column], sums[2 * b2.column], sums[2 * b3.column])
            var acc1 = SIMD4(sums[2 * b0.column + 1], sums[2 * b1.column + 1], sums[2 * b2.column + 1], sums[2 * b3.column + 1])
            for t in 0..<len {
                let i = point(members, lo + t)
                let v = SIMD4(x0[i], x1[i], x2[i], x3[i])
                let one = SIMDMask<SIMD4<Int64>>(repeating: sides[t] != 0)
                acc0 += v.replacing(with: zero, where: one)
                acc1 += zero.replacing(with: v, where: one)
            }
            for lane in 0..<group {
                let column = numberBlocks[first + lane].column
                sums[2 * column] = acc0[lane]
                sums[2 * column + 1] = acc1[lane]
            }
        }
    }

    /// Counts each point `members[lo + t]` in its side's one-hot column of each category:
    /// `counts[2j + k] += 1`, in two banks of 2p counts by the parity of `t` (to shorten the
    /// chains of additions); merged by ``ChunkTallies``.
    func countCategories(_ members: UnsafePointer<Int>?, _ range: Range<Int>, sides: UnsafePointer<UInt8>,
                         _ counts: UnsafeMutablePointer<Int>, dimension p: Int) {
        let lo = range.lowerBound, len = range.count
        for block in blocks where !block.isNumber {
            let index = categories.baseAddress! + block.slot * count
            let c = counts + 2 * block.column, c2 = c + 2 * p
            if let members {
                let m = members + lo
                for t in 0..<len {
                    let bank = (t & 1) == 0 ? c : c2
                    bank[2 * Int(index[m[t]]) + Int(sides[t])] &+= 1
                }
            } else {
                let ks = index + lo
                var t = 0
                while t + 1 < len {
                    c[2 * Int(ks[t]) + Int(sides[t])] &+= 1
                    c2[2 * Int(ks[t + 1]) + Int(sides[t + 1])] &+= 1
                    t += 2
                }
                if t < len { c[2 * Int(ks[t]) + Int(sides[t])] &+= 1 }
            }
        }
    }

    /// Moves point `i` from side `old` to side `new` in a chunk's ``ChunkTallies``.
    @inline(__always) func changeSide(_ i: Int, from old: UInt8, to new: UInt8, _ tally: UnsafeMutablePointer<Int>, dimension p: Int) {
        for block in categoryBlocks {
            let j = 2 * (block.column + Int(categories[block.slot * count + i]))
            tally[j + Int(old)] &-= 1
            tally[j + Int(new)] &+= 1
        }
        tally[2 * p] &+= Int(new) &- Int(old)
    }

    /// The sums of the one-hot columns from a chunk's ``ChunkTallies``: `w` added `count` times.
    func finishSums(_ sums: UnsafeMutablePointer<Double>, tally: UnsafePointer<Int>, dimension p: Int) {
        for block in categoryBlocks {
            for j in (2 * block.column)..<(2 * (block.column + block.width)) {
                sums[j] = repeatedWeight[tally[j]]
            }
        }
    }
}
