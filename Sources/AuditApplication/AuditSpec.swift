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
/// | the scan for groups no one declared | `ScanSpec` (optional) | AuditMetrics | `scan` |
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
    /// The scan for groups no one declared (`scan:`), when asked (`docs/scan.md`).
    public var scan: ScanSpec?

    public init(data: DataSpec = DataSpec(), analysis: AnalysisSpec = AnalysisSpec(),
                models: DecisionModelSpec = DecisionModelSpec(), report: ReportSpec = ReportSpec(), scan: ScanSpec? = nil) {
        self.data = data
        self.analysis = analysis
        self.models = models
        self.report = report
        self.scan = scan
    }

    /// The analysis part as the audit applies it: with the mandated priorities the system card
    /// declares (`system.mandated_priorities`, `attribute` or `attribute=group`).
    public var auditedAnalysis: AnalysisSpec {
        var analysis = self.analysis
        analysis.mandatedPriorities = (report.card.values[.mandatedPriorities] ?? []).map(MandatedPriority.init(declared:))
        return analysis
    }

    /// The spec file's check that each mandated priority names a protected attribute (a typo
    /// would silently leave the priority out), and that a bare priority (`handicap`: every group
    /// but the reference is favoured) has a named reference — under `largest` or `best` the
    /// favoured groups would depend on the data (the priority group itself could become the
    /// reference), under `overall` no group would be favoured. Not in ``validate()``:
    /// `--protected` may audit a subset on the command line, and a priority on an attribute not
    /// audited is then unused.
    func validateMandatedPriorities() throws(SpecError) {
        for priority in auditedAnalysis.mandatedPriorities {
            guard let attribute = data.protected.first(where: { $0.column == priority.attribute }) else {
                let names = data.protected.map(\.column).joined(separator: ", ")
                throw SpecError(key: "system.mandated_priorities", problem: .sentence(.specNotProtected, arguments: ["column": "\(priority.attribute)", "names": "\(names)"]))
            }
            let rule = attribute.reference ?? analysis.defaultReference
            if priority.group == nil, rule.namedGroup == nil {
                throw SpecError(key: "system.mandated_priorities", problem: .sentence(.specPriorityReference, arguments: ["attribute": "\(priority.attribute)", "label": "\(rule.label)"]))
            }
        }
    }

    /// Checks the rules that do not depend on the data, part by part and across parts;
    /// called before any file is read.
    public func validate() throws(SpecError) {
        try data.validate()
        guard data.label != nil || data.decision != nil || data.allocation != nil || models.grid != nil else {
            throw SpecError(key: "decision", problem: .sentence(.specNoDecision, arguments: [:]))
        }
        if models.tariff != nil || models.drought != nil, data.allocation == nil {
            throw SpecError(key: models.tariff != nil ? "tariff" : "drought", problem: .sentence(.needsVolumes, arguments: [:]))
        }
        if models.tariff != nil, data.income == nil {
            throw SpecError(key: "income", problem: .sentence(.specIncome, arguments: [:]))
        }
        try analysis.validate()
        try models.validate()
        try validateScan()
    }

    /// The `scan:` block against the rest of the spec: with a grid, the audit's decision
    /// column (or `relative_wait`) and no `outcome`; without, an `outcome` and neither
    /// `decision` nor `relative_wait`.
    func validateScan() throws(SpecError) {
        guard let scan else { return }
        try scan.validate(protected: data.protected.map(\.column), minCellSize: analysis.minCellSize)
        if models.grid != nil {
            if let d = scan.decision, d != data.decision?.column {
                let audited = data.decision.map { "the audit's decision column '\($0.column)'" } ?? "a decision column in the spec (decision:)"
                throw SpecError(key: "scan.decision", problem: .sentence(.scanSelectionDecision, arguments: ["expected": "\(audited)", "found": "\(d)"]))
            }
            guard data.decision != nil || scan.relativeWait else {
                throw SpecError(key: "scan", problem: .sentence(.scanGridDecision, arguments: [:]))
            }
            if scan.outcome != nil { throw SpecError(key: "scan.outcome", problem: .sentence(.scanGridOutcome, arguments: [:])) }
        } else {
            guard scan.outcome != nil else {
                throw SpecError(key: "scan", problem: .sentence(.scanGridOrOutcome, arguments: [:]))
            }
            if scan.decision != nil { throw SpecError(key: "scan.decision", problem: .sentence(.needsGridOrOutcome, arguments: [:])) }
            if scan.relativeWait { throw SpecError(key: "scan.relative_wait", problem: .sentence(.needsGridDates, arguments: [:])) }
        }
    }
}
