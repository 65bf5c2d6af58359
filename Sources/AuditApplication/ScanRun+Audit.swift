import AuditData
import AuditMetrics
import AuditReport

extension ScanRun {
    /// The scan a spec's `scan:` block asks of `vigie audit` (`docs/scan.md`, "In an audit"):
    /// the spec's data and dialect, its grid (`model:`), the audit's decision column, its
    /// disclosure threshold (`min_cell_size`, at least 1), its protected attributes, its dates
    /// (`model: {application_date, allocation_date, as_of}`) and its language; errors name the block's keys (`scan.on`). `nil` without a `scan:` block.
    public init?(audit spec: AuditSpec) {
        guard let scan = spec.scan else { return nil }
        self.init(data: spec.data, gridPath: spec.models.grid?.path,
                  decision: spec.models.grid == nil ? nil : spec.data.decision?.column, outcome: scan.outcome,
                  columns: scan.columns, seed: scan.seed, minCellSize: max(1, spec.analysis.minCellSize),
                  minClusterSize: scan.minClusterSize, alpha: scan.alpha, language: spec.report.language)
        protected = spec.data.protected.map(\.column)
        allowProtected = scan.allowProtected
        keys = .spec
        relativeWait = scan.relativeWait
        applicationDate = spec.models.grid?.applicationDate
        allocationDate = spec.models.grid?.allocationDate
        asOf = spec.models.grid?.asOf
    }
}
