import TestSupport
import AuditData
import DecisionModels
import Foundation
import LinearAlgebra
import Testing

/// BLAS scores (gemv, gemm) and contributions against a plain per-row loop written
/// here from the raw CSV text and the criteria definitions, on random grids and data.
@Suite("GridScoring")
struct GridScoringTests {
    /// The deterministic generator of the random cases.
    typealias Random = SplitMix64

    static let numericColumns = ["x1", "x2", "x3"]
    static let flagColumns = ["f1", "f2", "f3"]
    static let categoryColumns = ["c1", "c2"]
    static let levels = ["A", "B", "C", "D", "E"]

    /// A random table: numeric columns with missing values in x3, flags written oui/non/1/true/O,
    /// categories with undeclared values and blanks.
    static func table(rows: Int, _ r: inout Random) -> (header: [String], rows: [[String]]) {
        let header = ["id"] + numericColumns + flagColumns + categoryColumns + ["seg"]
        var out: [[String]] = []
        for i in 0..<rows {
            var row = [String(format: "id%05d", (i * 7919) % 100_000)]
            row.append(String(r.int(120)))
            row.append(String(format: "%.3f", r.uniform()))
            row.append(r.int(10) == 0 ? "" : String(format: "%.1f", r.uniform() * 50 - 10))
            for _ in flagColumns { row.append(["oui", "non", "1", "0", "true", "O", "non"][r.int(7)]) }
            for _ in categoryColumns { row.append(r.int(8) == 0 ? "" : (levels + ["Z"])[r.int(6)]) }
            row.append(["s1", "s2", "s3"][r.int(3)])
            out.append(row)
        }
        return (header, out)
    }

