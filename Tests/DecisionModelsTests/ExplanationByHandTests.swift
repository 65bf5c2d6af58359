import TestSupport
import AuditData
import DecisionModels
import Foundation
import Testing

/// The explanation of a 6-applicant file under a small grid, every item computed by hand.
///
/// Grid: anciennete 1 pt/month capped at 60; dalo 50; sans_abri 30 and heberge 15 in an
/// exclusive group; refus −20; effort bands [0.3, 0.4) → 10, [0.4, ∞) → 20 (missing → 0);
/// floor 0; capacity per typology: T3 → 2, others → 1; tie-break mois desc, id asc.
///
///     id  typo mois dalo sa  heb refus taux  | points                       | sum  score
///     a1  T3   85   non  oui oui non   0.35  | 60 + 30 (15 dropped) + 10    | 100  100
///     a2  T3   10   oui  non non non   0.45  | 10 + 50 + 20                 |  80   80
///     a3  T3   10   non  non oui oui   —     | 10 + 15 − 20 + 0 (missing)   |   5    5
///     a4  T3    5   non  non non oui   0.1   | 5 − 20                       | −15    0
///     a5  T2   40   non  non non non   0.2   | 40                           |  40   40
///     a6  T3   70   non  non non non   0.45  | 60 + 20                      |  80   80
///
/// T3 order: a1 100; a6 80 and a2 80 tie, mois desc puts a6 (70) first; a3 5; a4 0.
/// k_T3 = 2 selects a1 and a6. T2: a5 alone, k = 1, selected.
/// Waits of allocated T3 rows (days): a1 2020-01-15 → 2022-03-01 = 776, a6 2019-02-28 →
/// 2020-02-29 = 366 (leap day), a3 2021-06-01 → 2021-07-01 = 30; in months (/30.4375):
/// mean 1172/3/30.4375 = 12.835044490075292, median 366/30.4375 = 12.02464065708419
/// (Python `datetime.date` differences).
@Suite("ExplanationByHand")
struct ExplanationByHandTests {
    static let grid = """
    name: Petite grille
    role: "aide à la décision : la commission décide"
    id: id
    minimum_score: 0
    criteria:
      - {name: anciennete, label_fr: Ancienneté, label_en: Time waiting, column: mois, per_unit: 1, cap: 60}
      - {name: dalo, label_fr: DALO, label_en: DALO, column: dalo, flag: 50}
      - {name: sans_abri, label_fr: Sans abri, label_en: Homeless, column: sans_abri, flag: 30}
      - {name: heberge, label_fr: Hébergé, label_en: Hosted, column: heberge, flag: 15}
      - {name: refus, label_fr: Refus, label_en: Refusal, column: refus, flag: -20}
      - {name: effort, column: taux, missing: 0, bands: [{from: 0.3, to: 0.4, points: 10}, {from: 0.4, points: 20}]}
    exclusive_groups:
      - {name: logement, criteria: [sans_abri, heberge]}
    allocation:
      rule: capacity
      segment_by: [typo]
      capacity: {default: 1, segments: [{typo: T3, k: 2}]}
    tie_break: [mois desc, id asc]
    dates: {application: depot, allocation: attribution}
    data:
      id: {source: "numéro unique"}
      mois: {source: "formulaire", description: "mois"}
      dalo: {source: "commission DALO"}
    """

    static let csv = """
    id,typo,mois,dalo,sans_abri,heberge,refus,taux,depot,attribution
    a1,T3,85,non,oui,oui,non,0.35,2020-01-15,2022-03-01
    a2,T3,10,oui,non,non,non,0.45,2021-01-01,
    a3,T3,10,non,non,oui,oui,,2021-06-01,2021-07-01
    a4,T3,5,non,non,non,oui,0.1,2022-01-01,
    a5,T2,40,non,non,non,non,0.2,2020-05-05,2021-05-05
    a6,T3,70,non,non,non,non,0.45,2019-02-28,2020-02-29

    """

    static func explain(_ id: String, csv: String = csv, minimumWaitCount: Int = 10) throws -> ApplicantExplanation {
        try ApplicantExplanation.explain(grid: try PointsGrid(yaml: grid), csvPath: try RepositoryPaths.temporaryFile(csv, name: "d.csv"),
                                         id: id, minimumWaitCount: minimumWaitCount)
    }

