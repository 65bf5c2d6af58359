import TestSupport
import AuditData
import DecisionModels
import Foundation
import Testing

/// The `top_k_share_ratio>=x` target (`docs/amend.md`, "Targets") on ten applicants, by hand.
@Suite("AmendmentTopKShare")
struct AmendmentTopKShareTests {
    /// A: a1…a6, B: b1…b4; flag f held by a1, a2, b1, b2; 3 places; tie-break id ascending.
    static let csv = """
    id,groupe,f,seg
    a1,A,1,s
    a2,A,1,s
    a3,A,0,s
    a4,A,0,s
    a5,A,0,s
    a6,A,0,s
    b1,B,1,s
    b2,B,1,s
    b3,B,0,s
    b4,B,0,s

    """

    static let grid = """
    name: tiny
    id: id
    criteria:
      - {name: f, column: f, flag: 10, true_values: ["1"]}
    allocation:
      rule: capacity
      segment_by: [seg]
      capacity: {default: 3}
    tie_break: [id asc]

    """

    @Test func topKShareRatioByHand() throws {
        let path = try RepositoryPaths.temporaryFile(Self.csv)
        let grid = try PointsGrid(yaml: Self.grid)
        let target = try AmendmentTarget(parsing: "top_k_share_ratio >= 0.9")
        #expect(target == .topKShareRatioAtLeast(0.9) && target.text == "top_k_share_ratio>=0.9" && target.metricName == "min_top_k_share_ratio")
        let (design, attributes) = try OneRead.designAndGroups(grid: grid, csvPath: path, protected: ["groupe"])
        let groups = try AmendmentGroups(attribute: attributes[0], reference: "A", minGroupSize: 1, minCellSize: 1, targets: [target])
        let evaluator = try AmendmentEvaluator(design: design, groups: groups)
        // 10 points: a1, a2, b1, b2 tie at 10; the 3 places go to a1, a2, b1 (id order).
        // TKSR_A = (2/3)/(6/10) = 10/9, TKSR_B = (1/3)/(4/10) = 5/6; B relative to A: 0.75.
        // 0 points: everyone ties; a1, a2, a3: TKSR_B = 0, so 0.
        let measures = try evaluator.measure([[10], [0]])
        let reference = try evaluator.measureWithScores([[10], [0]]).measures
        #expect(measures == reference)
        let b = try #require(groups.labels.firstIndex(of: "B"))
        #expect(measures[0].selected[b] == 1)
        #expect(abs((measures[0].minTopKShareRatio ?? -1) - 0.75) < 1e-12)
        #expect(measures[0].topKGroup == b)
        #expect(abs(target.shortfall(measures[0].value(of: target)) - 0.15) < 1e-12)
        #expect(measures[1].minTopKShareRatio == 0)
        #expect(target.shortfall(measures[1].value(of: target)) == 0.9)
    }

    @Test func badTopKShareTargetsAreRefused() {
        #expect(throws: SpecError.self) { try AmendmentTarget(parsing: "top_k_share_ratio>=0") }
        #expect(throws: SpecError.self) { try AmendmentTarget(parsing: "top_k_share_ratio>=x") }
    }
}
