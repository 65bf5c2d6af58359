import Dispatch
import LinearAlgebra

/// One bisection of HBAC: k-means with k = 2 (Lloyd 1982, IEEE Trans. Inf. Theory 28:129–137),
/// seeded by k-means++ (Arthur & Vassilvitskii 2007, SODA), the best of ``restarts`` starts by
/// inertia (the sum of squared distances to the nearest centroid).
///
/// The points are rows of the compact ``ScanPoints``, taken through a list of indices
/// (`members`); a bisection first copies its cluster's compact rows side by side (a few bytes
/// per number and category, not the dense one-hot matrix), since its passes read them dozens
/// of times — unless the cluster is every point in order (the root of the discovery half,
/// whose points ``ScanEncoding`` built for it), which is side by side already. Each Lloyd iteration is **one pass** over the
/// points: for each point, `g_k = x·c_k` (``ScanKernel``), then `‖x − c_k‖² = ‖x‖² − 2·g_k + ‖c_k‖²`,
/// so the point goes to the centroid with the smaller `‖c_k‖² − 2·g_k` (the centroid 0 on a
/// tie); in the same pass its contribution to the inertia and to the sums of its side. Never
/// a pairwise m × m matrix. Iterations stop when no point changes side, or after
/// ``maximumIterations``.
///
/// **Parallel and deterministic**: the points are cut into fixed chunks of ``chunkRows`` (the
/// cut does not depend on the thread count); each chunk's sums and inertia are summed over its
/// points in order, and the chunks' partial sums are added in chunk order. The result is the
/// same bit for bit on any number of threads, and on at most ``chunkRows`` points it is the
/// plain sequential sum.
public enum KMeansBisection {
    public static let restarts = 3
    public static let maximumIterations = 100
    /// The points of one chunk: the unit of the partial sums.
    public static let chunkRows = 16_384
    /// The points of one tile: the products of a tile stay in the L1 cache (no effect on sums).
    static let tileRows = 512

    /// The two sides and their centroids.
    public struct Result: Sendable, Equatable {
        /// 0 or 1 per point (per member, in the order of the members).
        public let sides: [UInt8]
        /// 2 × p: row k is centroid k.
        public let centroids: Matrix
        /// Σ min_k ‖x − c_k‖².
        public let inertia: Double
    }

    /// Bisects the rows of `x`; `nil` when the points cannot be split (fewer than 2, or all equal).
    public static func bisect<R: RandomNumberGenerator>(_ x: Matrix, using random: inout R) throws -> Result? {
        try bisect(ScanPoints(dense: x), members: Array(0..<x.rows), threads: 1, using: &random)
    }

    /// Bisects the points `members` (indices into `points`) on `threads` threads.
    public static func bisect<R: RandomNumberGenerator>(_ points: ScanPoints, members: [Int], threads: Int,
                                                        using random: inout R) throws -> Result? {
        guard members.count >= 2, points.dimension >= 1 else { return nil }
        // The cluster's points side by side: the passes below then read memory in order. Every
        // point in order (the discovery half's root) is already so: no copy.
        let local = members.elementsEqual(0..<points.count) ? points : points.subset(members), all = Array(0..<members.count)
        var best: Result?
        for _ in 0..<restarts {
            guard let start = try plusPlus(local, members: all, threads: threads, contiguous: true, using: &random) else { return nil }
            let result = try lloyd(local, members: all, start: start, threads: threads, contiguous: true)
            if let b = best, b.inertia <= result.inertia { continue }
            best = result
        }
        return best
    }

    /// k-means++ for k = 2: a uniform first centre, the second drawn with probability
    /// proportional to the squared distance to the first. `nil` when every point equals the first.
    /// `contiguous`: `members` is `0..<points.count` (the loops then read the points in order).
    static func plusPlus<R: RandomNumberGenerator>(_ points: ScanPoints, members: [Int], threads: Int, contiguous: Bool = false,
                                                   using random: inout R) throws -> Matrix? {
        let m = members.count, p = points.dimension
        let first = uniformIndex(m, using: &random)
        var d = [Double](repeating: 0, count: m)
        points.withKernel { kernel in
            members.withUnsafeBufferPointer { mb in
                d.withUnsafeMutableBufferPointer { db in
                    let shared = Shared(members: contiguous ? nil : mb.baseAddress!, out: db.baseAddress!)
                    forEachChunk(m, threads: threads) { _, range in
                        kernel.squaredDistances(shared.members, range, to: kernel.point(shared.members, first), shared.out + range.lowerBound)
                    }
                }
            }
        }
        var total = 0.0
        for v in d { total += v }
        guard total > 0 else { return nil }
        let u = (Double(random.next() >> 11) + 0.5) * 0x1p-53 * total
        var second = m - 1, running = 0.0
        for i in 0..<m {
            running += d[i]
            if running >= u, d[i] > 0 { second = i; break }
        }
        if d[second] == 0 { second = d.lastIndex { $0 > 0 } ?? second }
        let a = points.row(members[first]), b = points.row(members[second])
        var c = [Double](repeating: 0, count: 2 * p)
        for j in 0..<p {
            c[2 * j] = a[j]
            c[2 * j + 1] = b[j]
        }
        return try Matrix(rows: 2, columns: p, columnMajor: c)
    }

