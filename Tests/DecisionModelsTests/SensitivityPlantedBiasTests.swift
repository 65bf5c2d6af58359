import TestSupport
import AuditData
import AuditMetrics
import DecisionModels
import Foundation
import LinearAlgebra
import Testing

/// GridSensitivity on data where the answer is known: a hand-computed 8-row case and a
/// generated data set with a bias planted in `lien_commune`.
@Suite("SensitivityPlantedBias")
struct SensitivityPlantedBiasTests {
    /// 8 applicants, one segment, k = 3; f gives 10 points, g gives 5. By hand (ties by id):
    /// baseline scores 10, 15, 5, 0 (A) and 10, 5, 5, 0 (B) → r2, r1, r5 selected:
    /// A 2/4, B 1/4, IR_B = 0.5, diff_B = −0.25, mean score 7.5 vs 5 (gap −2.5).
    /// f×0.5 → 5, 10, 5, 0 | 5, 5, 5, 0 → r2, r1, r3: A 3/4, B 0 (IR_B 0, diff −0.75).
    /// g×2 → 10, 20, 10, 0 | 10, 10, 10, 0 → r2, r1, r3: the same. Every other variant
    /// keeps r2, r1, r5 (or r2, r3, r6 for f×0: still A 2/4, B 1/4).
    @Test func smallCaseByHand() throws {
        let csv = """
        id,f,g,grp
        r1,oui,non,A
        r2,oui,oui,A
        r3,non,oui,A
        r4,non,non,A
        r5,oui,non,B
        r6,non,oui,B
        r7,non,oui,B
        r8,non,non,B

        """
        let path = try RepositoryPaths.temporaryFile(csv)
        let grid = try PointsGrid(name: "hand", idColumn: "id", criteria: [
            GridCriterion(name: "f", column: "f", kind: .flag(points: 10, trueValues: ["oui"])),
            GridCriterion(name: "g", column: "g", kind: .flag(points: 5, trueValues: ["oui"])),
        ], allocation: .capacity(.declared([], default: 3)))
        let (design, attributes) = try OneRead.designAndGroups(grid: grid, csvPath: path, protected: ["grp"])
        let result = try GridSensitivity.run(design: design, attributes: attributes, minGroupSize: 1)
        #expect(result.referenceGroups == ["A"])
        let base = result.disparities[0]
        #expect(base.map(\.group) == ["A", "B"])
        #expect(base.map(\.selected) == [2, 1])
        #expect(base[1].selectionRate == .defined(0.25))
        #expect(base[1].impactRatio == .defined(0.5))
        #expect(base[1].rateDifference == .defined(-0.25))
        #expect(base[0].meanScore == .defined(7.5))
        #expect(base[1].meanScoreGap == .defined(-2.5))

        let top = Array(result.ranking.prefix(3))
        #expect(top[0].group == "B" && top[0].criterion == "f" && top[0].scale == 0.5)
        #expect(top[0].impactRatioChange == .defined(-0.5))
        #expect(top[0].rateDifferenceChange == .defined(-0.5))
        #expect(top[1].group == "B" && top[1].criterion == "g" && top[1].scale == 2)
        #expect(top[2].impactRatioChange == .defined(0) && top[2].rateDifferenceChange == .defined(0))
        // g×2: A's mean 40/4 = 10, B's 30/4 = 7.5: the gap stays −2.5.
        #expect(top[1].meanScoreGapChange == .defined(0))
        // Tornado (×0, ×2): g's bar for B has ΔIR 0 at ×0 and −0.5 at ×2, and is the widest.
        #expect(result.tornado[0].group == "B" && result.tornado[0].criterion == "g")
        #expect(result.tornado[0].lowImpactRatioChange == .defined(0))
        #expect(result.tornado[0].highImpactRatioChange == .defined(-0.5))
    }

