import AuditApplication
import AuditAssessment
import AuditData
import AuditMetrics
@testable import AuditReport
import Foundation
import Testing

/// The convention's statuses, the legal checklist and the LL144 table on small hand-made audits.
@Suite struct ReportAssessmentTests {
    typealias S = ReportTestSupport

    /// 80 % of A selected against 20 % of B: a certain, large disparity (impact ratio 0.25).
    static let unequal = S.csv([("A", 200, 160), ("B", 200, 40)])
    /// 50 % in both groups, 2,000 each: no disparity beyond ±5 points.
    static let equal = S.csv([("A", 2000, 1000), ("B", 2000, 1000)])
    /// 20 rows per group: no verdict possible.
    static let small = S.csv([("A", 20, 16), ("B", 20, 4)])

    func card(_ pairs: [SystemCard.Field: String]) -> SystemCard {
        var c = SystemCard()
        for (k, v) in pairs { c[k] = v }
        return c
    }

    @Test func combineAndDeclaredRules() {
        #expect(AssessmentStatus.combine([.met, .met]) == .met)
        #expect(AssessmentStatus.combine([.met, .notAssessable]) == .attention)
        #expect(AssessmentStatus.combine([.notMet, .notAssessable]) == .notMet)
        #expect(AssessmentStatus.combine([.attention, .met]) == .attention)
        #expect(AssessmentStatus.combine([.notAssessable, .notAssessable]) == .notAssessable)
        #expect(AssessmentStatus.declared(0, of: 2) == .notAssessable)
        #expect(AssessmentStatus.declared(1, of: 2) == .attention)
        #expect(AssessmentStatus.declared(2, of: 2) == .met)
        #expect(ProtectedGround.of("nationalite", mandated: ["handicap"]) == .suspect)
        #expect(ProtectedGround.of("nationalite*handicap", mandated: ["handicap"]) == .mixed)
        #expect(ProtectedGround.of("handicap", mandated: ["handicap"]) == .mandated)
    }

    @Test func parameterSettingFollowsTheVerdicts() throws {
        let bad = try S.audit(csv: Self.unequal, spec: S.spec())
        #expect(bad.findings.contains { $0.verdict == .disparity && $0.metric == MetricID(.selectionRate) })
        let a = ConventionAssessment(bad, card: SystemCard(), suppressionThreshold: nil)
        #expect(a[.parameterSetting]?.status == .notMet)
        #expect(a[.parameterSetting]?.evidence.first?.source == .measured)
        #expect(a[.parameterSetting]?.evidence.contains { $0.source == .missing && $0.key == "evidence.missing_field" } == true)
        #expect(a[.ethics]?.status == .notMet)

        // The same gap in favour of a declared mandated priority (A) is intended, not counted against.
        let mandated = SystemCard(values: [.mandatedPriorities: ["g=A"]])
        let lawful = try S.audit(csv: Self.unequal, spec: S.spec(card: mandated))
        #expect(lawful.findings.contains { $0.verdict == .intended && $0.metric == MetricID(.selectionRate) })
        #expect(ConventionAssessment(lawful, card: mandated, suppressionThreshold: nil)[.parameterSetting]?.status == .notAssessable)
        // Against the priority (B, every group but the reference A, gets less): still a disparity.
        let againstCard = SystemCard(values: [.mandatedPriorities: ["g"]])
        let against = try S.audit(csv: Self.unequal, spec: S.spec(card: againstCard))
        #expect(against.findings.contains { $0.verdict == .disparity && $0.metric == MetricID(.selectionRate) && $0.reason.description.contains("against the mandated priority") })
        #expect(ConventionAssessment(against, card: againstCard, suppressionThreshold: nil)[.parameterSetting]?.status == .notMet)

        let fine = try S.audit(csv: Self.equal, spec: S.spec())
        #expect(fine.findings.filter { $0.kind == .difference }.allSatisfy { $0.verdict == .noDisparity })
        #expect(ConventionAssessment(fine, card: SystemCard(), suppressionThreshold: nil)[.parameterSetting]?.status == .met)

        let unsure = try S.audit(csv: Self.small, spec: S.spec())
        #expect(ConventionAssessment(unsure, card: SystemCard(), suppressionThreshold: nil)[.parameterSetting]?.status == .attention)
    }

