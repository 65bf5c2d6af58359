import AuditData
import AuditMetrics
import AuditReport
import DecisionModels

/// Everything an audit needs to know, composed of four parts, each owned by the module that
/// uses it:
///
/// | part | type | module | spec keys |
/// |---|---|---|---|
/// | data and columns | `DataSpec` | AuditData | `data`, `csv`, `protected`, `label`, `decision`, `score`, `weight`, `allocation`, `rank_by`, `income` |
/// | analysis | `AnalysisSpec` (with `InferenceSpec`) | AuditMetrics | `reference`, `intersections`, `impact_ratio_threshold`, `min_group_size`, `min_cell_size`, `decision_is`, `interval`, `level`, `alpha`, `adjust`, `difference_tolerance`, `min_denominator`, `power`, `bootstrap` |
/// | decision models | `DecisionModelSpec` | DecisionModels | `tariff`, `drought`, `model`, `amend` (read by `vigie amend` only) |
/// | report and system card | `ReportSpec` | AuditReport | `lang`, `system` |
///
/// The parts share the spec file's one top-level mapping (`docs/spec.md`), read by
/// `LocatedYAMLDecoder` (`AuditSpec+Files.swift`), or are assembled from command-line flags
/// by `vigie`. The same `Codable` conformance writes the spec into `manifest.json`
/// (`SpecView.file`) and, part by part, into `report.json` (`SpecView.report`).
public struct AuditSpec: Sendable, Equatable {
    public var data: DataSpec
    public var analysis: AnalysisSpec
    public var models: DecisionModelSpec
    public var report: ReportSpec

    public init(data: DataSpec = DataSpec(), analysis: AnalysisSpec = AnalysisSpec(),
                models: DecisionModelSpec = DecisionModelSpec(), report: ReportSpec = ReportSpec()) {
        self.data = data
        self.analysis = analysis
        self.models = models
        self.report = report
    }

    /// The analysis part as the audit applies it: with the mandated priorities the system card
    /// declares (`system.mandated_priorities`, `attribute` or `attribute=group`).
    public var auditedAnalysis: AnalysisSpec {
        var analysis = self.analysis
        analysis.mandatedPriorities = (report.card.values[.mandatedPriorities] ?? []).map(MandatedPriority.init(declared:))
        return analysis
    }

    /// The spec file's check that each mandated priority names a protected attribute (a typo
    /// would silently leave the priority out). Not in ``validate()``: `--protected` may audit a
    /// subset on the command line, and a priority on an attribute not audited is then unused.
    func validateMandatedPriorities() throws(SpecError) {
        for priority in auditedAnalysis.mandatedPriorities where !data.protected.contains(where: { $0.column == priority.attribute }) {
            let names = data.protected.map(\.column).joined(separator: ", ")
            throw SpecError(key: "system.mandated_priorities", message: "'\(priority.attribute)' is not a protected attribute; expected one of: \(names) (or attribute=group)")
        }
    }

    /// Checks the rules that do not depend on the data, part by part and across parts;
    /// called before any file is read.
    public func validate() throws(SpecError) {
        try data.validate()
        guard data.label != nil || data.decision != nil || data.allocation != nil || models.grid != nil else {
            throw SpecError(key: "decision", message: "give a decision column (--decision COL), a label column (--label COL), an allocation (--allocation COL), a decision model (--model GRID), or several")
        }
        if models.tariff != nil || models.drought != nil, data.allocation == nil {
            throw SpecError(key: models.tariff != nil ? "tariff" : "drought", message: "needs an allocation column (the volumes): --allocation COL")
        }
        if models.tariff != nil, data.income == nil {
            throw SpecError(key: "income", message: "a tariff audit needs the income column for affordability (--income COL)")
        }
        try analysis.validate()
        try models.validate()
    }
}
