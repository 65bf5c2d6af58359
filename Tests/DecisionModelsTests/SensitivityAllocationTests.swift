import TestSupport
import DecisionModels
import Foundation
import LinearAlgebra
import Testing

/// `GridAllocation` (radix-sorted ranks, used for every sensitivity column) against a plain
/// comparison sort on (score desc, tie-break position asc), on scores with many ties,
/// negative values, ±0 and large magnitudes.
@Suite("SensitivityAllocation")
struct SensitivityAllocationTests {
    @Test func radixRanksEqualAComparisonSort() throws {
        var random = GridScoringTests.Random(state: 42)
        var lines = ["id,seg,x"]
        for i in 0..<3_000 { lines.append("r\((i * 7_919) % 10_000),\(["a", "b", "c"][random.int(3)]),\(random.int(50))") }
        let path = try RepositoryPaths.temporaryFile(lines.joined(separator: "\n") + "\n")
        let grid = try PointsGrid(name: "t", idColumn: "id", criteria: [
            GridCriterion(name: "x", column: "x", kind: .perUnit(pointsPerUnit: 1, cap: nil)),
        ], segmentBy: ["seg"], allocation: .capacity(.declared([GridSegmentCapacity(segment: ["b"], k: 17)], default: 250)),
           tieBreak: [GridTieBreakKey(column: "x", descending: true), GridTieBreakKey(column: "id", descending: false)])
        let design = try GridDesign.load(grid: grid, csvPath: path)
        let n = design.rows, columns = 6
        var storage: [Double] = []
        for g in 0..<columns {
            for _ in 0..<n {
                switch g {
                case 0: storage.append(Double(random.int(5)))                       // heavy ties
                case 1: storage.append(Double(random.int(41) - 20) * 0.5)           // negatives, halves
                case 2: storage.append([0.0, -0.0, 1e-300, -1e-300, 5][random.int(5)])
                case 3: storage.append((random.uniform() - 0.5) * 1e12)
                case 4: storage.append(7)                                           // all equal
                default: storage.append(random.uniform())
                }
            }
        }
        let scores = try Matrix(rows: n, columns: columns, columnMajor: storage)
        let result = try GridAllocation.allocate(scores: scores, design: design)
        let limits = design.segmentLabels.map { $0 == ["b"] ? 17 : 250 }
        for g in 0..<columns {
            for s in design.segmentLabels.indices {
                let members = (0..<n).filter { Int(design.segmentCodes[$0]) == s }
                let sorted = members.sorted { a, b in
                    scores[a, g] != scores[b, g] ? scores[a, g] > scores[b, g] : design.tieRank[a] < design.tieRank[b]
                }
                for (r, row) in sorted.enumerated() {
                    #expect(result.rank(row, grid: g) == r + 1, "column \(g) row \(row)")
                    #expect(result.isSelected(row, grid: g) == (r < limits[s]))
                }
            }
        }
    }
}
