import TestSupport
import AuditApplication
import AuditAssessment
import AuditData
import AuditMetrics
import AuditReport
import Foundation
import ModelAudit

/// Audits in memory for the report tests: a CSV written to a temporary file, the spec's
/// `data` pointed at it, then load → audit → allocation, as `AuditPipeline` does.
enum ReportTestSupport {
    static let root = RepositoryPaths.root

    static func audit(csv: String, spec: AuditSpec) throws -> AuditResult {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vigie-report-\(UUID().uuidString).csv")
        try Data(csv.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var s = spec
        s.data.path = file.path
        return try run(s)
    }

    static func run(_ spec: AuditSpec) throws -> AuditResult {
        let store = try AuditPipeline.load(spec).store
        var result = try Audit.run(store: store, data: spec.data, analysis: spec.auditedAnalysis, threads: 1)
        result.setAllocation(try AllocationPipeline.run(store: store, result: result, models: spec.models, threads: 1))
        return result
    }

    /// A bundled fixture's spec (`housing`, `water`), optionally in another language, and
    /// optionally without its card's mandated priorities (the housing demo's disparities are
    /// all in favour of `handicap`, hence `intended` with them).
    static func fixtureSpec(_ name: String, language: ReportLanguage? = nil, mandatedPriorities: Bool = true) throws -> AuditSpec {
        var spec = try AuditSpec(contentsOfFile: root.appendingPathComponent("Fixtures/\(name)/audit.yaml").path)
        if let language { spec.report.language = language }
        if !mandatedPriorities { spec.report.system?.values[.mandatedPriorities] = nil }
        return spec
    }

    /// The audit of a bundled fixture spec, with the spec's report part to render it.
    static func fixture(_ name: String, language: ReportLanguage? = nil, mandatedPriorities: Bool = true) throws -> (AuditResult, ReportSpec) {
        let spec = try fixtureSpec(name, language: language, mandatedPriorities: mandatedPriorities)
        // As the command line computes it, disclosure control included.
        return (try AuditPipeline.compute(store: AuditPipeline.load(spec).store, spec: spec, threads: 1), spec.report)
    }

    /// The fixture's report document as `vigie demo` writes it: with the scan (when the spec
    /// has a `scan:` block) and the provenance line (its input files' SHA-256) under the title.
    static func fixtureDocument(_ name: String, language: ReportLanguage) throws -> ReportDocument {
        let spec = try fixtureSpec(name, language: language)
        let (result, model, scan, report) = try fixtureWithModel(name, language: language)
        var doc = ReportBuilder(result, model: model, scan: scan, report: report).document()
        var known: [String: (sha256: String, bytes: Int)] = [:]
        if let line = ReportBuilder.provenance(try Manifest.reportInputs(spec: spec, known: &known), language: language) { doc.subtitle.append(line) }
        return doc
    }

    /// The audit, the decision model's audit and the scan (with a `scan:` block) of a bundled
    /// fixture spec, as the command line computes them, with the spec's report part.
    static func fixtureWithModel(_ name: String, language: ReportLanguage? = nil) throws -> (AuditResult, ModelAuditResult?, ScanReport.Input?, ReportSpec) {
        let spec = try fixtureSpec(name, language: language)
        let (store, grid) = try AuditPipeline.load(spec)
        let result = try AuditPipeline.compute(store: store, spec: spec, threads: 1)
        return (result, try AuditPipeline.computeModel(store: store, spec: spec, result: result, grid: grid),
                try AuditPipeline.computeScan(store: store, spec: spec, grid: grid), spec.report)
    }

    /// A CSV of one attribute `g` and a decision `d` (and label `y` = `d`): per group, its
    /// label, rows and selected rows; `unknown` rows have an empty `g`.
    static func csv(_ groups: [(String, Int, Int)], unknown: Int = 0) -> String {
        var lines = ["g,d,y"]
        for (label, rows, selected) in groups {
            for i in 0..<rows {
                let d = i < selected ? 1 : 0
                lines.append("\(label),\(d),\(i % 2 == 0 ? d : 1 - d)")
            }
        }
        for i in 0..<unknown { lines.append(",\(i % 2),\(i % 3 == 0 ? 1 : 0)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A spec auditing `g` with decision `d` and label `y`, no intersections.
    static func spec(card: SystemCard? = nil) -> AuditSpec {
        var s = AuditSpec(
            data: DataSpec(protected: [ProtectedAttributeSpec(column: "g", reference: .named("A"))], label: BinaryColumnSpec(column: "y"), decision: BinaryColumnSpec(column: "d")),
            analysis: AnalysisSpec(intersections: 1))
        s.report.system = card
        return s
    }
}
