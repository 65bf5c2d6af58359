import AuditData
import AuditMetrics
import LinearAlgebra
import TestSupport
import Testing

/// The scan's k-means in one pass over compact points, on several threads
/// (``KMeansBisection``, ``ScanPoints``): against a plain sequential Lloyd on the dense matrix,
/// and the same bits whatever the thread count.
@Suite("ScanParallel")
struct ScanParallelTests {
    /// `n` points with ties: two integer numbers in 0…4 (many equal points) and two categories,
    /// a mixture so that k-means has something to split.
    static func features(n: Int, seed: UInt64) -> [ScanFeature] {
        var random = SplitMix64(state: seed)
        var a: [Double] = [], b: [Double] = [], c: [UInt32] = [], d: [UInt32] = []
        for _ in 0..<n {
            let group = random.uniform() < 0.3
            a.append(Double(group ? 3 + random.int(2) : random.int(3)))
            b.append(random.uniform() < 0.05 ? .nan : Double(random.int(5)))
            c.append(group ? UInt32(random.int(2)) : UInt32(random.int(4)))
            d.append(UInt32(random.int(3)))
        }
        return [ScanFeature(name: "a", values: .numeric(a)), ScanFeature(name: "b", values: .numeric(b)),
                ScanFeature(name: "c", values: .categorical(codes: GroupCodes(c, groupCount: 4), labels: ["p", "q", "r", "s"], missing: nil)),
                ScanFeature(name: "d", values: .categorical(codes: GroupCodes(d, groupCount: 3), labels: ["x", "y", "z"], missing: nil))]
    }

    /// The textbook Lloyd, written independently: dense rows, the squared distance to each
    /// centroid `Σ_j (x_j − c_j)²`, the nearer one (0 on a tie), the means of the sides summed
    /// point by point; until no point moves (not on the first iteration).
    static func referenceLloyd(_ x: Matrix, start: [[Double]]) -> (sides: [UInt8], centroids: [[Double]], inertia: Double) {
        let m = x.rows, p = x.columns
        var c = start, sides = [UInt8](repeating: 0, count: m)
        func distance(_ i: Int, _ k: Int) -> Double { (0..<p).reduce(0) { $0 + (x[i, $1] - c[k][$1]) * (x[i, $1] - c[k][$1]) } }
        for iteration in 0..<KMeansBisection.maximumIterations {
            var changed = false
            for i in 0..<m {
                let side: UInt8 = distance(i, 1) < distance(i, 0) ? 1 : 0
                if side != sides[i] { changed = true; sides[i] = side }
            }
            if !changed && iteration > 0 { break }
            for k in 0..<2 {
                let members = (0..<m).filter { sides[$0] == UInt8(k) }
                guard !members.isEmpty else { continue }
                c[k] = (0..<p).map { j in members.reduce(0) { $0 + x[$1, j] } / Double(members.count) }
            }
        }
        let inertia = (0..<m).reduce(0.0) { $0 + distance($1, Int(sides[$1])) }
        return (sides, c, inertia)
    }