    /// Lloyd's iterations on the rows of `x` from the centroids `start` (2 × p), on one thread.
    public static func lloyd(_ x: Matrix, start: Matrix) throws -> Result {
        try lloyd(ScanPoints(dense: x), members: Array(0..<x.rows), start: start, threads: 1)
    }

    /// Lloyd's iterations on the points `members` from the centroids `start` (2 × p), on
    /// `threads` threads. `carrying: false` computes every point in every pass (no
    /// ``SideBounds``, the one-hot columns counted again): the same bits, for comparison.
    public static func lloyd(_ points: ScanPoints, members: [Int], start: Matrix, threads: Int, carrying: Bool = true) throws -> Result {
        try lloyd(points, members: members, start: start, threads: threads, contiguous: false, carrying: carrying)
    }

    /// `contiguous`: `members` is `0..<points.count` (the loops then read the points in order).
    /// `carrying`: the iterations carry Hamerly's bounds (``SideBounds``) and the counts of the
    /// one-hot columns (``ChunkTallies``) from pass to pass; without, every pass computes every
    /// point and counts again (the same bits, slower: what the tests compare with).
    static func lloyd(_ points: ScanPoints, members: [Int], start: Matrix, threads: Int, contiguous: Bool, carrying: Bool = true) throws -> Result {
        let m = members.count, p = points.dimension
        var centroids = start.storage
        var sides = [UInt8](repeating: 0, count: m)
        let bounds = carrying ? SideBounds(points: points, members: members) : nil
        let tallies = ChunkTallies(chunks: (m + chunkRows - 1) / chunkRows, dimension: p)
        var first = true
        var converged = false
        for _ in 0..<maximumIterations {
            let pass = onePass(points, members: members, centroids: centroids, sides: &sides, work: .assignAndSum, bounds: bounds, tallies: tallies,
                               threads: threads, contiguous: contiguous)
            tallies.isCounted = carrying
            if !pass.changed && !first { converged = true; break }
            first = false
            // New centroids: the means of each side (a side left empty keeps its centroid).
            var moved = centroids
            for j in 0..<p {
                for k in 0..<2 where pass.counts[k] > 0 { moved[j * 2 + k] = pass.sums[j * 2 + k] / Double(pass.counts[k]) }
            }
            bounds?.centroidsMoved(from: centroids, to: moved)
            centroids = moved
        }
        // The inertia under the last centroids and the final sides (after convergence, those of
        // the last pass, which moved no point; else the centroids moved after the last pass):
        // one pass that only measures, the iterations having skipped it.
        let total = onePass(points, members: members, centroids: centroids, sides: &sides, work: converged ? .inertia : .assignAndInertia,
                            threads: threads, contiguous: contiguous).inertia
        return Result(sides: sides, centroids: try Matrix(rows: 2, columns: p, columnMajor: centroids), inertia: total)
    }

    /// What a pass over the points does.
    enum PassWork {
        /// Each point to the nearer centroid, then the counts and sums per side (an iteration).
        case assignAndSum
        /// The inertia under the sides as they are (after convergence).
        case inertia
        /// Each point to the nearer centroid, then the inertia (after the last iteration).
        case assignAndInertia

        var assigns: Bool { self != .inertia }
        var sums: Bool { self == .assignAndSum }
    }

