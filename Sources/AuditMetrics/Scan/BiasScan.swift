import LinearAlgebra

/// Hierarchical bias-aware clustering (HBAC; Misztal-Radecka & Indurkhya 2021, *Information
/// Processing & Management* 58(3):102519; the open tool of the Algorithm Audit foundation),
/// with an honest held-out test: the search for groups where the outcome is worse than for the
/// rest of the scanned population, with no group declared in advance (`docs/scan.md`).
///
/// The outcome is "higher = better for the applicant" (kept or added by the commission, or a
/// declared outcome column); a cluster is **worse** when its mean is below the rest's.
///
/// 1. **Split** the population's applicants, seeded (Fisher–Yates on xoshiro256** keyed by
///    the seed and the population), into a discovery half (⌈n/2⌉) and a held-out half.
/// 2. **Discover** on the first half only: start from one cluster holding everyone; repeatedly
///    take the leaf with the largest variance of the outcome among those of at least twice the
///    minimum cluster size not yet closed, bisect it by k-means (``KMeansBisection``), and keep
///    the split when both sides have at least the minimum size and their mean outcomes differ;
///    otherwise close the leaf. At most `maximumSplits` splits. Choosing the leaf by the
///    variance of the outcome is what makes the search bias-aware: for a yes/no outcome
///    around 0.8, the leaves where people are dropped more have the larger variance p(1 − p).
/// 3. **Candidates**: the leaves significantly worse than the rest of the discovery half
///    (difference below 0, two-sided p below `alpha`, ``ScanComparison``). Significance is
///    asked of the leaves, not of every cut: a cut is blind to the outcome, and a gate at each
///    cut stopped the search at the first one whenever it went through the group (0 of 10 seeds
///    found the planted cluster of the tests that way). The family is fixed here, before the
///    held-out half is read.
/// 4. **Test** on the held-out half: each held-out applicant goes down the tree of bisections
///    to a leaf (the nearer of the two centroids at each split, one pass per split); each
///    candidate with at least `minimumCellSize` held-out applicants inside and outside is
///    compared with the rest of the held-out half (``ScanComparison``); the p-values are
///    adjusted by Bonferroni over the candidates tested (``MultipleTesting/bonferroni(_:)``).
/// 5. **Reported**: the candidates whose held-out difference is negative with adjusted p-value
///    below `alpha`.
public enum BiasScan {
    public struct Options: Sendable, Equatable {
        public var seed: UInt64
        /// The stream of the seeded split (one per scanned population, so the two populations'
        /// halves are drawn independently).
        public var stream: UInt64
        /// The smallest cluster the discovery may form; ``minimumClusterSize(discoveryRows:minimumCellSize:)`` by default.
        public var minimumClusterSize: Int?
        /// The disclosure threshold: a cluster with fewer held-out applicants (inside, or
        /// outside) is not tested or shown.
        public var minimumCellSize: Int
        public var alpha: Double
        public var level: Double
        public var maximumSplits: Int
        /// The threads of the k-means passes; the results do not depend on it (``KMeansBisection``).
        public var threads: Int

        public init(seed: UInt64 = 1, stream: UInt64 = 0, minimumClusterSize: Int? = nil, minimumCellSize: Int = 10,
                    alpha: Double = 0.05, level: Double = 0.95, maximumSplits: Int = 20, threads: Int = 1) {
            self.seed = seed
            self.stream = stream
            self.minimumClusterSize = minimumClusterSize
            self.minimumCellSize = minimumCellSize
            self.alpha = alpha
            self.level = level
            self.maximumSplits = maximumSplits
            self.threads = threads
        }
    }

    /// The default minimum cluster size on the discovery half: the largest of the disclosure
    /// threshold, 30 (a sensible floor for a comparison of means) and 1 % of the half
    /// (Algorithm Audit's default), so that the search does not chase tiny clusters.
    public static func minimumClusterSize(discoveryRows: Int, minimumCellSize: Int) -> Int {
        max(minimumCellSize, 30, (discoveryRows + 99) / 100)
    }

    /// Scans the applicants whose features are the rows of `x` and whose outcomes are `outcome`
    /// (same order); `binary` when the outcome is 0/1.
    public static func run(_ x: Matrix, outcome: [Double], binary: Bool, options: Options) throws -> ScanResult {
        try run(ScanPoints(dense: x), outcome: outcome, binary: binary, options: options)
    }

    /// Scans the applicants of a population (``ScanFeatureMatrix``).
    public static func run(_ x: ScanFeatureMatrix, outcome: [Double], binary: Bool, options: Options) throws -> ScanResult {
        try run(x.points, outcome: outcome, binary: binary, options: options)
    }

    /// Scans the applicants whose features are the points `x` (``ScanPoints``) and whose
    /// outcomes are `outcome` (same order); `binary` when the outcome is 0/1.
    public static func run(_ x: ScanPoints, outcome: [Double], binary: Bool, options: Options) throws -> ScanResult {
        precondition(outcome.count == x.count, "one outcome per row")
        return try run(count: x.count, outcome: { outcome[$0] }, binary: binary, options: options) { x.subset($0) }
    }