    /// On 40,000 points (3 chunks of partial sums) with ties, from the centroids at two points:
    /// the same sides as the reference, centroids within 1e-12, inertia within 1e-9 relative.
    @Test func parallelLloydEqualsSequentialReference() throws {
        let n = 40_000
        for seed in 1...3 {
            let x = try ScanFeatureMatrix(features: Self.features(n: n, seed: UInt64(seed)), rows: Array(0..<n))
            let dense = try x.matrix
            let p = dense.columns
            let start = [(0..<p).map { dense[7, $0] }, (0..<p).map { dense[n - 3, $0] }]
            var flat = [Double](repeating: 0, count: 2 * p)
            for j in 0..<p { flat[2 * j] = start[0][j]; flat[2 * j + 1] = start[1][j] }
            let reference = Self.referenceLloyd(dense, start: start)
            for threads in [1, 2, 3] {
                let result = try KMeansBisection.lloyd(x.points, members: Array(0..<n), start: try Matrix(rows: 2, columns: p, columnMajor: flat),
                                                       threads: threads)
                #expect(result.sides == reference.sides, "seed \(seed), \(threads) threads")
                for k in 0..<2 { for j in 0..<p { #expect(abs(result.centroids[k, j] - reference.centroids[k][j]) < 1e-12) } }
                #expect(abs(result.inertia - reference.inertia) <= 1e-9 * reference.inertia)
            }
        }
    }

    /// A point at equal distance from both centroids goes to centroid 0: 1-D points 0, 1, 2, 1
    /// from centroids 0 and 2; both 1s tie and go to 0; centroids 2/3 and 2; then nothing moves.
    /// Inertia (4 + 1 + 1)/9 = 2/3.
    @Test func tiesGoToTheFirstCentroid() throws {
        let x = try Matrix(rows: 4, columns: 1, columnMajor: [0, 1, 2, 1])
        let result = try KMeansBisection.lloyd(x, start: try Matrix(rows: 2, columns: 1, columnMajor: [0, 2]))
        #expect(result.sides == [0, 0, 1, 0])
        #expect(abs(result.centroids[0, 0] - 2.0 / 3) < 1e-12 && result.centroids[1, 0] == 2)
        #expect(abs(result.inertia - 2.0 / 3) < 1e-12)
    }

    /// Hamerly's bounds and the carried counts (``SideBounds``, ``ChunkTallies``) skip work, not
    /// results: Lloyd carrying them gives the same sides, centroids and inertia, bit for bit, as
    /// Lloyd computing every point in every pass — on points with many exact ties and points
    /// a hair from the boundary (a copy of each point moved by 1e-13, and points on the
    /// bisecting hyperplane of the start), through members out of order, on 1 and 3 threads.
    @Test func carriedBoundsGiveTheSameBitsAsComputingEveryPoint() throws {
        for seed in [2, 9] as [UInt64] {
            let n = 36_000
            let base = Self.features(n: n, seed: seed)
            // Numbers a hair apart: each value again, moved by 1e-13 (a tie for the bounds' margin).
            var features: [ScanFeature] = []
            for f in base {
                switch f.values {
                case .numeric(let v): features.append(ScanFeature(name: f.name, values: .numeric(v + v.map { $0 + 1e-13 })))
                case .categorical(let c, let l, let m): features.append(ScanFeature(name: f.name, values: .categorical(codes: GroupCodes(c.widened + c.widened, groupCount: l.count), labels: l, missing: m)))
                case .numericByCode: Issue.record("the generated features have no numbers by code")
                }
            }
            let x = try ScanFeatureMatrix(features: features, rows: Array(0..<(2 * n)))
            let dense = try x.matrix
            let p = dense.columns
            let start = try Matrix(rows: 2, columns: p, columnMajor: (0..<p).flatMap { [dense[11, $0], dense[2 * n - 5, $0]] })
            let members = (0..<(2 * n)).filter { $0 % 5 != 1 }.reversed().map { $0 }
            for threads in [1, 3] {
                let carried = try KMeansBisection.lloyd(x.points, members: members, start: start, threads: threads)
                let plain = try KMeansBisection.lloyd(x.points, members: members, start: start, threads: threads, carrying: false)
                #expect(carried.sides == plain.sides, "seed \(seed), \(threads) threads")
                #expect(carried.centroids.storage.map(\.bitPattern) == plain.centroids.storage.map(\.bitPattern))
                #expect(carried.inertia.bitPattern == plain.inertia.bitPattern)
                #expect(Set(carried.sides).count == 2)
            }
        }
    }

    /// The bisection (seeding, restarts, Lloyd) and the assignment give the same bits on 1, 2
    /// and 5 threads, on 70,000 points (5 chunks), through a list of members out of order.
    @Test func bisectionDoesNotDependOnTheThreadCount() throws {
        let n = 70_000
        let x = try ScanFeatureMatrix(features: Self.features(n: n, seed: 11), rows: Array(0..<n))
        let members = (0..<n).filter { $0 % 7 != 3 }.reversed().map { $0 }
        var results: [KMeansBisection.Result] = []
        var assigned: [[UInt8]] = []
        for threads in [1, 2, 5] {
            var random = SplitMix64(state: 5)
            let result = try #require(try KMeansBisection.bisect(x.points, members: members, threads: threads, using: &random))
            results.append(result)
            assigned.append(KMeansBisection.assign(x.points, members: Array(0..<n), centroids: result.centroids, threads: threads))
        }
        #expect(results[0].sides.count == members.count)
        #expect(results[1] == results[0] && results[2] == results[0])
        #expect(results[0].inertia.bitPattern == results[1].inertia.bitPattern && results[0].inertia.bitPattern == results[2].inertia.bitPattern)
        #expect(assigned[1] == assigned[0] && assigned[2] == assigned[0])
        // The assignment of the members agrees with the bisection's final sides.
        let side = Dictionary(uniqueKeysWithValues: zip(members, results[0].sides))
        #expect((0..<n).allSatisfy { i in side[i].map { $0 == assigned[0][i] } ?? true })
    }

    /// The whole scan on 100,000 applicants of the planted data: the same result on 1 and 4
    /// threads, and the same from the compact points as from the dense matrix.
    @Test func scanDoesNotDependOnTheThreadCountOrTheStorage() throws {
        let n = 100_000
        let data = ScanPlantedTests.applicants(n: n, seed: 77, inside: 0.5)
        let x = try ScanFeatureMatrix(features: data.features, rows: Array(0..<n))
        let one = try BiasScan.run(x, outcome: data.kept, binary: true, options: BiasScan.Options(seed: 3, threads: 1))
        let four = try BiasScan.run(x, outcome: data.kept, binary: true, options: BiasScan.Options(seed: 3, threads: 4))
        #expect(one == four)
        #expect(one.splits > 1)
        let dense = try BiasScan.run(try x.matrix, outcome: data.kept, binary: true, options: BiasScan.Options(seed: 3, threads: 2))
        #expect(dense == one)
    }

    /// The compact points stand for the dense matrix: its rows, and `‖x‖²` as a column-by-column sum.
    @Test func compactPointsAreTheDenseMatrix() throws {
        let x = try ScanFeatureMatrix(features: Self.features(n: 500, seed: 2), rows: Array(stride(from: 0, to: 500, by: 2)))
        let dense = try x.matrix
        #expect(dense.rows == 250 && x.points.dimension == dense.columns)
        for i in 0..<dense.rows {
            var norm = 0.0
            for j in 0..<dense.columns { norm += dense[i, j] * dense[i, j] }
            #expect(norm == x.points.norms[i])
            #expect((0..<dense.columns).filter { dense[i, $0] != 0 && dense[i, $0] == ScanFeatureMatrix.categoryWeight }.count == 2)
        }
    }
}
