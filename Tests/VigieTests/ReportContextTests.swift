import AuditApplication
import AuditAssessment
import AuditData
import AuditMetrics
@testable import AuditReport
import Foundation
import Testing

/// The report's context follows the system card (issue 17 point 6): the Montpellier convention
/// and French administrative law for a French public body's system only; otherwise a short
/// generic fairness section; without a card, one line, not a wall of "missing".
@Suite struct ReportContextTests {
    static func document(card: SystemCard?) throws -> ReportDocument {
        let result = try ReportTestSupport.audit(csv: ReportTestSupport.csv([("A", 200, 100), ("B", 200, 60)]), spec: ReportTestSupport.spec(card: card))
        var report = ReportSpec()
        report.system = card
        return ReportBuilder(result, report: report).document()
    }

    static func mentionsCrpa(_ d: ReportDocument) -> Bool {
        let t = ReportText(d.language)
        return d.sections.contains { s in s.blocks.contains { if case .table(let table) = $0 { return ReportInline.plainText(table.caption) == t(.legalGroupCrpa) }; return false } }
    }

    @Test func frenchPublicBodyGetsTheConventionAndTheCrpa() throws {
        for (j, s) in [("FR", "public"), ("France", "Public"), ("fr-34", "secteur public")] {
            let card = SystemCard(values: [.name: ["Cotation"], .jurisdiction: [j], .sector: [s]])
            #expect(card.isFrenchPublicBody, "\(j) \(s)")
            let d = try Self.document(card: card)
            #expect(d.sections.map(\.id).contains("convention") && !d.sections.map(\.id).contains("fairness"))
            #expect(Self.mentionsCrpa(d))
        }
    }

    @Test func otherSystemsGetTheGenericSection() throws {
        for card in [SystemCard(values: [.name: ["COMPAS"], .jurisdiction: ["US-FL"], .sector: ["public"]]),
                     SystemCard(values: [.name: ["Crédit"], .jurisdiction: ["FR"], .sector: ["private"]]),
                     SystemCard(values: [.name: ["Sans contexte"]])] {
            #expect(!card.isFrenchPublicBody)
            let d = try Self.document(card: card)
            #expect(!d.sections.map(\.id).contains("convention") && d.sections.map(\.id).contains("fairness"))
            #expect(!Self.mentionsCrpa(d))
            // Only the declared fields are listed; the rest is one line.
            let system = try #require(d.sections.first { $0.id == "system" })
            let rows = system.blocks.compactMap { if case .table(let t) = $0 { return t.rows.count }; return nil }.first
            #expect(rows == card.values.count)
        }
    }

    @Test func noCardIsOneLine() throws {
        let d = try Self.document(card: nil)
        let t = ReportText(d.language)
        let system = try #require(d.sections.first { $0.id == "system" })
        #expect(system.blocks == [.paragraph([.text(t(.cardNoneLine))])])
        #expect(d.subtitle.allSatisfy { !ReportInline.plainText($0).contains(t(.wordMissing)) })
        let summary = try #require(d.sections.first)
        let missing = summary.blocks.filter { if case .paragraph(let runs) = $0 { return ReportInline.plainText(runs).contains(t(.wordMissing)) }; return false }
        #expect(missing.isEmpty)
    }
}
