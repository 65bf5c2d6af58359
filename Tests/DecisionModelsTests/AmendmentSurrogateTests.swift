import TestSupport
import AuditData
import DecisionModels
import Foundation
import LinearProgramming
import Testing

/// The linear surrogate (`docs/amend.md`, "Search"): GLPK's solution on cases whose optimum is
/// known by hand, infeasible and failing programmes as typed outcomes, and the seed measured
/// exactly in the search.
@Suite("AmendmentSurrogate")
struct AmendmentSurrogateTests {
    /// Three flags x = 40, y = 30, z = 60 points (whole points: step 1, reach 1).
    static let grid = """
    name: three
    id: id
    criteria:
      - {name: x, column: x, flag: 40, true_values: ["1"]}
      - {name: y, column: y, flag: 30, true_values: ["1"]}
      - {name: z, column: z, flag: 60, true_values: ["1"]}
    allocation:
      rule: capacity
      capacity: {default: 2}
    tie_break: [id asc]

    """

    static let csv = """
    id,g,x,y,z
    a1,A,1,0,1
    a2,A,1,1,0
    a3,A,0,0,1
    b1,B,0,1,0
    b2,B,1,0,0
    b3,B,0,0,1

    """

    func space(_ constraints: AmendmentConstraints = AmendmentConstraints()) throws -> AmendmentSpace {
        let path = try RepositoryPaths.temporaryFile(Self.csv)
        let (design, _) = try OneRead.designAndGroups(grid: try PointsGrid(yaml: Self.grid), csvPath: path, protected: ["g"])
        return try AmendmentSpace(design: design, constraints: constraints)
    }

    /// Gap per point d = (−0.75, 0.125, −0.25): the linear gap at the baseline is
    /// 40·(−0.75) + 30·0.125 + 60·(−0.25) = −41.25. Cost per unit of gap closed: x 1/0.75,
    /// z 1/0.25, y 1/0.125, so the optimum takes x first, then z, then y.
    static let d = [-0.75, 0.125, -0.25]

    @Test func closesTheGapAtLeastCostByHand() throws {
        // Ratio target: close 41.25. x down 40 (30), z down 45 (11.25): 85 points; y unchanged.
        let outcome = AmendmentSurrogate.solve(space: try space(), gapPerPoint: Self.d, target: .impactRatioAtLeast(0.8))
        guard case .seed(let steps, let gap, let total, let optimal) = outcome else { Issue.record("\(outcome)"); return }
        #expect(steps == [0, 30, 15])
        #expect(abs(total - 85) < 1e-9 && abs(gap) < 1e-9 && optimal)
        // Impact ratio 0.5 at the baseline, target 0.8: φ = 0.2/0.5 = 0.4 of the gap may stay,
        // G ≥ −16.5: close 24.75 = x down 33 points.
        let partial = AmendmentSurrogate.solve(space: try space(), gapPerPoint: Self.d, target: .impactRatioAtLeast(0.8), baselineValue: 0.5)
        #expect(partial == .seed(steps: [7, 30, 60], linearGap: -16.5, totalChange: 33, optimal: true))
        // Already met (0.85 ≥ 0.8): the baseline itself, no change.
        #expect(AmendmentSurrogate.solve(space: try space(), gapPerPoint: Self.d, target: .impactRatioAtLeast(0.8), baselineValue: 0.85).steps == [40, 30, 60])
        // The worst group has the higher mean score (G > 0): nothing linear to close.
        #expect(AmendmentSurrogate.solve(space: try space(), gapPerPoint: Self.d.map { -$0 }, target: .impactRatioAtLeast(0.8)) == .noGap)
    }

    @Test func limitsAndIntegralityByHand() throws {
        let limited = try space(AmendmentConstraints(maximumChanges: ["x": 20]))
        // score_gap<=10: close 31.25 with x ∈ [20, 60]: x −20 (15), z −60 (15), y +10 (1.25): 90.
        let outcome = AmendmentSurrogate.solve(space: limited, gapPerPoint: Self.d, target: .scoreGapAtMost(10))
        #expect(outcome == .seed(steps: [20, 40, 0], linearGap: -10, totalChange: 90, optimal: true))
        // score_gap<=10.1: 31.15 needs y +9.2 in the relaxation; whole points: +10 (the MIP).
        let whole = AmendmentSurrogate.solve(space: limited, gapPerPoint: Self.d, target: .scoreGapAtMost(10.1))
        #expect(whole.steps == [20, 40, 0])
        // A ratio target needs 41.25 but at most 15 + 15 + 3.75 = 33.75 can be closed: infeasible.
        #expect(AmendmentSurrogate.solve(space: limited, gapPerPoint: Self.d, target: .impactRatioAtLeast(0.8)) == .infeasible)
        // A floor: --keep z>=50 leaves z 10 points to give (2.5): x −40 (30), z −10 (2.5), y +30 (3.75) = 36.25 < 41.25.
        let floored = try space(AmendmentConstraints(floors: ["z": 50]))
        #expect(AmendmentSurrogate.solve(space: floored, gapPerPoint: Self.d, target: .impactRatioAtLeast(0.8)) == .infeasible)
        // …and with score_gap<=5 (36.25 needed): exactly everything, 80 points.
        #expect(AmendmentSurrogate.solve(space: floored, gapPerPoint: Self.d, target: .scoreGapAtMost(5)).steps == [0, 60, 50])
    }

    @Test func failuresAreTypedOutcomes() throws {
        let space = try space()
        #expect(AmendmentSurrogate.solve(space: space, gapPerPoint: [0, 0, 0], target: .impactRatioAtLeast(0.8)) == .noGap)
        guard case .failed(let reason) = AmendmentSurrogate.solve(space: space, gapPerPoint: [.nan, 1, 1], target: .impactRatioAtLeast(0.8)) else {
            Issue.record("a non-finite coefficient must fail, typed")
            return
        }
        #expect(reason.contains("not finite"))
        #expect(AmendmentSurrogate.solve(space: space, gapPerPoint: [1], target: .impactRatioAtLeast(0.8)) != .noGap)
        // GLPK itself: an empty programme and crossed bounds, never a crash.
        #expect(LinearProgram(objective: [], lower: [], upper: [], rows: [], integer: false).solve() == .failed(reason: "no column"))
        #expect(LinearProgram(objective: [1], lower: [2], upper: [1], rows: [], integer: true).solve() == .infeasible)
        // A continuous programme by hand: min x + y, x + 2y ≥ 4, x, y ∈ [0, 10] → y = 2, objective 2.
        let lp = LinearProgram(objective: [1, 1], lower: [0, 0], upper: [10, 10],
                               rows: [.init(coefficients: [1, 2], lower: 4, upper: nil)], integer: false)
        guard case .optimal(let x, let objective) = lp.solve() else { Issue.record("expected an optimum"); return }
        #expect(abs(x[0]) < 1e-9 && abs(x[1] - 2) < 1e-9 && abs(objective - 2) < 1e-9)
    }
}