    @Test func declaredOnlyConcernsAndObjectives() throws {
        let none = try S.audit(csv: Self.equal, spec: S.spec())
        let a = ConventionAssessment(none, card: SystemCard(), suppressionThreshold: nil)
        for c in [ConventionConcern.dependence, .costBenefit, .governance] {
            #expect(a[c]?.status == .notAssessable, "\(c)")
            #expect(a[c]?.evidence.allSatisfy { $0.source == .missing } == true)
        }
        #expect(a[.transparency]?.status == .notAssessable)
        #expect(a[.dataSecurity]?.status == .attention)  // no suppression, nothing declared

        let someCard = card([.fallback: "manual", .cost: "10 k€", .energy: "1 MWh", .operator: "city"])
        let some = try S.audit(csv: Self.equal, spec: S.spec(card: someCard))
        let b = ConventionAssessment(some, card: someCard, suppressionThreshold: 11)
        #expect(b[.dependence]?.status == .attention)
        #expect(b[.costBenefit]?.status == .met)
        #expect(b[.governance]?.status == .attention)
        #expect(b[.dataSecurity]?.evidence.contains { $0.key == "evidence.suppression" && $0.values["k"] == .count(11) } == true)
        #expect(b[.dataSecurity]?.status == .attention)  // storage, access, retention missing

        let fullCard = card([
            .storage: "s", .access: "a", .retention: "r", .publicationURL: "u", .dataSources: "d", .mention: "m", .explanation: "e",
        ])
        let full = try S.audit(csv: Self.equal, spec: S.spec(card: fullCard))
        let c = ConventionAssessment(full, card: fullCard, suppressionThreshold: 5)
        #expect(c[.dataSecurity]?.status == .met)
        #expect(c[.transparency]?.status == .met)
        #expect(c[.transparency]?.evidence.allSatisfy { $0.source == .declared } == true)
    }

    @Test func reliabilityFromTheUnknownShare() throws {
        // 50 unknown of 450 rows: 11.1 % > 10 %.
        let many = try S.audit(csv: S.csv([("A", 200, 100), ("B", 200, 100)], unknown: 50), spec: S.spec())
        let a = ConventionAssessment(many, card: SystemCard(), suppressionThreshold: nil)[.dataReliability]
        #expect(a?.status == .notMet)
        #expect(a?.evidence.first?.values["share"] == .percent(50.0 / 450.0))
        // 5 of 405: 1.2 % ≤ 2 %, measured met; nothing declared: attention; both declared: met.
        let few = S.csv([("A", 200, 100), ("B", 200, 100)], unknown: 5)
        #expect(ConventionAssessment(try S.audit(csv: few, spec: S.spec()), card: SystemCard(), suppressionThreshold: nil)[.dataReliability]?.status == .attention)
        let reliable = card([.updateProcess: "yearly", .errorCorrection: "on request"])
        let declared = try S.audit(csv: few, spec: S.spec(card: reliable))
        #expect(ConventionAssessment(declared, card: reliable, suppressionThreshold: nil)[.dataReliability]?.status == .met)
        // 20 of 420: 4.8 %, attention.
        let some = try S.audit(csv: S.csv([("A", 200, 100), ("B", 200, 100)], unknown: 20), spec: S.spec(card: reliable))
        #expect(ConventionAssessment(some, card: reliable, suppressionThreshold: nil)[.dataReliability]?.status == .attention)
    }

    func item(_ items: [LegalItem], _ id: String) -> LegalItem? { items.first { $0.id == id } }

