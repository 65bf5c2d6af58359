import TestSupport
import AuditData
import DecisionModels
import Foundation
import LinearAlgebra
import Testing

/// Threshold, capacity and proposals on a hand-made case whose order is worked out below.
@Suite("GridAllocation")
struct GridAllocationTests {
    // Score = pts. Segment A by score desc, then anc desc, then id asc:
    //   r2 (20) · r3 (10, anc 7) · r4 (10, anc 7, id after r3) · r1 (10, anc 5) · r8 (0)
    // Segment B: r5 (30) · r7 (5, anc 3) · r6 (5, anc 2)
    static let data = """
    id,seg,seg2,pts,anc,alloc
    r1,A,x,10,5,0
    r2,A,y,20,1,1
    r3,A,x,10,7,0
    r4,A,x,10,7,1
    r5,B,x,30,0,0
    r6,B,y,5,2,0
    r7,B,x,5,3,1
    r8,A,y,0,0,0

    """
    static let expectedRanks = [4, 1, 2, 3, 1, 3, 2, 5]

    static func design(allocation: String, segmentBy: String = "[seg]") throws -> GridDesign {
        let grid = try PointsGrid(yaml: """
        name: hand
        id: id
        criteria:
          - {name: pts, column: pts, per_unit: 1}
        allocation:
          segment_by: \(segmentBy)
        \(allocation)
        tie_break: [anc desc, id asc]
        """)
        return try GridDesign.load(grid: grid, csvPath: try RepositoryPaths.temporaryFile(data))
    }

    static func selectedIDs(_ result: GridAllocationResult, _ design: GridDesign, grid: Int = 0) -> [String] {
        design.ids.indices.filter { result.isSelected($0, grid: grid) }.map { design.ids[$0] }
    }

    @Test func designKeepsSegmentsAndTieOrder() throws {
        let d = try Self.design(allocation: "  rule: threshold\n  threshold: 10")
        #expect(d.segmentLabels == [["A"], ["B"]])
        #expect(d.segmentCodes == [0, 0, 0, 0, 1, 1, 1, 0])
        // anc desc, id asc: r3 r4 (7) · r1 (5) · r7 (3) · r6 (2) · r2 (1) · r5 r8 (0)
        #expect(d.tieRank == [2, 5, 0, 1, 6, 4, 3, 7])
        #expect(d.capacities == nil)
    }

    @Test func threshold() throws {
        let d = try Self.design(allocation: "  rule: threshold\n  threshold: 10")
        let result = try GridAllocation.allocate(scores: try d.scores(), design: d)
        #expect(Self.selectedIDs(result, d) == ["r1", "r2", "r3", "r4", "r5"])
        #expect(d.ids.indices.map { result.rank($0) } == Self.expectedRanks)
    }

    @Test func capacityDeclaredPerSegmentWithTies() throws {
        let d = try Self.design(allocation: "  rule: capacity\n  capacity:\n    default: 1\n    segments: [{seg: A, k: 2}]")
        #expect(d.capacities == [2, 1])
        let result = try GridAllocation.allocate(scores: try d.scores(), design: d)
        // r3 beats r4 on the id (same score, same anc), r4 is out.
        #expect(Self.selectedIDs(result, d) == ["r2", "r3", "r5"])
        #expect(d.ids.indices.map { result.rank($0) } == Self.expectedRanks)
        #expect(result.selectedCount() == 3)
    }

    @Test func capacityFromData() throws {
        let d = try Self.design(allocation: "  rule: capacity\n  capacity: {from_data: alloc}")
        #expect(d.capacities == [2, 1])
        let result = try GridAllocation.allocate(scores: try d.scores(), design: d)
        #expect(Self.selectedIDs(result, d) == ["r2", "r3", "r5"])
    }

    @Test func proposalsThreePerDwelling() throws {
        let d = try Self.design(allocation: "  rule: proposals\n  capacity: {default: 1}")
        let result = try GridAllocation.allocate(scores: try d.scores(), design: d)
        // 3 × 1 per segment: A r2 r3 r4, B r5 r7 r6.
        #expect(Self.selectedIDs(result, d) == ["r2", "r3", "r4", "r5", "r6", "r7"])
        let two = try GridAllocation.allocate(scores: try d.scores(), design: d, rule: .proposals(.declared([GridSegmentCapacity(segment: ["A"], k: 2)], default: 0), perUnit: 2))
        // 2 × 2 in A (r2 r3 r4 r1), 0 in B.
        #expect(Self.selectedIDs(two, d) == ["r1", "r2", "r3", "r4"])
    }

    @Test func severalGridColumnsAtOnce() throws {
        let d = try Self.design(allocation: "  rule: capacity\n  capacity: {from_data: alloc}")
        // Column 1: score = −pts. A: r8 (0) · r3 r4 (−10, anc 7) · r1 (−10) · r2; B: r7 r6 (−5) · r5.
        let scores = try d.scores(weights: Matrix(rows: 1, columns: 2, columnMajor: [1, -1]))
        let result = try GridAllocation.allocate(scores: scores, design: d)
        #expect(result.grids == 2)
        #expect(d.ids.indices.map { result.rank($0, grid: 0) } == Self.expectedRanks)
        #expect(d.ids.indices.map { result.rank($0, grid: 1) } == [4, 5, 2, 3, 3, 2, 1, 1])
        #expect(Self.selectedIDs(result, d, grid: 1) == ["r3", "r7", "r8"])
    }