    /// Scans a population of `count` applicants whose outcomes are `outcome(i)` (`i` in
    /// `0..<count`, read once each) and whose points `points(positions)` gives for any ascending
    /// list of positions (``ScanEncoding/points(at:)``): the discovery half's first, then the
    /// held-out half's once the discovery half's are released, never the whole population's
    /// at once.
    public static func run(count n: Int, outcome: (Int) -> Double, binary: Bool, options: Options,
                           points: ([Int]) throws -> ScanPoints) throws -> ScanResult {
        // 1. The seeded split: positions shuffled (Fisher–Yates), the first ⌈n/2⌉ discovery;
        // each half ascending.
        var random = BootstrapRandom(seed: options.seed, stream: options.stream, replicate: 0)
        let half = (n + 1) / 2
        var inDiscovery = [Bool](repeating: false, count: n)
        do {
            var order = (0..<Int32(clamping: n)).map { $0 }
            if n > 1 {
                for i in stride(from: n - 1, to: 0, by: -1) {
                    let j = KMeansBisection.uniformIndex(i + 1, using: &random)
                    order.swapAt(i, j)
                }
            }
            for r in order[..<half] { inDiscovery[Int(r)] = true }
        }
        var discovery: [Int] = [], heldOut: [Int] = []
        discovery.reserveCapacity(half)
        heldOut.reserveCapacity(n - half)
        for i in 0..<n { if inDiscovery[i] { discovery.append(i) } else { heldOut.append(i) } }
        inDiscovery = []
        let minimumSize = options.minimumClusterSize ?? minimumClusterSize(discoveryRows: discovery.count, minimumCellSize: options.minimumCellSize)

        // 2. Discovery on the first half (its points released once the tree is grown).
        let yd = discovery.map { outcome($0) }
        let (nodes, splits) = try discover(try points(discovery), outcome: yd, minimumSize: minimumSize, maximumSplits: options.maximumSplits,
                                           threads: options.threads, using: &random)

        // 3. Candidates: leaves worse than the rest of the discovery half.
        var candidates: [(node: Int, discovery: ScanComparison)] = []
        if nodes.count > 1 {
            for i in nodes.indices where nodes[i].children == nil {
                let c = compare(yd, nodes[i].members, binary: binary, level: options.level)
                if c.difference < 0, let p = c.pValue, p < options.alpha { candidates.append((i, c)) }
            }
        }

        // 4. The held-out half down the tree.
        let yh = heldOut.map { outcome($0) }
        var leafOfHeldOut = [Int](repeating: 0, count: heldOut.count)
        if nodes.count > 1 {
            descend(try points(heldOut), nodes: nodes, node: 0, members: Array(0..<heldOut.count), threads: options.threads, into: &leafOfHeldOut)
        }
        var tested: [(node: Int, discovery: ScanComparison, heldOut: ScanComparison)] = []
        var tooSmall = 0
        for c in candidates {
            let inside = leafOfHeldOut.map { $0 == c.node }
            let count = inside.filter { $0 }.count
            guard count >= options.minimumCellSize, heldOut.count - count >= options.minimumCellSize else { tooSmall += 1; continue }
            tested.append((c.node, c.discovery, ScanComparison.compare(outcome: yh, inCluster: inside, binary: binary, level: options.level)))
        }
        let adjusted = MultipleTesting.bonferroni(tested.map { $0.heldOut.pValue ?? 1 })
        var clusters: [ScanCluster] = []
        for (t, pAdjusted) in zip(tested, adjusted) {
            let reported = t.heldOut.difference < 0 && pAdjusted < options.alpha && t.heldOut.pValue != nil
            clusters.append(ScanCluster(node: t.node, discovery: t.discovery, heldOut: t.heldOut, pAdjusted: pAdjusted, reported: reported))
        }
        // Every applicant of the population (both halves) with their leaf, for the descriptions.
        var leaf = [Int](repeating: 0, count: n)
        for (i, r) in heldOut.enumerated() { leaf[r] = leafOfHeldOut[i] }
        for (i, node) in nodes.enumerated() where node.children == nil { for d in node.members { leaf[discovery[d]] = i } }
        return ScanResult(rows: n, discoveryRows: discovery.count, heldOutRows: heldOut.count, minimumClusterSize: minimumSize,
                          splits: splits, leaves: nodes.filter { $0.children == nil }.count, candidates: candidates.count,
                          candidatesTooSmall: tooSmall, clusters: clusters, leafOfRow: leaf)
    }