    /// One pass over the points: (when `work` assigns) each point to the nearer centroid, then
    /// the counts and sums per side, or the inertia, chunk by chunk, the chunks added in order.
    /// An iteration needs the sums, not the inertia: the inertia is measured once, by a last pass
    /// under the final centroids, over the points in the same order — the number a pass that
    /// also measured it at each iteration gave at the last one.
    /// With `bounds` (an iteration), a point whose side cannot change under the new centroids
    /// (``SideBounds``) keeps it without its products being computed.
    static func onePass(_ points: ScanPoints, members: [Int], centroids: [Double], sides: inout [UInt8],
                        work: PassWork, bounds: SideBounds? = nil, tallies: ChunkTallies? = nil,
                        threads: Int, contiguous: Bool) -> (changed: Bool, inertia: Double, counts: [Int], sums: [Double]) {
        precondition(!work.sums || tallies != nil, "an iteration's sums read the one-hot counts from its tallies")
        let m = members.count, p = points.dimension
        let chunks = (m + chunkRows - 1) / chunkRows
        var cn = [0.0, 0.0]
        for j in 0..<p { for k in 0..<2 { let v = centroids[j * 2 + k]; cn[k] += v * v } }
        let cn0 = cn[0], cn1 = cn[1]
        // Per chunk: 2p sums, then inertia, count 0, count 1, changed (as 0/1).
        let stride = 2 * p + 4
        var partials = [Double](repeating: 0, count: chunks * stride)
        points.withKernel { kernel in
            members.withUnsafeBufferPointer { mb in
                sides.withUnsafeMutableBufferPointer { sb in
                    partials.withUnsafeMutableBufferPointer { pb in
                        centroids.withUnsafeBufferPointer { cb in
                            var shared = Shared(members: contiguous ? nil : mb.baseAddress!, out: pb.baseAddress!, sides: sb.baseAddress!,
                                                centroids: cb.baseAddress!)
                            shared.bounds = bounds?.pass(centroidNorms: cn0, cn1)
                            shared.tallies = tallies
                            forEachChunk(m, threads: threads) { [shared] chunk, range in
                                let sums = shared.out + chunk * stride
                                let tally = shared.tallies?.chunk(chunk)
                                let counted = shared.tallies?.isCounted ?? false
                                let scratch = ScanKernel.ChunkScratch(dimension: p, tileRows: tileRows)
                                defer { scratch.deallocate() }
                                let g = UnsafeMutablePointer<Double>.allocate(capacity: 2 * tileRows)
                                defer { g.deallocate() }
                                let g0 = g, g1 = g + tileRows
                                var inertia = 0.0, count1 = 0, changed = false
                                for lo in Swift.stride(from: range.lowerBound, to: range.upperBound, by: tileRows) {
                                    let tile = lo..<min(lo + tileRows, range.upperBound)
                                    let s = shared.sides + lo
                                    if let bound = shared.bounds {
                                        // The points whose side may change, then their products only.
                                        var active = 0
                                        for t in 0..<tile.count {
                                            scratch.active[active] = kernel.point(shared.members, lo + t)
                                            scratch.position[active] = t
                                            active &+= Int(unsafeBitCast(bound.mayChange(lo + t), to: UInt8.self))
                                        }
                                        kernel.products(UnsafePointer(scratch.active), 0..<active, centroids: shared.centroids, g0, g1)
                                        for a in 0..<active {
                                            let t = scratch.position[a]
                                            let s0 = cn0 - 2 * g0[a], s1 = cn1 - 2 * g1[a]
                                            let side: UInt8 = s1 < s0 ? 1 : 0
                                            if side != s[t] {
                                                changed = true
                                                if counted, let tally { kernel.changeSide(scratch.active[a], from: s[t], to: side, tally, dimension: p) }
                                            }
                                            s[t] = side
                                            bound.measured(lo + t, norm: kernel.norms[scratch.active[a]], s0, s1, side: side)
                                        }
                                    } else {
                                        kernel.products(shared.members, tile, centroids: shared.centroids, g0, g1)
                                        if work.assigns {
                                            for t in 0..<tile.count {
                                                let s0 = cn0 - 2 * g0[t], s1 = cn1 - 2 * g1[t]
                                                let side: UInt8 = s1 < s0 ? 1 : 0
                                                changed = changed || side != s[t]
                                                s[t] = side
                                            }
                                        }
                                    }
                                    if work.sums {
                                        kernel.addNumbersToSums(shared.members, tile, sides: s, sums)
                                        if !counted {
                                            kernel.countCategories(shared.members, tile, sides: s, scratch.counts, dimension: p)
                                            for t in 0..<tile.count { count1 &+= Int(s[t]) }
                                        }
                                    } else {
                                        for t in 0..<tile.count {
                                            let one = s[t] != 0
                                            let norm = kernel.norms[kernel.point(shared.members, lo + t)]
                                            inertia += max(0, norm + (one ? cn1 : cn0) - 2 * (one ? g1[t] : g0[t]))
                                            count1 &+= Int(s[t])
                                        }
                                    }
                                }
                                if work.sums, let tally {
                                    if !counted {
                                        for j in 0..<(2 * p) { tally[j] = scratch.counts[j] + scratch.counts[2 * p + j] }
                                        tally[2 * p] = count1
                                    }
                                    kernel.finishSums(sums, tally: tally, dimension: p)
                                    count1 = tally[2 * p]
                                }
                                sums[2 * p] = inertia
                                sums[2 * p + 1] = Double(range.count - count1)
                                sums[2 * p + 2] = Double(count1)
                                sums[2 * p + 3] = changed ? 1 : 0
                            }
                        }
                    }
                }
            }
        }
        var sums = [Double](repeating: 0, count: 2 * p)
        var inertia = 0.0, counts = [0, 0], changed = false
        for c in 0..<chunks {
            let base = c * stride
            for j in 0..<(2 * p) { sums[j] += partials[base + j] }
            inertia += partials[base + 2 * p]
            counts[0] += Int(partials[base + 2 * p + 1])
            counts[1] += Int(partials[base + 2 * p + 2])
            if partials[base + 2 * p + 3] != 0 { changed = true }
        }
        return (changed, inertia, counts, sums)
    }