    @Test func twoSegmentColumns() throws {
        let d = try Self.design(allocation: "  rule: capacity\n  capacity: {default: 1}", segmentBy: "[seg, seg2]")
        #expect(d.segmentLabels == [["A", "x"], ["A", "y"], ["B", "x"], ["B", "y"]])
        let result = try GridAllocation.allocate(scores: try d.scores(), design: d)
        // A·x: r3 r4 r1 → r3; A·y: r2 r8 → r2; B·x: r5 r7 → r5; B·y: r6.
        #expect(Self.selectedIDs(result, d) == ["r2", "r3", "r5", "r6"])
        #expect(d.ids.indices.map { result.rank($0) } == [3, 1, 1, 2, 1, 1, 2, 2])
    }

    @Test func wrongShapesAndMissingRulesAreErrors() throws {
        let d = try Self.design(allocation: "  rule: threshold\n  threshold: 1")
        #expect(throws: LinearAlgebraError.self) { try GridAllocation.allocate(scores: [1, 2], design: d) }
        #expect(throws: SpecError.self) {
            try GridAllocation.allocate(scores: try d.scores(), design: d, rule: .capacity(.fromData(column: "alloc")))
        }
    }

    /// Randomised: capacity selection equals the top-k of a full sort by (score desc, tieRank asc).
    @Test func capacityEqualsTopKOfAFullSort() throws {
        var r = GridScoringTests.Random(state: 99)
        var lines = ["id,seg,pts,anc"]
        for i in 0..<2_000 { lines.append("i\(i),s\(r.int(4)),\(r.int(30)),\(r.int(10))") }
        let grid = try PointsGrid(yaml: """
        name: random
        id: id
        criteria: [{name: pts, column: pts, per_unit: 1}]
        allocation: {rule: capacity, segment_by: [seg], capacity: {default: 37}}
        tie_break: [anc desc, id asc]
        """)
        let d = try GridDesign.load(grid: grid, csvPath: try RepositoryPaths.temporaryFile(lines.joined(separator: "\n")))
        let s = try d.scores()
        let result = try GridAllocation.allocate(scores: s, design: d)
        let anc = lines.dropFirst().map { Int($0.split(separator: ",")[3])! }
        for seg in 0..<4 {
            let members = d.ids.indices.filter { d.segmentCodes[$0] == seg }
            let sorted = members.sorted { a, b in
                s[a] != s[b] ? s[a] > s[b] : anc[a] != anc[b] ? anc[a] > anc[b] : d.ids[a] < d.ids[b]
            }
            for (position, row) in sorted.enumerated() {
                #expect(result.rank(row) == position + 1)
                #expect(result.isSelected(row) == (position < 37))
            }
        }
    }

    /// Randomised, several columns of arbitrary scores (negative, fractional, ±0, many ties)
    /// and tie-break keys with negative values: ranks equal a comparison sort.
    @Test func ranksEqualAComparisonSortOnArbitraryScores() throws {
        var r = GridScoringTests.Random(state: 7)
        var lines = ["id,seg,pts,a,b"]
        for i in 0..<3_000 {
            lines.append("i\(r.int(1_000_000))_\(i),s\(r.int(3)),1,\(r.int(5) - 2),\(Double(r.int(7)) / 4 - 0.75)")
        }
        let grid = try PointsGrid(yaml: """
        name: random
        id: id
        criteria: [{name: pts, column: pts, per_unit: 1}]
        allocation: {rule: proposals, per_unit: 3, segment_by: [seg], capacity: {default: 50}}
        tie_break: [a asc, b desc, id desc]
        """)
        let d = try GridDesign.load(grid: grid, csvPath: try RepositoryPaths.temporaryFile(lines.joined(separator: "\n")))
        let fields = lines.dropFirst().map { $0.split(separator: ",").map(String.init) }
        let a = fields.map { Double($0[3])! }, b = fields.map { Double($0[4])! }
        let tieSorted = d.ids.indices.sorted { x, y in
            a[x] != a[y] ? a[x] < a[y] : b[x] != b[y] ? b[x] > b[y] : d.ids[x] > d.ids[y]
        }
        for (position, row) in tieSorted.enumerated() { #expect(d.tieRank[row] == Int32(position)) }

        var storage: [Double] = []
        for _ in 0..<(3 * d.rows) {
            let choice = r.int(10)
            storage.append(choice == 0 ? 0.0 : choice == 1 ? -0.0 : (r.uniform() * 40 - 20).rounded() / (choice < 5 ? 1 : 8))
        }
        let scores = try Matrix(rows: d.rows, columns: 3, columnMajor: storage)
        let result = try GridAllocation.allocate(scores: scores, design: d)
        for g in 0..<3 {
            for seg in 0..<3 {
                let members = d.ids.indices.filter { d.segmentCodes[$0] == seg }
                let sorted = members.sorted { x, y in
                    scores[x, g] != scores[y, g] ? scores[x, g] > scores[y, g] : d.tieRank[x] < d.tieRank[y]
                }
                for (position, row) in sorted.enumerated() {
                    #expect(result.rank(row, grid: g) == position + 1)
                    #expect(result.isSelected(row, grid: g) == (position < 150))
                }
            }
        }
    }
}