    /// Step 2, discovery: the tree of bisections of the points `x` (outcomes `yd`, one per
    /// point), from one node holding every point; the nodes (node 0 the root, members as
    /// indices into `x`) and the number of splits kept.
    static func discover<R: RandomNumberGenerator>(_ x: ScanPoints, outcome yd: [Double], minimumSize: Int, maximumSplits: Int,
                                                   threads: Int, using random: inout R) throws -> (nodes: [ScanNode], splits: Int) {
        precondition(yd.count == x.count, "one outcome per point")
        var nodes = [ScanNode(members: Array(0..<x.count), parent: nil, variance: variance(yd, Array(0..<x.count)))]
        var closed = Set<Int>()
        var splits = 0
        while splits < maximumSplits {
            let open = nodes.indices.filter { nodes[$0].children == nil && !closed.contains($0) && nodes[$0].members.count >= 2 * minimumSize }
            guard let next = open.max(by: { nodes[$0].variance < nodes[$1].variance }) else { break }
            let members = nodes[next].members
            guard let bisection = try KMeansBisection.bisect(x, members: members, threads: threads, using: &random) else {
                closed.insert(next); continue
            }
            let left = members.indices.filter { bisection.sides[$0] == 0 }.map { members[$0] }
            let right = members.indices.filter { bisection.sides[$0] == 1 }.map { members[$0] }
            guard left.count >= minimumSize, right.count >= minimumSize else { closed.insert(next); continue }
            // A cut whose two sides have the same mean outcome separates nothing: closed.
            guard mean(yd, left) != mean(yd, right) else { closed.insert(next); continue }
            nodes.append(ScanNode(members: left, parent: next, variance: variance(yd, left)))
            nodes.append(ScanNode(members: right, parent: next, variance: variance(yd, right)))
            nodes[next].children = (nodes.count - 2, nodes.count - 1)
            nodes[next].centroids = bisection.centroids
            // A split node's members are its children's: only leaves keep theirs (the tests,
            // the candidates and the leaf of each applicant read leaves only).
            nodes[next].members = []
            splits += 1
        }
        return (nodes, splits)
    }

    /// The leaves of step 2 run on every row of `x` (no held-out half), each as its rows
    /// ascending, the leaves ordered by their first row: what the comparison with Algorithm
    /// Audit's reference implementation checks (`Fixtures/reference/scan/hbac_reference.py`,
    /// `docs/scan.md`, "Against Algorithm Audit's implementation"). The random stream is the
    /// seed's stream 0, as ``run(_:outcome:binary:options:)`` draws it for its first population.
    public static func discoveryLeaves(_ x: Matrix, outcome: [Double], minimumSize: Int, maximumSplits: Int = 20, seed: UInt64 = 1) throws -> [[Int]] {
        precondition(outcome.count == x.rows, "one outcome per row")
        var random = BootstrapRandom(seed: seed, stream: 0, replicate: 0)
        let (nodes, _) = try discover(ScanPoints(dense: x), outcome: outcome, minimumSize: minimumSize,
                                      maximumSplits: maximumSplits, threads: 1, using: &random)
        return nodes.filter { $0.children == nil && !$0.members.isEmpty }.map { $0.members.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// Sends the held-out points `members` (indices into `x`) down from `node`.
    static func descend(_ x: ScanPoints, nodes: [ScanNode], node: Int, members: [Int], threads: Int, into leaf: inout [Int]) {
        guard let (a, b) = nodes[node].children, let centroids = nodes[node].centroids else {
            for i in members { leaf[i] = node }
            return
        }
        guard !members.isEmpty else { return }
        let sides = KMeansBisection.assign(x, members: members, centroids: centroids, threads: threads)
        descend(x, nodes: nodes, node: a, members: members.indices.filter { sides[$0] == 0 }.map { members[$0] }, threads: threads, into: &leaf)
        descend(x, nodes: nodes, node: b, members: members.indices.filter { sides[$0] == 1 }.map { members[$0] }, threads: threads, into: &leaf)
    }

    static func compare(_ y: [Double], _ members: [Int], binary: Bool, level: Double) -> ScanComparison {
        var inside = [Bool](repeating: false, count: y.count)
        for i in members { inside[i] = true }
        return ScanComparison.compare(outcome: y, inCluster: inside, binary: binary, level: level)
    }

    static func mean(_ y: [Double], _ members: [Int]) -> Double {
        members.isEmpty ? 0 : members.reduce(0) { $0 + y[$1] } / Double(members.count)
    }

    /// Population variance (divisor n) of the outcome over `members`.
    static func variance(_ y: [Double], _ members: [Int]) -> Double {
        let m = mean(y, members)
        return members.isEmpty ? 0 : members.reduce(0) { $0 + (y[$1] - m) * (y[$1] - m) } / Double(members.count)
    }
}

/// A node of the tree of bisections: its discovery members (a leaf's; a split node gives its
/// own up to its children), and when it was split, its children and the two centroids that
/// send a held-out applicant to one or the other.
struct ScanNode {
    var members: [Int]
    var parent: Int?
    /// The population variance of the members' outcomes (``BiasScan/variance(_:_:)``), computed once.
    var variance: Double
    var children: (Int, Int)?
    var centroids: Matrix?
}
