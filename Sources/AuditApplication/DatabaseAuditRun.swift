import AuditData
import AuditMetrics
import LinearAlgebra
import Foundation
import PostgresSource

/// `vigie audit --data postgresql://… --table T` (or `--query`): the audit pushed down to the
/// database (`PushDown`, `docs/postgres.md`), then rendered and written as a file audit's
/// reports, all at once. The manifest records the server (no password), the table or query,
/// the statistics query and the SHA-256 of its result set, instead of a data file.
public enum DatabaseAuditRun {
    /// Runs the audit of `spec` (whose data is `location`) and writes the reports.
    /// - Parameter alongside: files rendered from the result and written in the same step
    ///   (`--junit`, `--summary-md`).
    public static func run(spec: AuditSpec, location: PostgresLocation, outputDirectory: String, threads: Int, force: Bool = false,
                           alongside: (AuditResult) throws -> [(path: String, data: Data)] = { _ in [] }) throws -> AuditResult {
        var spec = spec
        spec.data.path = location.description
        try HolderStatisticsRun.validateAuditableFromCounts(spec, what: "a push-down audit reads")
        try ReportWriter.checkTarget(outputDirectory, force: force)
        let pushed = try PushDown.statistics(location: location, data: spec.data, intersections: spec.analysis.intersections)
        let result = try Audit.run(statistics: pushed.statistics, data: spec.data, analysis: spec.auditedAnalysis, hasLabel: pushed.hasLabel,
                                   hasDecision: pushed.hasDecision, weighted: pushed.weighted, warnings: pushed.warnings, threads: threads)
        let controlled = DisclosureControl.apply(to: result, minimumCellSize: spec.analysis.minCellSize)
        let reports = try AuditPipeline.render(controlled, spec: spec)
        var table: String?, query: String?
        switch location.relation {
        case .table(let name): table = name
        case .query(let sql): query = sql
        }
        let database = Manifest.Database(server: location.server, table: table, query: query, sql: pushed.sql,
                                         resultSHA256: SHA256Hashing.hex(pushed.resultText), rows: pushed.rowCount)
        try ReportWriter.write(reports, to: outputDirectory, force: force, alongside: try alongside(controlled)) { written in
            try Manifest(vigie: .current, blas: BLASProvider.description, spec: spec, command: nil, inputs: [],
                         outputs: written.map { Manifest.Output(name: $0.name, sha256: SHA256Hashing.hex($0.data), bytes: $0.data.count) },
                         database: database).encoded()
        }
        return controlled
    }
}
