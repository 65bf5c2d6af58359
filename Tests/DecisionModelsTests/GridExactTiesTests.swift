import AuditData
import DecisionModels
import Foundation
import LinearAlgebra
import TestSupport
import Testing

/// Exact ties follow the declared tie-break, not the summation order (issue 13): scores of
/// grids with fractional points, checked against integer arithmetic done here on the raw text.
@Suite struct GridExactTiesTests {
    /// 0.1 point per month of waiting (at most 6), −12 points per unit of housing-cost rate
    /// (the rate has 3 decimals), three flags with one decimal, a floor at −10; `capacity`
    /// dwellings per typology; equal scores: longer wait first, then id.
    static func grid(capacity: Int) -> String { """
    name: fractional
    id: id
    minimum_score: -10
    criteria:
      - {name: anciennete, column: mois, per_unit: 0.1, cap: 6}
      - {name: effort, column: taux_effort, per_unit: -12}
      - {name: dalo, column: dalo, flag: 2.5}
      - {name: handicap, column: handicap, flag: 1.3}
      - {name: refus, column: refus, flag: -0.7}
    allocation:
      rule: capacity
      segment_by: [typo]
      capacity: {default: \(capacity)}
    tie_break: [mois desc, id asc]
    """ }

    /// The issue's two applicants at exactly −7.2 points: A waited 18 months at a rate of
    /// 0.750 (1.8 − 9), B 12 months at 0.700 (1.2 − 8.4). Summed in binary, B's total is
    /// −7.199999999999998 and A's −7.2, so B came first; the rule says longer wait first: A.
    /// The ids would favour B, so only the wait can select A.
    @Test func twoApplicantsAtExactlyMinus7Point2AreOrderedByTheDeclaredTieBreak() throws {
        let csv = """
        id,typo,mois,taux_effort,dalo,handicap,refus
        b-012,T2,12,0.700,non,non,non
        z-018,T2,18,0.750,non,non,non

        """
        let design = try GridDesign.load(grid: try PointsGrid(yaml: Self.grid(capacity: 1)), csvPath: try RepositoryPaths.temporaryFile(csv))
        let scores = try design.scores()
        print("two-applicant tie: scores \(design.ids) = \(scores)")
        #expect(scores == [-7.2, -7.2])
        let allocation = try GridAllocation.allocate(scores: scores, design: design)
        let selected = design.ids.indices.filter { allocation.isSelected($0) }.map { design.ids[$0] }
        print("two-applicant tie: selected \(selected), ranks \(design.ids.indices.map { allocation.rank($0) })")
        #expect(selected == ["z-018"])
        #expect(allocation.rank(1) == 1 && allocation.rank(0) == 2)
    }

    /// 8,000 generated applicants with fractional points: every score is exactly the integer
    /// score computed here from the CSV text, divided by 1,000; there are as many distinct
    /// scores as distinct exact ones; and every rank and selection is the one of a comparison
    /// sort by (exact score desc, months desc, id asc) within each typology.
    @Test func eightThousandApplicantsAreRankedByTheirExactScores() throws {
        var state: UInt64 = 13
        func next(_ n: UInt64) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % n)
        }
        struct Applicant { let id: String, typo: Int, months: Int, rate: Int, dalo: Bool, handicap: Bool, refus: Bool }
        var applicants: [Applicant] = []
        var csv = "id,typo,mois,taux_effort,dalo,handicap,refus\n"
        for i in 0..<8000 {
            let a = Applicant(id: String(format: "d%05d", (i * 7919) % 8000), typo: next(3), months: next(90), rate: next(1000),
                              dalo: next(10) == 0, handicap: next(8) == 0, refus: next(12) == 0)
            applicants.append(a)
            let rate = String(format: "0.%03d", a.rate)
            csv += "\(a.id),T\(a.typo + 1),\(a.months),\(rate),\(a.dalo ? "oui" : "non"),\(a.handicap ? "oui" : "non"),\(a.refus ? "oui" : "non")\n"
        }
        // Exact scores in thousandths of a point: 0.1·min(months, 60) − 12·rate/1000 + flags, floored at −10.
        let exact = applicants.map { a -> Int in
            let sum = 100 * min(a.months, 60) - 12 * a.rate + (a.dalo ? 2500 : 0) + (a.handicap ? 1300 : 0) - (a.refus ? 700 : 0)
            return max(sum, -10_000)
        }
        let design = try GridDesign.load(grid: try PointsGrid(yaml: Self.grid(capacity: 400)), csvPath: try RepositoryPaths.temporaryFile(csv))
        let scores = try design.scores()
        let notExact = zip(scores, exact).filter { $0.0 != Double($0.1) / 1000 }.count
        let distinctExact = Set(exact).count, distinctVigie = Set(scores).count
        // The rule, by a comparison sort per typology.
        var expectedRank = [Int](repeating: 0, count: applicants.count)
        for t in 0..<3 {
            let members = applicants.indices.filter { applicants[$0].typo == t }.sorted { i, j in
                if exact[i] != exact[j] { return exact[i] > exact[j] }
                if applicants[i].months != applicants[j].months { return applicants[i].months > applicants[j].months }
                return applicants[i].id < applicants[j].id
            }
            for (r, i) in members.enumerated() { expectedRank[i] = r + 1 }
        }
        let allocation = try GridAllocation.allocate(scores: scores, design: design)
        let misranked = applicants.indices.filter { allocation.rank($0) != expectedRank[$0] }.count
        let misselected = applicants.indices.filter { allocation.isSelected($0) != (expectedRank[$0] <= 400) }.count
        print("8,000 applicants: \(distinctExact) distinct exact scores, \(distinctVigie) distinct Vigie scores, \(notExact) scores not exact, \(misranked) ranks and \(misselected) selections against the rule")
        #expect(notExact == 0)
        #expect(distinctVigie == distinctExact)
        #expect(misranked == 0 && misselected == 0)
    }
}
