import TestSupport
import AuditApplication
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
        s.dataPath = file.path
        return try run(s)
    }

    static func run(_ spec: AuditSpec) throws -> AuditResult {
        let store = try DataLoader.load(spec)
        var result = try Audit.run(store: store, spec: spec, threads: 1)
        result.allocation = try AllocationPipeline.run(store: store, result: result, threads: 1)
        return result
    }

    /// The audit of a bundled fixture spec (`housing`, `water`), optionally in another language.
    static func fixture(_ name: String, language: ReportLanguage? = nil) throws -> AuditResult {
        var spec = try AuditSpec(contentsOfFile: root.appendingPathComponent("Fixtures/\(name)/audit.yaml").path)
        if let language { spec.language = language }
        // As the command line computes it, disclosure control included.
        return try AuditPipeline.compute(store: DataLoader.load(spec), spec: spec, threads: 1)
    }

    /// The audit and the decision model's audit of a bundled fixture spec, as the command line
    /// computes them.
    static func fixtureWithModel(_ name: String, language: ReportLanguage? = nil) throws -> (AuditResult, ModelAuditResult?) {
        var spec = try AuditSpec(contentsOfFile: root.appendingPathComponent("Fixtures/\(name)/audit.yaml").path)
        if let language { spec.language = language }
        let (store, grid) = try AuditPipeline.load(spec)
        let result = try AuditPipeline.compute(store: store, spec: spec, threads: 1)
        return (result, try AuditPipeline.computeModel(store: store, spec: spec, result: result, grid: grid))
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
        var s = AuditSpec(protected: [ProtectedAttributeSpec(column: "g", reference: .named("A"))], label: BinaryColumnSpec(column: "y"), decision: BinaryColumnSpec(column: "d"), intersections: 1)
        s.system = card
        return s
    }
}