    static func csv(_ t: (header: [String], rows: [[String]])) -> String {
        ([t.header] + t.rows).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// A random grid over the table's columns: every kind, caps, bands, negative points,
    /// 0–2 exclusive groups, an optional floor.
    static func grid(_ r: inout Random, alternativeOf base: PointsGrid? = nil) throws -> PointsGrid {
        var criteria: [GridCriterion] = []
        if let base {
            // Same features, new weights (criteria may also be dropped).
            for c in base.criteria where r.int(6) != 0 || base.exclusiveGroups.contains(where: { $0.members.contains(base.criterionIndex(named: c.name)!) }) {
                var c = c
                switch c.kind {
                case .flag(_, let t): c.kind = .flag(points: r.points(), trueValues: t)
                case .category(let levels): c.kind = .category(levels: levels.map { GridCategoryLevel(value: $0.value, points: r.points()) })
                case .perUnit(let ppu, let cap):
                    let newPPU = Double(r.int(5) + 1) * (ppu < 0 ? -0.5 : 0.5)
                    c.kind = .perUnit(pointsPerUnit: newPPU, cap: cap.map { $0 / abs(ppu) * abs(newPPU) })
                case .bands(let bands): c.kind = .bands(bands.map { GridBand(from: $0.from, to: $0.to, points: r.points()) })
                }
                criteria.append(c)
            }
            let groups = base.exclusiveGroups.map { g in
                GridExclusiveGroup(name: g.name, members: g.members.map { m in criteria.firstIndex { $0.name == base.criteria[m].name }! })
            }
            return try PointsGrid(name: "alt", idColumn: "id", criteria: criteria, exclusiveGroups: groups, minimumScore: base.minimumScore)
        }
        let count = 4 + r.int(7)
        for k in 0..<count {
            let name = "k\(k)"
            switch r.int(4) {
            case 0:
                criteria.append(GridCriterion(name: name, column: flagColumns[r.int(3)],
                                              kind: .flag(points: r.points(), trueValues: r.int(2) == 0 ? ["oui", "1", "true"] : ["O"])))
            case 1:
                let chosen = levels.filter { _ in r.int(2) == 0 }
                criteria.append(GridCriterion(name: name, column: categoryColumns[r.int(2)],
                                              kind: .category(levels: (chosen.isEmpty ? ["A"] : chosen).map { GridCategoryLevel(value: $0, points: r.points()) })))
            case 2:
                let column = numericColumns[r.int(3)]
                let ppu = (r.int(2) == 0 ? 1.0 : -0.5) * Double(r.int(3) + 1)
                criteria.append(GridCriterion(name: name, column: column,
                                              kind: .perUnit(pointsPerUnit: ppu, cap: r.int(3) == 0 ? nil : Double(r.int(40) + 1)),
                                              missingIsZero: true))
            default:
                let column = numericColumns[r.int(3)]
                let scale = column == "x1" ? 120.0 : column == "x2" ? 1.0 : 50.0
                var cuts = (0..<(r.int(3) + 2)).map { _ in (r.uniform() * scale * 100).rounded() / 100 - (column == "x3" ? 10 : 0) }
                cuts = Array(Set(cuts)).sorted()
                var bands: [GridBand] = []
                for b in 0..<(cuts.count - 1) where r.int(4) != 0 {
                    bands.append(GridBand(from: cuts[b], to: cuts[b + 1], points: r.points()))
                }
                if bands.isEmpty || r.int(3) == 0 { bands.append(GridBand(from: cuts.last!, points: r.points())) }
                criteria.append(GridCriterion(name: name, column: column, kind: .bands(bands), missingIsZero: true))
            }
        }
        var pool = Array(0..<count)
        var groups: [GridExclusiveGroup] = []
        for g in 0..<r.int(3) where pool.count >= 2 {
            let size = min(pool.count, 2 + r.int(2))
            var members: [Int] = []
            for _ in 0..<size { members.append(pool.remove(at: r.int(pool.count))) }
            groups.append(GridExclusiveGroup(name: "g\(g)", members: members))
        }
        return try PointsGrid(name: "random", idColumn: "id", criteria: criteria, exclusiveGroups: groups,
                              minimumScore: r.int(2) == 0 ? 0 : nil)
    }

    /// Points of one criterion on a raw value — independent of the library's code.
    static func plainPoints(_ c: GridCriterion, _ raw: String) -> Double {
        switch c.kind {
        case .flag(let p, let t): return t.contains(raw) ? p : 0
        case .category(let levels):
            for level in levels where level.value == raw { return level.points }
            return 0
        case .perUnit(let ppu, let cap):
            guard let x = Double(raw) else { return 0 }  // only missing values here (missing: 0)
            if let cap { return ppu * Swift.min(x, cap / Swift.abs(ppu)) }
            return ppu * x
        case .bands(let bands):
            guard let x = Double(raw) else { return 0 }
            for b in bands where x >= (b.from ?? -.infinity) && x < (b.to ?? .infinity) { return b.points }
            return 0
        }
    }

    /// Per-row contributions (exclusive groups: highest member, first on ties) and score.
    static func plain(_ grid: PointsGrid, _ t: (header: [String], rows: [[String]])) -> (contributions: [[Double]], scores: [Double]) {
        var contributions: [[Double]] = []
        var scores: [Double] = []
        for row in t.rows {
            var points = grid.criteria.map { plainPoints($0, row[t.header.firstIndex(of: $0.column)!]) }
            for group in grid.exclusiveGroups {
                var best = group.members[0]
                for m in group.members where points[m] > points[best] { best = m }
                for m in group.members where m != best { points[m] = 0 }
            }
            contributions.append(points)
            var total = 0.0
            for p in points { total += p }
            scores.append(grid.minimumScore.map { Swift.max($0, total) } ?? total)
        }
        return (contributions, scores)
    }

    static func close(_ a: Double, _ b: Double) -> Bool { Swift.abs(a - b) <= 1e-9 * Swift.max(1, Swift.abs(b)) }

    @Test(arguments: 1...25)
    func blasScoresEqualAPlainLoop(seed: Int) throws {
        var r = Random(state: UInt64(seed) &* 0x1234_5678_9ABC)
        let t = Self.table(rows: 200 + r.int(300), &r)
        let path = try RepositoryPaths.temporaryFile(Self.csv(t))
        let grid = try Self.grid(&r)
        let design = try GridDesign.load(grid: grid, csvPath: path)
        #expect(design.rows == t.rows.count)
        #expect(design.features.columns == grid.criteria.reduce(0) { $0 + $1.features.count })
        let expected = Self.plain(grid, t)

        let scores = try design.scores()
        var maxError = 0.0
        for i in 0..<t.rows.count {
            maxError = Swift.max(maxError, Swift.abs(scores[i] - expected.scores[i]))
            #expect(Self.close(scores[i], expected.scores[i]), "row \(i): \(scores[i]) vs \(expected.scores[i])")
        }
        #expect(maxError <= 1e-9)
        let contributions = try design.contributions()
        for i in 0..<t.rows.count {
            for c in grid.criteria.indices {
                #expect(Self.close(contributions[i, c], expected.contributions[i][c]), "row \(i) criterion \(c)")
            }
        }

        // Alternative grids as columns of W: one gemm, each column against its own plain loop.
        var grids = [grid]
        for _ in 0..<3 { grids.append(try Self.grid(&r, alternativeOf: grid)) }
        let w = try design.weightMatrix(of: grids)
        #expect(w.rows == design.features.columns && w.columns == 4)
        let all = try design.scores(weights: w)
        #expect(all.rows == t.rows.count && all.columns == 4)
        for (g, other) in grids.enumerated() {
            let plain = Self.plain(other, t)
            for i in 0..<t.rows.count {
                #expect(Self.close(all[i, g], plain.scores[i]), "grid \(g) row \(i): \(all[i, g]) vs \(plain.scores[i])")
            }
            // Scoring the alternative on its own design gives the same numbers.
            let own = try GridDesign.load(grid: other, csvPath: path).scores()
            for i in 0..<t.rows.count { #expect(Self.close(own[i], plain.scores[i])) }
        }
    }

    @Test func byHandOnThreeRows() throws {
        let grid = try PointsGrid(yaml: """
        name: hand
        id: id
        minimum_score: 0
        criteria:
          - {name: anc, column: months, per_unit: 1, cap: 60}
          - {name: dalo, column: dalo, flag: 50}
          - {name: street, column: situation, categories: {sans_abri: 30}}
          - {name: hosted, column: situation, categories: {hotel: 15, tiers: 10}}
          - {name: violence, column: violence, flag: 40}
          - {name: refus, column: refus, flag: -20}
        exclusive_groups:
          - {name: urgence, criteria: [street, hosted, violence]}
        """)
        let path = try RepositoryPaths.temporaryFile("""
        id,months,dalo,situation,violence,refus
        a,80,oui,sans_abri,oui,non
        b,10,non,hotel,non,oui
        c,0,non,locataire,non,oui

        """)
        let design = try GridDesign.load(grid: grid, csvPath: path)
        // a: 60 + 50 + max(30, 0, 40) = 150; b: 10 + 15 − 20 = 5; c: −20 → floored at 0.
        #expect(try design.scores() == [150, 5, 0])
        let c = try design.contributions()
        #expect((0..<6).map { c[0, $0] } == [60, 50, 0, 0, 40, 0])
        #expect((0..<6).map { c[1, $0] } == [10, 0, 0, 15, 0, -20])
        #expect((0..<6).map { c[2, $0] } == [0, 0, 0, 0, 0, -20])
        #expect(design.featureCriterion == [0, 1, 2, 3, 3, 4, 5])
        #expect(design.weights == [1, 50, 30, 15, 10, 40, -20])
    }
}

extension SplitMix64 {
    /// Points of a random criterion: −20…40, negatives included.
    fileprivate mutating func points() -> Double { Double(int(61) - 20) }
}
