import TestSupport
import AuditData
import DecisionModels
import Testing

/// The band-edge lattice of `--allow band-edges` (`docs/amend.md`, "Band edges"), by hand.
@Suite("AmendmentEdges")
struct AmendmentEdgesTests {
    static func grid(_ bands: String, maxChange: String = "") throws -> PointsGrid {
        try PointsGrid(yaml: """
        name: bands
        id: id
        criteria:
          - {name: dalo, column: dalo, flag: 50, true_values: [oui]}
          - name: anciennete
            column: mois
            bands: \(bands)
        allocation:
          rule: capacity
          capacity: {default: 5}
        tie_break: [id asc]

        """)
    }

    @Test func latticeByHand() throws {
        // Edges 0, 18, 400. Edge 0: nearest 18, δ = 3: 3…15 above only (below 0 is open: −15…−3 kept too,
        // since no edge lies below). Edge 18: δ = 3, values 3…15 and 21…33. Edge 400: nearest 18, δ = 63:
        // 85…337 below, 463…715 above.
        let grid = try Self.grid("[{from: 0, to: 18, points: 0}, {from: 18, to: 400, points: 40}]")
        let edges = try AmendmentEdges(grid: grid, constraints: AmendmentConstraints())
        #expect(edges.baseline == [0, 18, 400])
        #expect(edges.edges[0].lattice == [-15, -12, -9, -6, -3, 3, 6, 9, 12, 15])
        #expect(edges.edges[1].lattice == [3, 6, 9, 12, 15, 21, 24, 27, 30, 33])
        #expect(edges.edges[2].lattice == [85, 148, 211, 274, 337, 463, 526, 589, 652, 715])
        #expect(edges.edges[1].below == 0 && edges.edges[1].above == 1)
        // Moving 18 to 12 moves both bounds; the edge's reach is |0 − 40|.
        let moved = edges.grid(grid, moving: 1, to: 12)
        guard case .bands(let bands) = moved.criteria[1].kind else { Issue.record("no bands"); return }
        #expect(bands.map(\.from) == [0, 12] && bands.map(\.to) == [12, 400])
        #expect(edges.reach(1, weights: [50, 0, 40], firstFeature: 1) == 40)
        #expect(edges.reach(0, weights: [50, 0, 40], firstFeature: 1) == 0)
        // Decimal edges stay on their step (0.5 apart: δ = 0.5/6 → 0.1, the step of one decimal),
        // strictly between neighbours.
        let fine = try AmendmentEdges(grid: try Self.grid("[{from: 1.5, to: 2, points: 10}, {from: 2, to: 2.5, points: 20}]"), constraints: AmendmentConstraints())
        #expect(fine.edges[1].lattice == [1.6, 1.7, 1.8, 1.9, 2.1, 2.2, 2.3, 2.4])
    }

    /// A moved edge that changes nothing (same objectives) never displaces the grid with its edges.
    @Test func anEdgeMoveWithNoEffectIsNoProposal() {
        let m = AmendmentMeasure(selected: [3, 2], meanScore: [10, 8], selectedTotal: 5, changed: 0, impactRatio: [1, 0.9],
                                 minImpactRatio: 0.9, worstGroup: 1, bestGroup: 0, maxAbsScoreGap: 2, gapGroup: 1)
        let kept = AmendmentCandidate(steps: [50, 0, 40], measure: m, shortfalls: [0], totalChange: 0, edges: [0, 18, 400])
        let moved = AmendmentCandidate(steps: [50, 0, 40], measure: m, shortfalls: [0], totalChange: 0, edges: [-15, 18, 400], edgeMoved: true)
        #expect(AmendmentCandidate.paretoFront([moved, kept]) == [kept])
        #expect(AmendmentCandidate.precedes(kept, moved) && !AmendmentCandidate.precedes(moved, kept))
    }

    @Test func noEdgeThatCanMoveIsRefused() throws {
        let grid = try Self.grid("[{from: 0, to: 18, points: 0}]")
        // --max-change 0 on the band criterion keeps its edges: nothing can move.
        do {
            _ = try AmendmentEdges(grid: grid, constraints: AmendmentConstraints(maximumChanges: ["anciennete": 0]))
            Issue.record("accepted")
        } catch { #expect(error.key == "--allow") }
        #expect(try AmendmentEdges(grid: grid, constraints: AmendmentConstraints()).edges.count == 2)
    }
}
