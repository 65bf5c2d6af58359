import LinearAlgebra

/// One bisection of HBAC: k-means with k = 2 (Lloyd 1982, IEEE Trans. Inf. Theory 28:129–137),
/// seeded by k-means++ (Arthur & Vassilvitskii 2007, SODA), the best of ``restarts`` starts by
/// inertia (the sum of squared distances to the nearest centroid).
///
/// Each Lloyd iteration computes the distances of the m points to the two centroids with one
/// dgemm: `G = X·Cᵀ` (m × 2), then `‖x − c‖² = ‖x‖² − 2·G + ‖c‖²`, so the point goes to the
/// centroid with the smaller `‖c‖² − 2·G` (the centroid 0 on a tie). Never a pairwise m × m
/// matrix. Iterations stop when no point changes side, or after ``maximumIterations``.
public enum KMeansBisection {
    public static let restarts = 3
    public static let maximumIterations = 100

    /// The two sides and their centroids.
    public struct Result: Sendable, Equatable {
        /// 0 or 1 per point.
        public let sides: [UInt8]
        /// 2 × p: row k is centroid k.
        public let centroids: Matrix
        /// Σ min_k ‖x − c_k‖².
        public let inertia: Double
    }

    /// Bisects the rows of `x`; `nil` when the points cannot be split (fewer than 2, or all equal).
    public static func bisect<R: RandomNumberGenerator>(_ x: Matrix, using random: inout R) throws -> Result? {
        let m = x.rows, p = x.columns
        guard m >= 2, p >= 1 else { return nil }
        var norms = [Double](repeating: 0, count: m)
        for j in 0..<p {
            let base = j * m
            for i in 0..<m { let v = x.storage[base + i]; norms[i] += v * v }
        }
        var best: Result?
        for _ in 0..<restarts {
            guard let start = try plusPlus(x, norms: norms, using: &random) else { return nil }
            let result = try lloyd(x, norms: norms, start: start)
            if let b = best, b.inertia <= result.inertia { continue }
            best = result
        }
        return best
    }

    /// k-means++ for k = 2: a uniform first centre, the second drawn with probability
    /// proportional to the squared distance to the first. `nil` when every point equals the first.
    static func plusPlus<R: RandomNumberGenerator>(_ x: Matrix, norms: [Double], using random: inout R) throws -> Matrix? {
        let m = x.rows, p = x.columns
        let first = uniformIndex(m, using: &random)
        var d = [Double](repeating: 0, count: m)
        var total = 0.0
        for j in 0..<p {
            let base = j * m, c = x.storage[base + first]
            for i in 0..<m { let v = x.storage[base + i] - c; d[i] += v * v }
        }
        for v in d { total += v }
        guard total > 0 else { return nil }
        let u = (Double(random.next() >> 11) + 0.5) * 0x1p-53 * total
        var second = m - 1, running = 0.0
        for i in 0..<m {
            running += d[i]
            if running >= u, d[i] > 0 { second = i; break }
        }
        if d[second] == 0 { second = d.lastIndex { $0 > 0 } ?? second }
        var c = [Double](repeating: 0, count: 2 * p)
        for j in 0..<p {
            c[2 * j] = x.storage[j * m + first]
            c[2 * j + 1] = x.storage[j * m + second]
        }
        return try Matrix(rows: 2, columns: p, columnMajor: c)
    }

    /// Lloyd's iterations from the centroids `start` (2 × p).
    public static func lloyd(_ x: Matrix, norms: [Double], start: Matrix) throws -> Result {
        let m = x.rows, p = x.columns
        var centroids = start
        var sides = [UInt8](repeating: 0, count: m)
        var first = true
        for _ in 0..<maximumIterations {
            let g = try BLAS.gemm(x, centroids, transposeB: true)  // m × 2: x · c_k
            var cn = [0.0, 0.0]
            for j in 0..<p { for k in 0..<2 { let v = centroids.storage[j * 2 + k]; cn[k] += v * v } }
            var changed = false
            g.storage.withUnsafeBufferPointer { gs in
                for i in 0..<m {
                    let s0 = cn[0] - 2 * gs[i], s1 = cn[1] - 2 * gs[m + i]
                    let side: UInt8 = s1 < s0 ? 1 : 0
                    if side != sides[i] { changed = true; sides[i] = side }
                }
            }
            if !changed && !first { break }
            first = false
            // New centroids: the means of each side (a side left empty keeps its centroid).
            var sums = [Double](repeating: 0, count: 2 * p)
            var counts = [0, 0]
            for i in 0..<m { counts[Int(sides[i])] += 1 }
            for j in 0..<p {
                let base = j * m
                for i in 0..<m { sums[j * 2 + Int(sides[i])] += x.storage[base + i] }
            }
            var next = centroids.storage
            for j in 0..<p { for k in 0..<2 where counts[k] > 0 { next[j * 2 + k] = sums[j * 2 + k] / Double(counts[k]) } }
            centroids = try Matrix(rows: 2, columns: p, columnMajor: next)
        }
        // Inertia under the final centroids and sides.
        var cn = [0.0, 0.0]
        for j in 0..<p { for k in 0..<2 { let v = centroids.storage[j * 2 + k]; cn[k] += v * v } }
        let g = try BLAS.gemm(x, centroids, transposeB: true)
        var inertia = 0.0
        for i in 0..<m {
            let k = Int(sides[i])
            inertia += max(0, norms[i] + cn[k] - 2 * g.storage[k * m + i])
        }
        return Result(sides: sides, centroids: centroids, inertia: inertia)
    }

    /// The side of each row of `x` under `centroids` (2 × p): one dgemm.
    public static func assign(_ x: Matrix, centroids: Matrix) throws -> [UInt8] {
        let m = x.rows, p = x.columns
        guard m > 0 else { return [] }
        let g = try BLAS.gemm(x, centroids, transposeB: true)
        var cn = [0.0, 0.0]
        for j in 0..<p { for k in 0..<2 { let v = centroids.storage[j * 2 + k]; cn[k] += v * v } }
        return (0..<m).map { i in cn[1] - 2 * g.storage[m + i] < cn[0] - 2 * g.storage[i] ? 1 : 0 }
    }

    /// A uniform index in 0..<n from 64 random bits (the high word of bits × n: the same on
    /// every platform).
    static func uniformIndex<R: RandomNumberGenerator>(_ n: Int, using random: inout R) -> Int {
        Int(UInt64(n).multipliedFullWidth(by: random.next()).high)
    }
}