    /// As the audit's impact ratio: a small group gets a ratio (5 of 5 selected → 1/(17/35)),
    /// but does not set the denominator.
    @Test func smallGroupsGetTheAuditsImpactRatio() throws {
        var lines = ["id,f,grp"]
        for i in 0..<40 { lines.append("r\(i),\(i % 2 == 0 ? "oui" : "non"),\(i < 35 ? "big" : "small")") }
        let path = try RepositoryPaths.temporaryFile(lines.joined(separator: "\n") + "\n")
        let grid = try PointsGrid(name: "small", idColumn: "id", criteria: [
            GridCriterion(name: "f", column: "f", kind: .flag(points: 10, trueValues: ["oui"])),
        ], allocation: .capacity(.declared([], default: 10)))
        let (design, attributes) = try OneRead.designAndGroups(grid: grid, csvPath: path, protected: ["grp"])
        let result = try GridSensitivity.run(design: design, attributes: attributes, minGroupSize: 30)
        let small = try #require(result.disparities[0].first { $0.group == "small" })
        #expect(small.count == 5)
        let big = try #require(result.disparities[0].first { $0.group == "big" })
        #expect(big.impactRatio == .defined(1))
        let (sb, nb) = (Double(big.selected), Double(big.count)), (ss, ns) = (Double(small.selected), Double(small.count))
        #expect(abs((small.impactRatio.value ?? -1) - (ss / ns) / (sb / nb)) < 1e-12)
    }

    /// 6,000 generated applicants: `lien_commune` (40 points) is held by 90 % of FR
    /// applicants and 10 % of the others; every other criterion is independent of
    /// nationality. Removing it must move the nationality impact ratios most.
    @Test func plantedBiasInLienCommuneIsRankedFirst() throws {
        var random = GridScoringTests.Random(state: 20_261_129)
        var lines = ["demande_id,nationalite,lien_commune,dalo,handicap,anciennete_mois,typologie"]
        for i in 0..<6_000 {
            let u = random.uniform()
            let nationality = u < 0.6 ? "FR" : (u < 0.7 ? "UE" : "hors_UE")
            let tie = random.uniform() < (nationality == "FR" ? 0.9 : 0.1)
            lines.append([String(format: "d%05d", i), nationality, tie ? "oui" : "non",
                          random.uniform() < 0.05 ? "oui" : "non", random.uniform() < 0.1 ? "oui" : "non",
                          String(random.int(120)), ["T1", "T2", "T3"][random.int(3)]].joined(separator: ","))
        }
        let path = try RepositoryPaths.temporaryFile(lines.joined(separator: "\n") + "\n")
        let grid = try PointsGrid(name: "planted", idColumn: "demande_id", criteria: [
            GridCriterion(name: "anciennete", column: "anciennete_mois", kind: .perUnit(pointsPerUnit: 0.25, cap: 15)),
            GridCriterion(name: "dalo", column: "dalo", kind: .flag(points: 50, trueValues: ["oui"])),
            GridCriterion(name: "handicap", column: "handicap", kind: .flag(points: 20, trueValues: ["oui"])),
            GridCriterion(name: "lien_commune", column: "lien_commune", kind: .flag(points: 40, trueValues: ["oui"])),
        ], minimumScore: 0, segmentBy: ["typologie"], allocation: .capacity(.declared([], default: 400)),
           tieBreak: [GridTieBreakKey(column: "anciennete_mois", descending: true), GridTieBreakKey(column: "demande_id", descending: false)])
        let (design, attributes) = try OneRead.designAndGroups(grid: grid, csvPath: path, protected: ["nationalite"])
        let result = try GridSensitivity.run(design: design, attributes: attributes)
        #expect(result.selectedCounts[0] == 1_200)

        let first = try #require(result.ranking(attribute: "nationalite").first)
        #expect(first.criterion == "lien_commune")
        #expect(first.scale == 0)
        #expect(first.group != "FR")
        #expect((first.impactRatioChange.value ?? 0) > 0.5)
        let bar = try #require(result.tornado.first)
        #expect(bar.criterion == "lien_commune")
        // Every group's largest change comes from lien_commune.
        for group in ["UE", "hors_UE"] {
            let top = try #require(result.ranking.first { $0.group == group })
            #expect(top.criterion == "lien_commune")
        }
    }
}
