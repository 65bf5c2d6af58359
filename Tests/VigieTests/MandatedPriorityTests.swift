import AuditApplication
import AuditAssessment
import AuditData
import AuditMetrics
import AuditReport
import Foundation
import Testing

/// Mandated priorities (`system.mandated_priorities`, CCH L441-1) honoured by every output:
/// gaps in their favour are `intended`, out of the counts, checklists and gates, and never
/// drawn as adverse impact; gaps against them stay disparities; intersections with a suspect
/// ground are compared within each priority level.
@Suite struct MandatedPriorityTests {
    typealias S = ReportTestSupport

    /// Two attributes: `s` (suspect, reference M) and `h` (priority, reference non). Per cell
    /// (s, h): rows and selected rows; label y = d on even rows.
    static func csv(_ cells: [(String, String, Int, Int)]) -> String {
        var lines = ["s,h,d,y"]
        for (s, h, rows, selected) in cells {
            for i in 0..<rows {
                let d = i < selected ? 1 : 0
                lines.append("\(s),\(h),\(d),\(i % 2 == 0 ? d : 1 - d)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func spec(_ priorities: [String]) -> AuditSpec {
        var spec = AuditSpec(
            data: DataSpec(protected: [ProtectedAttributeSpec(column: "s", reference: .named("M")), ProtectedAttributeSpec(column: "h", reference: .named("non"))],
                           label: BinaryColumnSpec(column: "y"), decision: BinaryColumnSpec(column: "d")),
            analysis: AnalysisSpec(intersections: 2, minCellSize: 0))
        spec.report.system = SystemCard(values: [.mandatedPriorities: priorities])
        return spec
    }

    /// The disabled (h = oui) are proposed twice as often; F and M are treated alike within
    /// each level of h.
    static let favoured = csv([("M", "non", 400, 80), ("F", "non", 400, 80), ("M", "oui", 200, 80), ("F", "oui", 200, 80)])

    @Test func gapsInFavourOfAPriorityAreIntendedEverywhere() throws {
        let plain = try S.audit(csv: Self.favoured, spec: Self.spec([]))
        // Without the declaration: disparities, non below four-fifths of oui, the gates trip.
        #expect(plain.findings.contains { $0.attribute == "h" && $0.verdict == .disparity })
        #expect(plain["h"]?["non"]?.adverseImpact == true)
        #expect(AuditGates(plain).impactRatioFails && AuditGates(plain).verdictsFail)

        let r = try S.audit(csv: Self.favoured, spec: Self.spec(["h"]))
        let h = try #require(r.findings.first { $0.attribute == "h" && $0.group == "oui" && $0.metric == MetricID(.selectionRate) && $0.kind == .difference })
        #expect(h.verdict == .intended)
        // Reported with its size and interval: 40 % against 20 %, Newcombe interval.
        #expect(abs((h.value.value ?? 0) - 0.2) < 1e-12)
        #expect((h.interval?.low ?? 0) > 0.05)
        #expect(r.findings.allSatisfy { $0.verdict != .disparity }, "\(r.findings.filter { $0.verdict == .disparity })")
        // Impact ratio: non is compared with non only (1), oui with both (1): no adverse impact.
        #expect(r["h"]?["non"]?.impactRatio == .defined(1))
        #expect(r["h"]?["non"]?.adverseImpact == false)
        let gates = AuditGates(r, enforcesImpactRatio: true, enforcesVerdicts: true)
        #expect(!gates.impactRatioFails && !gates.verdictsFail && !gates.failsEnforced)
        // The LL144 table and its chart use the same rule: nothing under the threshold.
        let table = try #require(ImpactRatioTable.tables(r).first { $0.attribute == "h" })
        #expect(table.rows.allSatisfy { ($0.impactRatio ?? 1) >= 0.8 })
        let items = LegalChecklist.items(r, card: SystemCard(values: [.mandatedPriorities: ["h"]]), grid: nil)
        #expect(items.first { $0.id == "four_fifths" }?.assessment.status == .met)
        #expect(items.first { $0.id == "ai_act_15" }?.assessment.status == .met)
        #expect(items.first { $0.id == "ai_act_10_2_g" }?.assessment.status == .met)
    }

    /// Mixed intersection `s*h`: `F*oui` is compared with `M*oui` (same priority level), so a gap
    /// on the suspect ground within the disabled is still found, and not excused by the priority.
    @Test func mixedIntersectionsAreExaminedOnTheSuspectGround() throws {
        // Within the disabled, women are proposed at 20 % against 40 % for men.
        let data = Self.csv([("M", "non", 400, 80), ("F", "non", 400, 80), ("M", "oui", 400, 160), ("F", "oui", 400, 80)])
        let r = try S.audit(csv: data, spec: Self.spec(["h"]))
        let sh = try #require(r["s*h"])
        let fOui = try #require(sh["F*oui"])
        #expect(fOui.stratumReference.map { sh.groups[$0].label } == "M*oui")
        let f = try #require(r.findings.first { $0.attribute == "s*h" && $0.group == "F*oui" && $0.metric == MetricID(.selectionRate) && $0.kind == .difference })
        #expect(f.reference == "M*oui")
        #expect(abs((f.value.value ?? 0) + 0.2) < 1e-12)
        #expect(f.verdict == .disparity)
        // M*oui against M*non differs on the priority alone: intended.
        let m = try #require(r.findings.first { $0.attribute == "s*h" && $0.group == "M*oui" && $0.metric == MetricID(.selectionRate) && $0.kind == .difference })
        #expect(m.reference == "M*non" && m.verdict == .intended)
        // metrics.csv's difference for F*oui is against the same group as its finding.
        #expect(fOui[MetricID(.selectionRate).difference] == f.value)
        // Impact ratio of F*oui: over the most favoured of groups holding no priority it lacks —
        // every group, M*oui highest (0.4): 0.5, adverse on the suspect ground.
        #expect(fOui.impactRatio == .defined(0.5) && fOui.adverseImpact == true)
        // M*non and F*non are not compared with the disabled: ratio 1.
        #expect(sh["M*non"]?.impactRatio == .defined(1) && sh["F*non"]?.impactRatio == .defined(1))
    }

    /// A gap against the priority group (the disabled proposed less) is a disparity and adverse
    /// impact: the rules want that group favoured.
    @Test func gapsAgainstAPriorityStayFindings() throws {
        let data = Self.csv([("M", "non", 400, 160), ("F", "non", 400, 160), ("M", "oui", 200, 40), ("F", "oui", 200, 40)])
        let r = try S.audit(csv: data, spec: Self.spec(["h=oui"]))
        let f = try #require(r.findings.first { $0.attribute == "h" && $0.group == "oui" && $0.metric == MetricID(.selectionRate) && $0.kind == .difference })
        #expect(f.verdict == .disparity && f.reason.description.contains("against the mandated priority"))
        #expect(r["h"]?["oui"]?.adverseImpact == true)
        #expect(AuditGates(r).impactRatioFails && AuditGates(r).verdictsFail)
    }

    /// In the spec file, a priority must name a protected attribute (a typo would silently drop
    /// it); a --protected subset on the command line may leave one unused.
    @Test func aPriorityMustNameAProtectedAttribute() throws {
        let yaml = "version: 1\ndata: x.csv\nprotected: [g]\ndecision: d\nsystem:\n  mandated_priorities: [revenu]\n"
        #expect(throws: SpecError.self) { try AuditSpec(yaml: yaml) }
        _ = try AuditSpec(yaml: yaml.replacingOccurrences(of: "[revenu]", with: "[g=oui]"))
    }

    /// The bare form (`[g]`: every group but the reference is favoured) needs a named reference:
    /// under `largest` or `best` the favoured groups would depend on the data, under `overall`
    /// none would be favoured.
    @Test func aBarePriorityNeedsANamedReference() throws {
        let yaml = "version: 1\ndata: x.csv\nprotected: [g]\ndecision: d\nsystem:\n  mandated_priorities: [g]\n"
        for rule in ["", "\nreference: best", "\nreference: overall"] {
            let text = yaml.replacingOccurrences(of: "decision: d", with: "decision: d" + rule)
            #expect(throws: SpecError.self, "\(rule)") { try AuditSpec(yaml: text) }
        }
        do {
            _ = try AuditSpec(yaml: yaml)
        } catch {
            #expect(error.key == "system.mandated_priorities" && error.message.contains("reference"))
        }
        _ = try AuditSpec(yaml: yaml.replacingOccurrences(of: "protected: [g]", with: "protected: [{column: g, reference: non}]"))
        _ = try AuditSpec(yaml: yaml.replacingOccurrences(of: "mandated_priorities: [g]", with: "mandated_priorities: [g=oui]"))
    }

    /// The housing demo (`mandated_priorities: [handicap]`): the 11 disparities it listed all
    /// involved `handicap` in its favour; they are now intended, and no longer make AI Act
    /// Art. 15 "not met", fill the disparity count, mark the non-disabled as adverse impact, or
    /// trip the gates.
    @Test func housingDemo() throws {
        let (r, report) = try S.fixture("housing")
        let disparities = r.findings.filter { $0.verdict == .disparity }
        #expect(disparities.allSatisfy { !$0.attribute.contains("handicap") || $0.reason.description.contains("against") }, "\(disparities.map { "\($0.attribute) \($0.group) \($0.metric)" })")
        #expect(r.findings.contains { $0.verdict == .intended && $0.attribute == "handicap" })
        let items = LegalChecklist.items(r, card: report.card, grid: nil)
        #expect(items.first { $0.id == "ai_act_15" }?.assessment.status == .met)
        #expect(r["handicap"]?["non"]?.adverseImpact != true)
        let table = try #require(ImpactRatioTable.tables(r).first { $0.attribute == "handicap" })
        #expect(table.rows.first { $0.category == "non" }?.impactRatio == 1)
        let gates = AuditGates(r)
        #expect(!gates.belowThreshold.contains { $0.attribute == "handicap" })
        #expect(!gates.verdictsFail)
        let md = MarkdownReport.render(ReportBuilder(r, report: report).document())
        #expect(md.contains("In all, none of the 296 comparisons shows a disparity"), "\(md.prefix(3000))")
    }
}
