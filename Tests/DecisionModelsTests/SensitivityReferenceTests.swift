import TestSupport
import AuditData
import AuditMetrics
import DecisionModels
import Foundation
import LinearAlgebra
import Testing

/// GridSensitivity on the committed grid and sample against (a) a per-row recomputation
/// written here from the raw CSV text, (b) grids written without a criterion, and (c) the
/// pandas reference `Fixtures/reference/sensitivity/make_sensitivity_reference.py`.
@Suite("SensitivityReference")
struct SensitivityReferenceTests {
    static func sample() throws -> (header: [String], rows: [[String]]) {
        let text = try String(contentsOfFile: RepositoryPaths.housing("applicants-sample.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (lines[0], Array(lines.dropFirst()))
    }

    static func loaded() throws -> (GridDesign, [GroupColumn]) {
        let grid = try PointsGrid.load(path: RepositoryPaths.housing("cotation-grid.yaml"))
        return try OneRead.designAndGroups(grid: grid, csvPath: RepositoryPaths.housing("applicants-sample.csv"), protected: ["nationalite", "sexe"])
    }

    @Test func everyVariantsScoresEqualAPerRowRecomputation() throws {
        let (design, _) = try Self.loaded()
        let grid = design.grid
        let (header, rows) = try Self.sample()
        let variants = GridSensitivity.variants(of: design)
        #expect(variants.count == 1 + grid.criteria.count * 4)
        let scores = try design.scores(weights: GridSensitivity.weightMatrix(of: design, variants: variants))
        let groupOf = grid.groupOfCriterion
        let columnOf = try grid.criteria.map { try #require(header.firstIndex(of: $0.column)) }
        // Points of each criterion on each row, from the raw text (nil = missing).
        let pointTable = try rows.map { row in
            try grid.criteria.indices.map { c in
                let raw = row[columnOf[c]]
                return try #require(grid.criteria[c].points(forRawValue: raw.isEmpty ? nil : raw))
            }
        }
        var maxError = 0.0
        for (v, variant) in variants.enumerated() {
            for i in rows.indices {
                var total = 0.0
                var groupBest = [Double](repeating: 0, count: grid.exclusiveGroups.count)
                var groupSeen = [Bool](repeating: false, count: grid.exclusiveGroups.count)
                for c in grid.criteria.indices {
                    let points = pointTable[i][c] * (variant.criterion == c ? variant.scale : 1)
                    if let g = groupOf[c] {
                        groupBest[g] = groupSeen[g] ? max(groupBest[g], points) : points
                        groupSeen[g] = true
                    } else {
                        total += points
                    }
                }
                total += groupBest.reduce(0, +)
                total = max(total, grid.minimumScore ?? -.infinity)
                maxError = max(maxError, abs(scores[i, v] - total))
            }
        }
        print("SensitivityReference: max |variant score − per-row recomputation| = \(maxError)")
        #expect(maxError <= 1e-9)
    }

    @Test func removingACriterionEqualsScoringAGridWithoutIt() throws {
        let (design, _) = try Self.loaded()
        let grid = design.grid
        let variants = GridSensitivity.variants(of: design, scales: [0])
        let w = try GridSensitivity.weightMatrix(of: design, variants: variants)
        let scores = try design.scores(weights: w)
        let allocation = try GridAllocation.allocate(scores: scores, design: design)
        let groupOf = grid.groupOfCriterion
        var checked = 0
        for (v, variant) in variants.enumerated() {
            // A grid without a grouped criterion has other groups and cannot share the design.
            guard let c = variant.criterion, groupOf[c] == nil else { continue }
            var criteria = grid.criteria
            criteria.remove(at: c)
            let groups = grid.exclusiveGroups.map { g in
                GridExclusiveGroup(name: g.name, members: g.members.map { $0 > c ? $0 - 1 : $0 })
            }
            let without = try PointsGrid(name: "without \(variant.criterionName ?? "")", idColumn: grid.idColumn, criteria: criteria,
                                         exclusiveGroups: groups, minimumScore: grid.minimumScore, segmentBy: grid.segmentBy,
                                         allocation: grid.allocation, tieBreak: grid.tieBreak)
            let own = try design.scores(weights: Matrix(rows: w.rows, columns: 1, columnMajor: design.weights(of: without)))
            let separate = try GridDesign.load(grid: without, csvPath: RepositoryPaths.housing("applicants-sample.csv"))
            let separateScores = try separate.scores()
            let separateAllocation = try GridAllocation.allocate(scores: separateScores, design: separate)
            for i in 0..<design.rows {
                #expect(scores[i, v] == own[i, 0])
                #expect(abs(scores[i, v] - separateScores[i]) <= 1e-9)
                #expect(allocation.isSelected(i, grid: v) == separateAllocation.isSelected(i))
                #expect(allocation.rank(i, grid: v) == separateAllocation.rank(i))
            }
            checked += 1
        }
        #expect(checked == grid.criteria.count - 2)
    }

    /// Every group disparity of every variant against pandas (1e-12 absolute: sums of at
    /// most 5,000 integers and a few divisions).
    @Test func disparitiesMatchPandas() throws {
        let (design, attributes) = try Self.loaded()
        let result = try GridSensitivity.run(design: design, attributes: attributes)
        #expect(result.referenceGroups == ["FR", "F"])
        let text = try String(contentsOfFile: RepositoryPaths.root.appendingPathComponent("Fixtures/reference/sensitivity/sensitivity_reference.csv").path, encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        var expected: [String: [String]] = [:]
        for line in lines.dropFirst() { expected["\(line[column("variant")])|\(line[column("attribute")])|\(line[column("group")])"] = line }
        #expect(expected.count == result.variants.count * 6)
        var compared = 0, maxError = 0.0
        func check(_ actual: MetricValue, _ text: String) {
            if text.isEmpty || text == "nan" {
                #expect(actual.value == nil)
            } else if let x = actual.value, let y = Double(text) {
                maxError = max(maxError, abs(x - y))
            } else {
                Issue.record("expected \(text), found \(actual)")
            }
        }
        for (v, variant) in result.variants.enumerated() {
            let label = variant.criterionName.map { name in
                "\(name)x\(variant.scale == variant.scale.rounded() ? String(Int(variant.scale)) : String(variant.scale))"
            } ?? "baseline"
            for d in result.disparities[v] {
                let row = try #require(expected["\(label)|\(d.attribute)|\(d.group)"], "\(label) \(d.attribute) \(d.group)")
                #expect(d.count == Int(row[column("n")]))
                #expect(d.selected == Int(row[column("selected")]))
                check(d.selectionRate, row[column("selection_rate")])
                check(d.impactRatio, row[column("impact_ratio")])
                check(d.rateDifference, row[column("rate_difference")])
                check(d.meanScore, row[column("mean_score")])
                check(d.meanScoreGap, row[column("mean_score_gap")])
                compared += 1
            }
        }
        print("SensitivityReference: max |disparity − pandas| = \(maxError) over \(compared) groups")
        #expect(compared == 342)
        #expect(maxError <= 1e-12)
    }

    @Test func rankingAndTornadoAreConsistentAndSorted() throws {
        let (design, attributes) = try Self.loaded()
        let result = try GridSensitivity.run(design: design, attributes: attributes)
        // 14 criteria × 4 scales × (4 nationality + 2 sex groups).
        #expect(result.ranking.count == 14 * 4 * 6)
        let changes = result.ranking.map { $0.impactRatioChange.value.map(abs) ?? -1 }
        #expect(zip(changes, changes.dropFirst()).allSatisfy { $0 >= $1 })
        for entry in result.ranking.prefix(20) {
            let v = try #require(result.variants.firstIndex { $0.criterion == entry.criterionIndex && $0.scale == entry.scale })
            let d = try #require(result.disparities[v].first { $0.attribute == entry.attribute && $0.group == entry.group })
            let b = try #require(result.disparities[0].first { $0.attribute == entry.attribute && $0.group == entry.group })
            #expect(entry.impactRatioChange.value == d.impactRatio.value! - b.impactRatio.value!)
            #expect(entry.rateDifferenceChange.value == d.rateDifference.value! - b.rateDifference.value!)
        }
        #expect(result.tornado.count == 14 * 6)
        let widths = result.tornado.map { $0.width ?? -1 }
        #expect(zip(widths, widths.dropFirst()).allSatisfy { $0 >= $1 })
        // Deterministic: a second run gives the same table.
        let again = try GridSensitivity.run(design: design, attributes: attributes)
        #expect(again.ranking == result.ranking)
        #expect(again.tornado == result.tornado)
    }

    @Test func misalignedOrInvalidInputIsAnError() throws {
        let (design, attributes) = try Self.loaded()
        let short = GroupColumn(attribute: "sexe", codes: Array(attributes[1].codes.dropLast()), groups: ["F", "M"], unknownCode: nil)
        #expect(throws: SpecError.self) { try GridSensitivity.run(design: design, attributes: [short]) }
        #expect(throws: SpecError.self) { try GridSensitivity.run(design: design, attributes: attributes, referenceGroups: ["sexe": "X"]) }
        #expect(throws: SpecError.self) { try GridSensitivity.run(design: design, attributes: attributes, scales: [0.5, .nan]) }
        #expect(throws: SpecError.self) { try GridSensitivity.run(design: design, attributes: attributes, scales: [0.5, 2]) }
        #expect(throws: CSVError.self) {
            try OneRead.designAndGroups(grid: design.grid, csvPath: RepositoryPaths.housing("applicants-sample.csv"), protected: ["religion"])
        }
    }
}
