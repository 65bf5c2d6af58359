import TestSupport
import AuditData
import DecisionModels
import Foundation
import Testing

/// What a score is out of (issue 17: "mean score 49.9" gets "out of N"): the grid's highest
/// score, summed by hand from each criterion's definition.
@Suite("GridMaximumScore")
struct GridMaximumScoreTests {
    /// The housing demo's grid: 60 (seniority, capped) + 20 (over 36 months) + 50 (DALO) + 20
    /// (eviction) + 5 (single parent) + 10 (housing cost) + max(30 homeless, 15 hosted) + 30
    /// (violence) + 20 (disability) + 15 (overcrowded) + 25 (unfit) + 5 (tie to the commune)
    /// + 0 (refusal, a penalty) = 290.
    @Test func theDemoGridIsOutOf290() throws {
        let grid = try PointsGrid.load(path: RepositoryPaths.housing("cotation-grid.yaml"))
        #expect(grid.maximumScore == 290)
        #expect(grid.unboundedCriteria.isEmpty)
    }

    static func grid(_ criteria: String, extra: String = "") throws -> PointsGrid {
        try PointsGrid(yaml: "name: g\nid: id\ncriteria:\n" + criteria + extra)
    }

    @Test func eachKindHasItsMaximum() throws {
        // Bands leaving values outside: max(10, 20, −5, 0) = 20; categories: 30; a penalty flag: 0;
        // 0.5 per unit capped at 30 points: 30. Total 20 + 30 + 0 + 30 = 80.
        let g = try Self.grid("""
          - {name: effort, column: e, bands: [{from: 0.3, to: 0.4, points: 10}, {from: 0.4, points: 20}, {to: 0.05, points: -5}]}
          - {name: situation, column: s, categories: {sans_abri: 30, hotel: 15}}
          - {name: refus, column: r, flag: -20}
          - {name: anciennete, column: a, per_unit: 0.5, cap: 30}

        """)
        #expect(g.maximumScore == 80)
        // Bands covering every value, all negative: the best is −2 (no 0 outside the bands),
        // and the floor (minimum_score: 0) lifts the total to 0.
        let covering = try Self.grid("""
          - {name: malus, column: m, bands: [{to: 1, points: -5}, {from: 1, points: -2}]}

        """)
        #expect(covering.maximumScore == -2)
        let floored = try Self.grid("""
          - {name: malus, column: m, bands: [{to: 1, points: -5}, {from: 1, points: -2}]}

        """, extra: "minimum_score: 0\n")
        #expect(floored.maximumScore == 0)
    }

    @Test func anExclusiveGroupCountsItsBestMember() throws {
        let g = try Self.grid("""
          - {name: a, column: a, flag: 30}
          - {name: b, column: b, flag: 15}
          - {name: c, column: c, flag: 5}

        """, extra: "exclusive_groups:\n  - {name: ab, criteria: [a, b]}\n")
        #expect(g.maximumScore == 35)  // max(30, 15) + 5
    }

    @Test func anUncappedCountHasNoMaximum() throws {
        let g = try Self.grid("""
          - {name: anciennete, column: a, per_unit: 1}
          - {name: dalo, column: d, flag: 50}

        """)
        #expect(g.maximumScore == nil)
        #expect(g.unboundedCriteria == ["anciennete"])
    }
}
