import AuditApplication
import AuditData
import AuditMetrics
import AuditAssessment
@testable import AuditReport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `vigie audit --junit`: one test case per finding and per gate, failure for a disparity,
/// skipped with the reason for insufficient evidence, nothing about a suppressed group's
/// figures; well-formed whatever the labels; the same bytes for the same audit.
@Suite struct JUnitReportTests {
    typealias S = ReportTestSupport

    /// A parsed test case: its suite, class, name, outcome element (`failure`, `skipped` or
    /// nil), the outcome's type and message, and its text.
    struct Case {
        var suite, classname, name: String
        var outcome: String?
        var type, message, text: String
    }

    static func cases(_ xml: String) throws -> (root: XMLElement, cases: [Case]) {
        let document = try XMLDocument(data: Data(xml.utf8))
        let root = try #require(document.rootElement())
        var out: [Case] = []
        for suite in root.elements(forName: "testsuite") {
            for c in suite.elements(forName: "testcase") {
                let result = c.elements(forName: "failure").first ?? c.elements(forName: "skipped").first
                out.append(Case(suite: suite.attribute(forName: "name")?.stringValue ?? "", classname: c.attribute(forName: "classname")?.stringValue ?? "",
                                name: c.attribute(forName: "name")?.stringValue ?? "", outcome: result?.name,
                                type: result?.attribute(forName: "type")?.stringValue ?? "", message: result?.attribute(forName: "message")?.stringValue ?? "",
                                text: result?.stringValue ?? ""))
            }
        }
        return (root, out)
    }

    static func attribute(_ e: XMLElement, _ name: String) -> Int? { e.attribute(forName: name)?.stringValue.flatMap { Int($0) } }