    /// The side of each row of `x` under `centroids` (2 × p).
    public static func assign(_ x: Matrix, centroids: Matrix) throws -> [UInt8] {
        assign(ScanPoints(dense: x), members: Array(0..<x.rows), centroids: centroids, threads: 1)
    }

    /// The side of each point `members` under `centroids` (2 × p): the nearer centroid, 0 on a tie.
    public static func assign(_ points: ScanPoints, members: [Int], centroids: Matrix, threads: Int) -> [UInt8] {
        let m = members.count, p = points.dimension
        guard m > 0 else { return [] }
        var cn = [0.0, 0.0]
        for j in 0..<p { for k in 0..<2 { let v = centroids.storage[j * 2 + k]; cn[k] += v * v } }
        let cn0 = cn[0], cn1 = cn[1]
        var sides = [UInt8](repeating: 0, count: m)
        points.withKernel { kernel in
            members.withUnsafeBufferPointer { mb in
                sides.withUnsafeMutableBufferPointer { sb in
                    centroids.storage.withUnsafeBufferPointer { cb in
                        let shared = Shared(members: mb.baseAddress!, out: nil, sides: sb.baseAddress!, centroids: cb.baseAddress!)
                        forEachChunk(m, threads: threads) { _, range in
                            let g = UnsafeMutablePointer<Double>.allocate(capacity: 2 * tileRows)
                            defer { g.deallocate() }
                            for lo in Swift.stride(from: range.lowerBound, to: range.upperBound, by: tileRows) {
                                let tile = lo..<min(lo + tileRows, range.upperBound)
                                kernel.products(shared.members, tile, centroids: shared.centroids, g, g + tileRows)
                                for t in 0..<tile.count {
                                    shared.sides[lo + t] = cn1 - 2 * g[tileRows + t] < cn0 - 2 * g[t] ? 1 : 0
                                }
                            }
                        }
                    }
                }
            }
        }
        return sides
    }

    /// Runs `body(chunk, rows)` for the fixed chunks of ``chunkRows`` of `0..<m`, on at most
    /// `threads` workers (worker w takes the chunks w, w + workers, …).
    static func forEachChunk(_ m: Int, threads: Int, _ body: @Sendable (Int, Range<Int>) -> Void) {
        let chunks = (m + chunkRows - 1) / chunkRows
        let workers = max(1, min(threads, chunks))
        if workers == 1 {
            for c in 0..<chunks { body(c, (c * chunkRows)..<min(m, (c + 1) * chunkRows)) }
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                for c in Swift.stride(from: w, to: chunks, by: workers) { body(c, (c * chunkRows)..<min(m, (c + 1) * chunkRows)) }
            }
        }
    }

    /// A uniform index in 0..<n from 64 random bits (the high word of bits × n: the same on
    /// every platform).
    static func uniformIndex<R: RandomNumberGenerator>(_ n: Int, using random: inout R) -> Int {
        Int(UInt64(n).multipliedFullWidth(by: random.next()).high)
    }

    /// The pointers the workers share; each worker writes only its own chunk's slots.
    struct Shared: @unchecked Sendable {
        /// `nil`: the points themselves, in order.
        let members: UnsafePointer<Int>?
        let out: UnsafeMutablePointer<Double>!
        var sides: UnsafeMutablePointer<UInt8>! = nil
        var centroids: UnsafePointer<Double>! = nil
        /// The bounds of an iteration's pass, when it skips points.
        var bounds: SideBounds.Pass?
        /// An iteration's counts per chunk, carried from pass to pass.
        var tallies: ChunkTallies?
    }
}

