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

/// The spec's `labels:` (issue 17 point 1): names in report.md and report.html, codes in
/// report.json and the CSV files; an unknown language is refused.
@Suite struct DisplayLabelsTests {
    @Test func housingNamesInTheReportCodesInTheData() throws {
        let (result, report) = try ReportTestSupport.fixture("housing")
        #expect(report.labels.name("hors_UE", in: .en) == "outside the EU" && report.labels.name("hors_UE", in: .fr) == "hors UE")
        #expect(report.labels.display("FR*>=66", in: .en) == "French × 66 and over")
        #expect(report.labels.display("FR*unknown", in: .en) == "French × unknown")
        #expect(report.labels.display("unknown", in: .en) == nil)
        for language in ReportLanguage.allCases {
            let md = MarkdownReport.render(ReportBuilder(result, report: report, language: language).document())
            #expect(md.contains(language == .en ? "outside the EU" : "hors UE"))
            #expect(!md.contains("`hors_UE`") && !md.contains("`propose_caleol`"))
        }
        let json = String(decoding: try ReportJSON.render(result, report: report), as: UTF8.self)
        #expect(json.contains("\"hors_UE\"") && !json.contains("outside the EU"))
        #expect(FindingsCSV.render(result).contains("hors_UE"))
    }

    @Test func anUnknownLanguageIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigie-labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = folder.appendingPathComponent("audit.yaml")
        try Data("version: 1\ndata: d.csv\nprotected: [g]\ndecision:\n  column: d\nlabels:\n  a: { de: \"A\" }\n".utf8).write(to: spec)
        #expect(throws: (any Error).self) { _ = try AuditSpec(contentsOfFile: spec.path) }
        try Data("version: 1\ndata: d.csv\nprotected: [g]\ndecision:\n  column: d\nlabels:\n  a: { fr: \"groupe A\" }\n  b: B\n".utf8).write(to: spec)
        let parsed = try AuditSpec(contentsOfFile: spec.path)
        #expect(parsed.report.labels.name("a", in: .fr) == "groupe A" && parsed.report.labels.name("a", in: .en) == nil && parsed.report.labels.name("b", in: .en) == "B")
    }
}
