import TestSupport
import AuditData
import AuditMetrics
import DecisionModels
import Foundation
import Testing

/// `vigie amend`'s impact ratio honours a mandated priority as the audit's does
/// (`RatioEligibility`): a group is never compared with a priority group it does not belong to.
/// Twelve applicants, by hand.
@Suite("AmendmentPriority")
struct AmendmentPriorityTests {
    /// P: 3 of 4 flagged, B: 2 of 4, C: 1 of 4; 6 places go to the 6 flagged applicants.
    static let csv = """
    id,statut,f,seg
    p1,P,1,s
    p2,P,1,s
    p3,P,1,s
    p4,P,0,s
    b1,B,1,s
    b2,B,1,s
    b3,B,0,s
    b4,B,0,s
    c1,C,1,s
    c2,C,0,s
    c3,C,0,s
    c4,C,0,s

    """

    static let grid = """
    name: tiny
    id: id
    criteria:
      - {name: f, column: f, flag: 10, true_values: ["1"]}
    allocation:
      rule: capacity
      segment_by: [seg]
      capacity: {default: 6}
    tie_break: [id asc]

    """

    func measure(mandated: MandatedPriority?) throws -> (AmendmentMeasure, AmendmentGroups) {
        let path = try RepositoryPaths.temporaryFile(Self.csv)
        let grid = try PointsGrid(yaml: Self.grid)
        let (design, attributes) = try OneRead.designAndGroups(grid: grid, csvPath: path, protected: ["statut"])
        let groups = try AmendmentGroups(attribute: attributes[0], reference: "B", minGroupSize: 1, minCellSize: 1,
                                         targets: [.impactRatioAtLeast(0.8)], mandated: mandated)
        let evaluator = try AmendmentEvaluator(design: design, groups: groups)
        return (try evaluator.measure([[10]])[0], groups)
    }

    @Test func withoutPriorityEveryGroupIsComparedWithTheMostFavoured() throws {
        let (m, groups) = try measure(mandated: nil)
        let p = try #require(groups.labels.firstIndex(of: "P")), c = try #require(groups.labels.firstIndex(of: "C"))
        // Rates 0.75, 0.5, 0.25: C's ratio 0.25 / 0.75 = 1/3 against P.
        #expect(abs((m.minImpactRatio ?? -1) - 1.0 / 3) < 1e-12)
        #expect(m.worstGroup == c && m.bestGroup == p)
    }

    @Test func aPriorityGroupIsNotTheComparatorOfOthers() throws {
        let (m, groups) = try measure(mandated: MandatedPriority(declared: "statut=P"))
        let p = try #require(groups.labels.firstIndex(of: "P")), b = try #require(groups.labels.firstIndex(of: "B"))
        let c = try #require(groups.labels.firstIndex(of: "C"))
        #expect(groups.priorities[p] == ["statut"] && groups.priorities[b].isEmpty && groups.priorities[c].isEmpty)
        // B and C are compared with B (0.5), not with the priority group P: C's ratio 0.25 / 0.5.
        #expect(abs((m.impactRatio[b] ?? -1) - 1) < 1e-12)
        #expect(abs((m.impactRatio[c] ?? -1) - 0.5) < 1e-12)
        #expect(abs((m.impactRatio[p] ?? -1) - 1) < 1e-12)
        #expect(abs((m.minImpactRatio ?? -1) - 0.5) < 1e-12)
        #expect(m.worstGroup == c && m.bestGroup == b)
    }
}