    @Test func legalChecklistRules() throws {
        let bad = try LegalChecklist.items(S.audit(csv: Self.unequal, spec: S.spec()), card: SystemCard(), grid: nil)
        #expect(bad.map(\.id) == [
            "crpa_l311_3_1", "crpa_r311_3_1_2_1", "crpa_r311_3_1_2_2", "crpa_r311_3_1_2_3", "crpa_r311_3_1_2_4", "crpa_l312_1_3",
            "ai_act_9", "ai_act_10_2_f", "ai_act_10_2_g", "ai_act_13", "ai_act_14", "ai_act_15",
            "ai_act_27_a", "ai_act_27_b", "ai_act_27_c", "ai_act_27_d", "ai_act_27_e", "ai_act_27_f", "four_fifths",
        ])
        #expect(item(bad, "crpa_l311_3_1")?.assessment.status == .notAssessable)
        #expect(item(bad, "crpa_r311_3_1_2_2")?.assessment.status == .attention)  // columns measured, sources missing
        #expect(item(bad, "ai_act_9")?.assessment.status == .attention)
        #expect(item(bad, "ai_act_10_2_f")?.assessment.status == .met)
        #expect(item(bad, "ai_act_10_2_g")?.assessment.status == .notMet)
        #expect(item(bad, "four_fifths")?.assessment.status == .notMet)
        #expect(item(bad, "four_fifths")?.assessment.evidence.first?.values["ratio"] == .number(0.25, digits: 2))

        let declaredCard = card([
            .mention: "on the letter", .friaMeasures: "grid reviewed", .humanOversight: "commission", .fallback: "manual", .friaRisks: "origin",
        ])
        let declared = try LegalChecklist.items(S.audit(csv: Self.unequal, spec: S.spec(card: declaredCard)), card: declaredCard, grid: nil)
        #expect(item(declared, "crpa_l311_3_1")?.assessment.status == .met)
        #expect(item(declared, "ai_act_10_2_g")?.assessment.status == .attention)
        #expect(item(declared, "ai_act_14")?.assessment.status == .met)
        #expect(item(declared, "ai_act_27_d")?.assessment.status == .met)
        #expect(item(declared, "ai_act_27_a")?.assessment.status == .notAssessable)

        let mandated = SystemCard(values: [.mandatedPriorities: ["g=A"]])
        let lawful = try LegalChecklist.items(S.audit(csv: Self.unequal, spec: S.spec(card: mandated)), card: mandated, grid: nil)
        #expect(item(lawful, "four_fifths")?.assessment.status == .met)
        #expect(item(lawful, "ai_act_10_2_g")?.assessment.status == .met)
        // Against the priority group B: adverse impact and a disparity, as on any ground.
        let againstCard = SystemCard(values: [.mandatedPriorities: ["g"]])
        let against = try LegalChecklist.items(S.audit(csv: Self.unequal, spec: S.spec(card: againstCard)), card: againstCard, grid: nil)
        #expect(item(against, "four_fifths")?.assessment.status == .notMet)
        #expect(item(against, "ai_act_10_2_g")?.assessment.status == .notMet)

        let fine = try LegalChecklist.items(S.audit(csv: Self.equal, spec: S.spec()), card: SystemCard(), grid: nil)
        #expect(item(fine, "four_fifths")?.assessment.status == .met)

        var noLabel = S.spec()
        noLabel.data.label = nil
        let nl = try LegalChecklist.items(S.audit(csv: Self.equal, spec: noLabel), card: SystemCard(), grid: nil)
        #expect(item(nl, "ai_act_15")?.assessment.status == .notAssessable)
        #expect(item(nl, "ai_act_13")?.assessment.status == .notAssessable)
    }

    /// LL144: C (1 row of 100, 1 %) is listed and marked, with the audit's impact ratio; by hand:
    /// A 48/60 = 0.8 (highest), B 13/39 = 1/3, IR_B = (1/3)/0.8 = 0.41666…, IR_C = 1/0.8.
    @Test func impactRatioTableByHand() throws {
        let r = try S.audit(csv: S.csv([("A", 60, 48), ("B", 39, 13), ("C", 1, 1)]), spec: S.spec())
        let table = try #require(ImpactRatioTable.tables(r).first)
        #expect(table.rows.map(\.category) == ["A", "B", "C"])
        let a = table.rows[0], b = table.rows[1], c = table.rows[2]
        #expect(a.count == 60 && b.count == 39 && c.count == 1)
        #expect(abs(a.share - 0.6) < 1e-15 && abs(c.share - 0.01) < 1e-15)
        #expect(abs(a.rate! - 0.8) < 1e-15)
        #expect(a.impactRatio == 1)
        #expect(abs(b.impactRatio! - (1.0 / 3.0) / 0.8) < 1e-12)
        #expect(c.impactRatio == 1.25 && c.exclusion == nil && c.note == "small" && c.rate == 1)
        #expect(r["g"]?["C"]?.impactRatio == .defined(1.25))

        // Unfavourable decisions: the rate is 1 − selection rate; A 0.2, B 2/3 (highest).
        var spec = S.spec()
        spec.analysis.decisionIs = .unfavourable
        let u = try #require(ImpactRatioTable.tables(S.audit(csv: S.csv([("A", 60, 48), ("B", 39, 13), ("C", 1, 1)]), spec: spec)).first)
        #expect(abs(u.rows[0].impactRatio! - 0.2 / (2.0 / 3.0)) < 1e-12)
        #expect(u.rows[1].impactRatio == 1)

        // The unknown category is reported with its count, out of the ratios.
        let k = try #require(ImpactRatioTable.tables(S.audit(csv: S.csv([("A", 60, 48), ("B", 39, 13)], unknown: 10), spec: S.spec())).first)
        let unknown = try #require(k.rows.first { $0.note == "unknown" })
        #expect(unknown.count == 10 && unknown.impactRatio != nil)
    }

    @Test func keyFindingsPutSuspectDisparitiesFirst() throws {
        let r = try S.audit(csv: Self.unequal, spec: S.spec())
        let key = ReportBuilder.keyFindings(r)
        #expect(key.count == 1)  // one per group: B
        #expect(key.first?.group == "B" && key.first?.verdict == .disparity)
        // Plain words: 20 out of 100 for B against 80 for A.
        let md = MarkdownReport.render(ReportBuilder(r).document())
        #expect(md.contains("Out of 100 people with `g` = `B`"), "\(md.prefix(2000))")
        #expect(md.contains("**20** get the decision `d`, against **80** out of 100 with `A`"))
        // A gap below the reference: its size and the interval of its size, both positive.
        #expect(md.range(of: "The gap is 60\\.0 points lower \\(95\u{a0}?\\s?% interval [0-9]+\\.[0-9] to [0-9]+\\.[0-9]\\)", options: .regularExpression) != nil, "\(md.prefix(1500))")
        let fr = MarkdownReport.render(ReportBuilder(r, language: .fr).document())
        #expect(fr.contains("Sur 100 personnes avec `g` = `B`, **20** obtiennent la décision «\u{202F}`d`\u{202F}», contre **80** sur 100 pour `A`"), "\(fr.prefix(2000))")
    }

    /// Every LL144 table of the housing sample against pandas (Fixtures/reference/report/ll144.py):
    /// same categories, counts, shares, rates and impact ratios (1e-12 relative), same exclusions.
    @Test func impactRatioTablesMatchPandas() throws {
        let url = S.root.appendingPathComponent("Fixtures/reference/report/ll144_housing.json")
        let reference = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [[String: Any]]
        // Without disclosure control, to compare every rate (suppression is tested elsewhere).
        let spec = try AuditSpec(contentsOfFile: S.root.appendingPathComponent("Fixtures/housing/audit.yaml").path)
        let tables = ImpactRatioTable.tables(try S.run(spec))
        #expect(tables.map(\.attribute) == reference.map { $0["attribute"] as! String })
        var worst = 0.0
        func close(_ a: Double, _ b: Double) -> Bool {
            let e = abs(a - b) / max(1e-300, abs(b)); worst = max(worst, e); return e <= 1e-12
        }
        for (table, ref) in zip(tables, reference) {
            let rows = (ref["rows"] as! [[String: Any]])
            let mine = table.rows.sorted { $0.category < $1.category }
            #expect(mine.map(\.category) == rows.map { $0["category"] as! String }, "\(table.attribute)")
            for (r, e) in zip(mine, rows) {
                #expect(r.count == e["count"] as! Int)
                #expect(close(r.share, e["share"] as! Double))
                #expect(close(try #require(r.rate), e["rate"] as! Double), "\(table.attribute) \(r.category)")
                #expect(r.exclusion == nil && r.note == e["note"] as? String, "\(table.attribute) \(r.category)")
                if let ir = e["impact_ratio"] as? Double {
                    #expect(close(try #require(r.impactRatio), ir), "\(table.attribute) \(r.category)")
                } else {
                    #expect(r.impactRatio == nil)
                }
            }
        }
        #expect(worst <= 1e-12, "largest relative error \(worst)")
        print("LL144 vs pandas: largest relative error \(worst)")
    }
}
