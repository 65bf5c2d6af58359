import TestSupport
import AuditApplication
import AuditAssessment
import AuditData
import AuditReport
import Foundation
import Testing
@testable import vigie

/// The spec's `system:` section: parsing, errors with line and column, and its round trip
/// through the manifest.
@Suite struct ReportSystemCardTests {
    static let base = """
    version: 1
    data: x.csv
    protected: [g]
    decision: d

    """

    @Test func parsesEveryKindOfField() throws {
        let spec = try AuditSpec(yaml: Self.base + """
        lang: fr
        system:
          name: Cotation
          date: "2026-11-15"
          data_sources: [SNE, CERFA]
          review_dates: 2026-06-30
          mandated_priorities: [g=oui]
          hosting: serveurs de la Métropole
          fria:
            risks: origine
            measures: revue annuelle
        """)
        let card = try #require(spec.report.system)
        #expect(spec.report.language == .fr)
        #expect(card[.name] == "Cotation")
        #expect(card.date == "2026-11-15")
        #expect(card.values[.dataSources] == ["SNE", "CERFA"])
        #expect(card[.dataSources] == "SNE; CERFA")
        #expect(card.values[.reviewDates] == ["2026-06-30"])
        #expect(card[.friaRisks] == "origine" && card[.friaMeasures] == "revue annuelle")
        #expect(card[.owner] == nil && !card.declares(.owner))
        #expect(try AuditSpec(yaml: Self.base).report == ReportSpec())
    }

    /// The error of `base` + `yaml` (the base is lines 1–4, so `yaml` starts at line 5).
    func error(_ yaml: String) -> SpecError? {
        do { _ = try AuditSpec(yaml: Self.base + yaml, file: "audit.yaml"); return nil } catch { return error }
    }

    @Test func errorsNameKeyLineAndColumn() throws {
        let unknown = try #require(error("system:\n  name: x\n  hostname: y\n"))
        #expect(unknown.key == "system.hostname" && unknown.line == 7 && unknown.column == 3, "\(unknown)")
        #expect(unknown.message.contains("expected one of") && unknown.message.contains("hosting"))

        let nested = try #require(error("system:\n  fria:\n    risk: y\n"))
        #expect(nested.key == "system.fria.risk" && nested.line == 7 && nested.column == 5, "\(nested)")

        let type = try #require(error("system:\n  name: [a, b]\n"))
        #expect(type.key == "system.name" && type.line == 6 && type.column == 9 && type.message == "expected a text value", "\(type)")

        let listType = try #require(error("system:\n  data_sources: {a: b}\n"))
        #expect(listType.key == "system.data_sources" && listType.message == "expected a text or a list of texts", "\(listType)")

        let date = try #require(error("system:\n  date: 15/11/2026\n"))
        #expect(date.key == "system.date" && date.message.contains("YYYY-MM-DD") && date.line == 6 && date.column == 9, "\(date)")

        let empty = try #require(error("system:\n  name: \"  \"\n"))
        #expect(empty.key == "system.name" && empty.message.contains("leave the key out"))

        let notMapping = try #require(error("system: yes\n"))
        #expect(notMapping.key == "system" && notMapping.message.contains("mapping"))

        let lang = try #require(error("lang: de\n"))
        #expect(lang.key == "lang" && lang.message.contains("'en', 'fr'"), "\(lang)")
        #expect(error("system:\n  name: x\n")?.description == nil)
    }

    /// The skeleton lists every key; uncommented, it parses (empty values are errors, so
    /// they are filled here).
    @Test func skeletonCoversEveryField() throws {
        let skeleton = SystemCard.skeleton
        for field in SystemCard.Field.allCases {
            #expect(skeleton.contains(" \(field.rawValue.split(separator: ".").last!): "), "\(field)")
        }
        var yaml = ""
        for line in skeleton.split(separator: "\n") where line.hasPrefix("#   ") || line.hasPrefix("# system:") {
            yaml += String(line.dropFirst(2)).replacingOccurrences(of: "\"\"", with: "x").replacingOccurrences(of: "[]", with: "[x]").replacingOccurrences(of: "YYYY-MM-DD", with: "2026-01-31") + "\n"
        }
        // `[x]` everywhere: x must then be a protected attribute with a named reference
        // (mandated_priorities names one, in its bare form).
        let card = try #require(try AuditSpec(yaml: Self.base.replacingOccurrences(of: "protected: [g]", with: "protected: [g, {column: x, reference: x}]") + yaml).report.system)
        #expect(card.values.count == SystemCard.Field.allCases.count)
    }

    @Test func cardRoundTripsThroughTheManifest() throws {
        var spec = try AuditSpec(contentsOfFile: ReportTestSupport.root.appendingPathComponent("Fixtures/housing/audit.yaml").path)
        spec.report.language = .fr
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(spec)
        let back = try JSONDecoder().decode(AuditSpec.self, from: data)
        #expect(back.report.system == spec.report.system)
        #expect(back.report.language == .fr)
        #expect(back.report.system?.values.count == spec.report.system?.values.count)
        #expect(SpecOptions.commandLine(for: spec) == nil, "no flag carries a system card")
        // The manifest's spec is itself a valid spec file: JSON is YAML.
        let reread = try AuditSpec(yaml: String(decoding: data, as: UTF8.self))
        #expect(reread.report.system == spec.report.system && reread.report.language == .fr)
    }
}