    static func points(_ e: ApplicantExplanation) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: e.criteria.map { ($0.name, $0.countedPoints) })
    }

    @Test func capExclusiveGroupAndBandForA1() throws {
        let e = try Self.explain("a1")
        #expect(Self.points(e) == ["anciennete": 60, "dalo": 0, "sans_abri": 30, "heberge": 0, "refus": 0, "effort": 10])
        let anciennete = e.criteria[0]
        #expect(anciennete.cap == ExplanationCap(units: 85, unitsCounted: 60, capUnits: 60, capPoints: 60))
        #expect(anciennete.cap?.isBinding == true)
        let heberge = e.criteria[3]
        #expect(heberge.points == 15 && !heberge.counted && heberge.countedPoints == 0 && heberge.group == 0)
        #expect(e.groups == [ExplanationGroup(name: "logement", members: [2, 3], countedMember: 2, points: 30)])
        #expect(e.criteria[5].matched == "[0.3, 0.4)")
        #expect(e.operations == ExplanationOperations(sum: 100, minimumScore: 0, floorApplied: false, total: 100))
        #expect(e.standing.rank == 1 && e.standing.comparableCount == 5 && e.standing.selected == true)
        #expect(e.standing.segmentValues == ["T3"] && e.standing.capacity == 2 && e.standing.selectionLimit == 2)
        #expect(e.line == 2 && e.role == "aide à la décision : la commission décide")
    }

    @Test func tieBreakLeavesA2Unselected() throws {
        let e = try Self.explain("a2")
        #expect(Self.points(e) == ["anciennete": 10, "dalo": 50, "sans_abri": 0, "heberge": 0, "refus": 0, "effort": 20])
        #expect(e.criteria[0].cap?.isBinding == false)
        #expect(e.totalScore == 80)
        #expect(e.standing.rank == 3 && e.standing.selected == false)
        let a6 = try Self.explain("a6")
        #expect(a6.totalScore == 80 && a6.standing.rank == 2 && a6.standing.selected == true)
    }

    @Test func penaltyMissingValueAndSecondMemberOfGroupForA3() throws {
        let e = try Self.explain("a3")
        #expect(Self.points(e) == ["anciennete": 10, "dalo": 0, "sans_abri": 0, "heberge": 15, "refus": -20, "effort": 0])
        #expect(e.groups[0].countedMember == 3 && e.groups[0].points == 15)
        #expect(!e.criteria[2].counted && e.criteria[3].counted)
        #expect(e.criteria[5].value == nil && e.criteria[5].missingGivesZero && e.criteria[5].points == 0)
        #expect(e.totalScore == 5 && e.standing.rank == 4)
    }

    @Test func floorForA4() throws {
        let e = try Self.explain("a4")
        #expect(e.operations == ExplanationOperations(sum: -15, minimumScore: 0, floorApplied: true, total: 0))
        #expect(e.standing.rank == 5 && e.standing.selected == false)
    }

    @Test func otherSegmentWithDefaultCapacityForA5() throws {
        let e = try Self.explain("a5")
        #expect(e.totalScore == 40)
        #expect(e.standing.rank == 1 && e.standing.comparableCount == 1 && e.standing.capacity == 1 && e.standing.selected == true)
        #expect(e.wait == .suppressed(count: 1, minimumCount: 10))
    }

    @Test func dataItemsCarryDeclaredSourcesOnly() throws {
        let e = try Self.explain("a3")
        let byColumn = Dictionary(uniqueKeysWithValues: e.data.map { ($0.column, $0) })
        #expect(e.data.map(\.column) == ["id", "mois", "dalo", "sans_abri", "heberge", "refus", "taux", "typo", "depot", "attribution"])
        #expect(byColumn["mois"]?.source == "formulaire" && byColumn["mois"]?.description == "mois")
        #expect(byColumn["mois"]?.uses == ["criterion", "tie_break"])
        #expect(byColumn["taux"]?.source == nil && byColumn["taux"]?.value == nil)
        #expect(byColumn["id"]?.value == "a3" && byColumn["heberge"]?.value == "oui")
    }

    @Test func averageWaitOfComparableAllocatedApplications() throws {
        #expect(try Self.explain("a2").wait == .suppressed(count: 3, minimumCount: 10))
        guard case .available(let n, let mean, let median) = try Self.explain("a2", minimumWaitCount: 3).wait else {
            Issue.record("wait not available")
            return
        }
        #expect(n == 3)
        #expect(abs(mean - 12.835044490075292) <= 1e-12)
        #expect(abs(median - 12.02464065708419) <= 1e-12)
    }

    @Test func unknownAndDuplicatedIDs() throws {
        #expect(throws: ExplanationError.self) { try Self.explain("a7") }
        do {
            _ = try Self.explain("a7")
        } catch let error as ExplanationError {
            guard case .unknownID(let id, _, let column) = error else { Issue.record("\(error)"); return }
            #expect(id == "a7" && column == "id")
            #expect(!error.description.contains("a1") && !error.description.contains("a6"))
        }
        let twice = Self.csv + "a2,T2,1,non,non,non,non,0.1,2020-01-01,\n"
        do {
            _ = try Self.explain("a1", csv: twice)
            Issue.record("duplicate accepted")
        } catch let error as CSVError {
            // The store's identifier check: located at the second occurrence, naming both lines.
            #expect(error.line == 8 && error.column == 1 && error.columnName == "id", "\(error)")
            #expect(error.message.hasPrefix("id 'a2' is given twice, on lines 3 and 8"), "\(error)")
        }
    }

    @Test func badDatesAreLocated() throws {
        let bad = Self.csv.replacingOccurrences(of: "2022-03-01", with: "2022-02-30")
        do {
            _ = try Self.explain("a1", csv: bad)
            Issue.record("bad date accepted")
        } catch let error as ExplanationError {
            guard case .badDate(_, let line, let column, _) = error else { Issue.record("\(error)"); return }
            #expect(line == 2 && column == "attribution")
        }
        let backwards = Self.csv.replacingOccurrences(of: "2021-07-01", with: "2021-05-01")
        #expect(throws: ExplanationError.self) { try Self.explain("a1", csv: backwards) }
    }

    @Test func proposalsThresholdAndNoRule() throws {
        let csvPath = try RepositoryPaths.temporaryFile(Self.csv, name: "d.csv")
        func explain(_ allocation: String, _ id: String) throws -> ApplicantExplanation {
            let yaml = Self.grid.replacingOccurrences(of: "capacity: {default: 1, segments: [{typo: T3, k: 2}]}", with: allocation)
                .replacingOccurrences(of: "rule: capacity", with: "")
            return try ApplicantExplanation.explain(grid: try PointsGrid(yaml: yaml), csvPath: csvPath, id: id)
        }
        // proposals: 2 per dwelling, 1 dwelling per typology → ranks 1 and 2 of T3 (a1, a6).
        let proposals = "rule: proposals\n  per_unit: 2\n  capacity: {default: 1}"
        let a6 = try explain(proposals, "a6"), a2 = try explain(proposals, "a2")
        #expect(a6.standing.capacity == 1 && a6.standing.selectionLimit == 2 && a6.standing.selected == true)
        #expect(a2.standing.rank == 3 && a2.standing.selected == false)
        // threshold 80: a2 (80) is selected, a3 (5) is not; no capacity.
        let threshold = "rule: threshold\n  threshold: 80"
        let t2 = try explain(threshold, "a2"), t3 = try explain(threshold, "a3")
        #expect(t2.standing.selected == true && t2.standing.capacity == nil && t2.standing.selectionLimit == nil)
        #expect(t3.standing.selected == false && t3.standing.rank == 4)
        // No allocation rule: ranks over all six applications, no selection.
        let yaml = Self.grid.components(separatedBy: "allocation:\n")[0] + "tie_break: [mois desc, id asc]\n"
        let none = try ApplicantExplanation.explain(grid: try PointsGrid(yaml: yaml), csvPath: csvPath, id: "a5")
        #expect(none.standing.selected == nil && none.standing.rule == nil)
        #expect(none.standing.rank == 4 && none.standing.comparableCount == 6)  // 100, 80, 80, then a5 40, 5, 0
        #expect(none.wait == .notDeclared)
    }

    @Test func datesSpecNeedsBothColumns() throws {
        let partial = Self.grid.replacingOccurrences(of: "dates: {application: depot, allocation: attribution}", with: "dates: {application: depot}")
        #expect(throws: SpecError.self) { try PointsGrid(yaml: partial, file: "g.yaml") }
        do {
            _ = try PointsGrid(yaml: partial, file: "g.yaml")
        } catch {
            #expect(error.key == "dates.allocation" && error.line == 19, "\(error)")
        }
        let unknown = Self.grid.replacingOccurrences(of: "allocation: attribution}", with: "allocation: attribution, due: x}")
        #expect(throws: SpecError.self) { try PointsGrid(yaml: unknown) }
        #expect(try PointsGrid(yaml: Self.grid).dates == GridDateColumns(application: "depot", allocation: "attribution"))
    }

    @Test func civilDates() {
        #expect(CivilDate(iso: "1970-01-01")?.dayNumber == 0)
        #expect(CivilDate(iso: "2000-03-01")?.dayNumber == 11_017)
        #expect(CivilDate(iso: "2024-02-29") != nil && CivilDate(iso: "2023-02-29") == nil && CivilDate(iso: "1900-02-29") == nil)
        #expect(CivilDate(iso: "2024-2-01") == nil && CivilDate(iso: "2024-13-01") == nil && CivilDate(iso: "2024-04-31") == nil)
    }
}