    @Test func everyFindingAndGateIsOneTestCase() throws {
        let (result, _) = try S.fixture("housing", mandatedPriorities: false)  // disparities to fail
        let gates = AuditGates(result)
        let (root, cases) = try Self.cases(JUnitReport(result, gates: gates).render())
        #expect(root.name == "testsuites")
        #expect(Self.attribute(root, "tests") == cases.count)
        #expect(Self.attribute(root, "failures") == cases.filter { $0.outcome == "failure" }.count)
        #expect(Self.attribute(root, "errors") == 0)
        for suite in root.elements(forName: "testsuite") {
            let own = cases.filter { $0.suite == suite.attribute(forName: "name")?.stringValue }
            #expect(Self.attribute(suite, "tests") == own.count)
            #expect(Self.attribute(suite, "failures") == own.filter { $0.outcome == "failure" }.count)
            #expect(Self.attribute(suite, "skipped") == own.filter { $0.outcome == "skipped" }.count)
        }

        // One case per finding, its outcome from the verdict, its message carrying the reason.
        let findingCases = cases.filter { $0.classname.hasPrefix("vigie.findings.") }
        #expect(findingCases.count == result.findings.count)
        #expect(result.findings.count > 500)
        var byName: [String: Case] = [:]
        for c in findingCases { byName[c.classname + "\u{0}" + c.name] = c }
        #expect(byName.count == findingCases.count, "case names are unique within their class")
        for f in result.findings {
            let c = try #require(byName["vigie.findings.\(f.attribute)\u{0}\(f.group) vs \(f.reference): \(f.metric) (\(f.kind.rawValue))"])
            switch f.verdict {
            case .disparity: #expect(c.outcome == "failure" && c.type == "disparity")
            case .insufficientEvidence: #expect(c.outcome == "skipped" && c.type == "insufficient_evidence")
            case .noDisparity, .intended: #expect(c.outcome == nil)
            }
            if f.verdict != .noDisparity && f.verdict != .intended {
                #expect(c.message == "\(f.verdict == .disparity ? "disparity" : "insufficient evidence"): \(ReportText(.en).reason(f.reason))")
                #expect(c.text.contains("\(ReportText(.en).count(f.groupRows)) rows in the group's denominator, \(ReportText(.en).count(f.referenceRows)) in the reference's."))
                #expect(c.text.hasSuffix("Reason: \(ReportText(.en).reason(f.reason))"))
                // The English wording is findings.csv's, except an undefined value's detail.
                if case .valueUndefined = f.reason.cause {} else { #expect(ReportText(.en).reason(f.reason) == f.reason.description) }
            }
        }
        #expect(result.findings.contains { $0.verdict == .disparity } && result.findings.contains { $0.verdict == .insufficientEvidence })

        // The two gates, failing as the command's gates would.
        let gateCases = cases.filter { $0.classname == "vigie.gates" }
        #expect(gateCases.map(\.name) == ["impact-ratio threshold 0.80 (four-fifths rule)", "no finding with the verdict disparity"])
        #expect((gateCases[0].outcome == "failure") == !gates.belowThreshold.isEmpty)
        #expect((gateCases[1].outcome == "failure") == gates.verdictsFail)
        #expect(gateCases[1].message == "\(gates.disparities.count + gates.withheldDisparities.count) finding(s) with the verdict disparity")
        #expect(gateCases[1].text.hasPrefix("not enforced (--fail-on-verdict not given)"))
        for g in gates.belowThreshold { #expect(gateCases[0].text.contains("\(g.attribute)=\(g.group.label): ")) }

        // One impact-ratio case per group with an impact ratio; failures are the gated groups.
        let ratioCases = cases.filter { $0.classname.hasPrefix("vigie.impact_ratio.") }
        #expect(ratioCases.count == result.attributes.flatMap(\.groups).filter { $0.impactRatio != nil }.count)
        // Groups whose ratio is withheld (judged on the true values) fail the gate without a
        // figure: their own case says "suppressed".
        #expect(Set(ratioCases.filter { $0.outcome == "failure" }.map(\.name)) == Set(gates.belowThreshold.filter { !$0.withheld }.map { "\($0.attribute)=\($0.group.label)" }))
        for g in gates.belowThresholdNotGated {
            #expect(ratioCases.first { $0.name == "\(g.attribute)=\(g.group.label)" }?.type == (g.withheld ? "suppressed" : "not_gated"))
        }
        for g in gates.belowThreshold where g.withheld {
            #expect(ratioCases.first { $0.name == "\(g.attribute)=\(g.group.label)" }?.type == "suppressed")
        }
    }

    /// A suppressed group's figures appear nowhere: no finding case names it, and its
    /// impact-ratio case says "suppressed" and holds no digit.
    @Test func suppressedGroupsAreNeverNamedWithTheirFigures() throws {
        let (result, _) = try S.fixture("housing")
        let hidden = try #require(result.disclosure?.cells)
        #expect(!hidden.isEmpty)
        let (_, cases) = try Self.cases(JUnitReport(result, gates: AuditGates(result)).render())
        for cell in hidden {
            #expect(!cases.contains { $0.classname == "vigie.findings.\(cell.attribute)" && ($0.name.hasPrefix(cell.group + " vs ") || $0.name.contains(" vs \(cell.group):")) },
                    "\(cell.attribute)=\(cell.group)")
            for c in cases where c.name == "\(cell.attribute)=\(cell.group)" {
                #expect(c.outcome == "skipped" && c.type == "suppressed")
                #expect(c.message == "suppressed (disclosure control)" && c.text.isEmpty)
            }
            // The gate may name a withheld failure (gates are judged on the true values), never
            // with its figure.
            for c in cases where c.classname == "vigie.gates" {
                for line in c.text.split(separator: "\n") where line.hasPrefix("\(cell.attribute)=\(cell.group):") {
                    #expect(line == "\(cell.attribute)=\(cell.group): suppressed (disclosure control)", "\(line)")
                }
            }
        }
    }

    @Test func frenchNamesAndNumbers() throws {
        let (result, report) = try S.fixture("housing", language: .fr, mandatedPriorities: false)
        let gates = AuditGates(result, enforcesImpactRatio: true)
        let (root, cases) = try Self.cases(JUnitReport(result, gates: gates, language: report.language).render())
        #expect(root.attribute(forName: "name")?.stringValue == "Audit Vigie : applicants-sample.csv")
        #expect(cases.first?.suite == "contrôles")
        #expect(cases.first?.name == "seuil du ratio d'impact 0,80 (règle des quatre cinquièmes)")
        #expect(cases.first?.text.hasPrefix("appliqué par --fail-on-disparity : la commande sort avec le code 1") == true)
        let f = try #require(result.findings.first { $0.verdict == .disparity && $0.kind == .difference })
        let c = try #require(cases.first { $0.classname == "vigie.findings.\(f.attribute)" && $0.name == "\(f.group) contre \(f.reference) : \(f.metric) (différence)" })
        let reason = ReportText(.fr).reason(f.reason)
        #expect(c.message == "disparité : \(reason)")
        #expect(reason.hasPrefix("intervalle [") && reason.contains(" hors de la tolérance ±0,05 ; p ajusté "), "\(reason)")
        #expect(c.text.hasSuffix("Raison : \(reason)"))
        // No English left in any finding's message or text (the words of FindingReason's English text).
        for c in cases where c.classname.hasPrefix("vigie.findings.") {
            for word in ["interval ", "tolerance", "adjusted", "rows", "group ", "reference ", "undefined", "too few", "findings.csv", "anglais"] {
                #expect(!c.message.contains(word) && !c.text.contains(word), "\(word): \(c.message) \(c.text)")
            }
        }
        #expect(c.text.hasPrefix("valeur \(NumberFormat.fixed(f.value.value!, digits: 4).replacingOccurrences(of: ".", with: ",")), intervalle à 95 % ["))
        #expect(cases.count == result.findings.count + 2 + result.attributes.flatMap(\.groups).filter { $0.impactRatio != nil }.count)
    }

    /// An undefined impact ratio (no group selected: the highest rate is 0) in French: the
    /// reason in French, English exactly as before.
    @Test func undefinedRatioInFrench() throws {
        var lines = ["g,d"]
        for i in 0..<50 { lines.append("A,0"); if i < 40 { lines.append("B,0") } }
        let spec = AuditSpec(data: DataSpec(protected: [ProtectedAttributeSpec(column: "g")], decision: BinaryColumnSpec(column: "d")), analysis: AnalysisSpec(intersections: 1))
        let result = try S.audit(csv: lines.joined(separator: "\n") + "\n", spec: spec)
        let (_, english) = try Self.cases(JUnitReport(result, gates: AuditGates(result)).render())
        let en = try #require(english.first { $0.classname == "vigie.impact_ratio.g" && $0.name == "g=B" })
        #expect(en.type == "undefined" && en.message == "impact ratio undefined: no group has a favourable outcome (highest rate is 0)", "\(en.message)")
        let (_, french) = try Self.cases(JUnitReport(result, gates: AuditGates(result), language: .fr).render())
        let fr = try #require(french.first { $0.classname == "vigie.impact_ratio.g" && $0.name == "g=B" })
        #expect(fr.type == "undefined" && fr.message == "ratio d'impact non défini : aucun groupe n'a d'issue favorable (le taux le plus haut est 0)", "\(fr.message)")
        let t = ReportText(.fr)
        #expect(t.undefinedRatioReason("undefined for the group: empty group: no rows") == "non défini pour le groupe : groupe vide : aucune ligne")
        #expect(t.undefinedRatioReason("something new") == "raison donnée en anglais : `something new`")
        #expect(ReportText(.en).undefinedRatioReason("something new") == "something new")
    }

    /// Labels holding XML and Markdown syntax, quotes and a forbidden control character:
    /// the file stays well-formed and the parsed names give the labels back.
    @Test func hostileLabelsStayWellFormed() throws {
        let labels = ReportFormatTests.hostile + ["bell\u{7}char"]
        var lines = ["g,d,y"]
        for (i, label) in labels.enumerated() {
            let quoted = "\"" + label.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            for j in 0..<(40 + i) { lines.append("\(quoted),\(j % (i + 2) == 0 ? 1 : 0),\(j % 2)") }
        }
        let spec = AuditSpec(data: DataSpec(protected: [ProtectedAttributeSpec(column: "g")], label: BinaryColumnSpec(column: "y"), decision: BinaryColumnSpec(column: "d")), analysis: AnalysisSpec(intersections: 1))
        let result = try S.audit(csv: lines.joined(separator: "\n") + "\n", spec: spec)
        let (_, cases) = try Self.cases(JUnitReport(result, gates: AuditGates(result)).render())
        let names = Set(cases.filter { $0.classname == "vigie.impact_ratio.g" }.map(\.name))
        for label in ReportFormatTests.hostile { #expect(names.contains("g=\(label)"), "\(label)") }
        #expect(names.contains("g=bell\u{FFFD}char"))
    }

    @Test func sameAuditSameBytes() throws {
        let (a, _) = try S.fixture("housing"), (b, _) = try S.fixture("housing")
        #expect(JUnitReport(a, gates: AuditGates(a)).render() == JUnitReport(b, gates: AuditGates(b)).render())
    }

    /// Without a decision there is no impact ratio: the gate is skipped, the suite absent.
    @Test func labelOnlyAuditSkipsTheImpactRatioGate() throws {
        var lines = ["g,y"]
        for i in 0..<200 { lines.append("\(i % 2 == 0 ? "a" : "b"),\(i % 3 == 0 ? 1 : 0)") }
        let spec = AuditSpec(data: DataSpec(protected: [ProtectedAttributeSpec(column: "g")], label: BinaryColumnSpec(column: "y")), analysis: AnalysisSpec(intersections: 1))
        let result = try S.audit(csv: lines.joined(separator: "\n") + "\n", spec: spec)
        let (_, cases) = try Self.cases(JUnitReport(result, gates: AuditGates(result)).render())
        #expect(cases.first?.outcome == "skipped" && cases.first?.type == "not_applicable")
        #expect(!cases.contains { $0.classname.hasPrefix("vigie.impact_ratio.") })
        #expect(cases.filter { $0.classname.hasPrefix("vigie.findings.") }.count == result.findings.count)
    }
}
