import AuditApplication
import AuditData
import AuditMetrics
import DecisionModels

extension SpecOptions {
    /// The spec: the file's, overridden by the flags; validated before any data is read.
    /// - Parameter tariffOverride: a tariff taking the place of `--tariff` (`vigie compare`).
    func resolve(tariffOverride: String? = nil) throws -> AuditSpec {
        if tariffOverride == nil, self.tariff.count > 1 {
            throw SpecError(key: "--tariff", problem: .sentence(.specOneTariff, arguments: [:]))
        }
        var s = try spec.map { path throws(SpecError) in try AuditSpec(contentsOfFile: path) } ?? AuditSpec()
        try apply(to: &s.data)
        try apply(to: &s.analysis, protected: &s.data.protected)
        try apply(to: &s.models, tariff: tariffOverride ?? self.tariff.first)
        if let lang { s.report.language = lang }
        if let paper { s.report.paper = paper }
        try s.validate()
        return s
    }

    /// The data part's flags: the file, its dialect, the columns.
    func apply(to d: inout DataSpec) throws(SpecError) {
        if let data { d.path = data }
        if !protected.isEmpty { d.protected = try protected.map { text throws(SpecError) in try ProtectedAttributeSpec(parsing: text) } }
        if let label { d.label = BinaryColumnSpec(column: label) }
        if let positiveLabel {
            guard d.label != nil else { throw SpecError(key: "--positive-label", problem: .sentence(.needsLabel, arguments: [:])) }
            d.label?.positive = positiveLabel
        }
        if let decision { d.decision = BinaryColumnSpec(column: decision) }
        if let positiveDecision {
            guard d.decision != nil else { throw SpecError(key: "--positive-decision", problem: .sentence(.needsDecision, arguments: [:])) }
            d.decision?.positive = positiveDecision
            d.decision?.threshold = nil
        }
        if let decisionThreshold {
            guard d.decision != nil else { throw SpecError(key: "--decision-threshold", problem: .sentence(.needsDecision, arguments: [:])) }
            guard positiveDecision == nil else { throw SpecError(key: "--decision-threshold", problem: .sentence(.specPositiveOrThresholdOption, arguments: [:])) }
            d.decision?.threshold = decisionThreshold
            d.decision?.positive = nil
        }
        if let score { d.score = score }
        if let weight { d.weight = weight }
        if let maxGroups { d.maxGroups = maxGroups }
        dialect.apply(to: &d.csv)
        if let allocation { d.allocation = AllocationSpec(column: allocation, need: d.allocation?.need, per: d.allocation?.per) }
        if let need {
            guard d.allocation != nil else { throw SpecError(key: "--need", problem: .sentence(.needsAllocation, arguments: [:])) }
            d.allocation?.need = need
        }
        if let per {
            guard d.allocation != nil else { throw SpecError(key: "--per", problem: .sentence(.needsAllocation, arguments: [:])) }
            d.allocation?.per = per
        }
        if let rankBy { d.rankBy = rankBy }
        if let income { d.income = income }
    }

    /// The analysis part's flags; `--reference COL=VALUE` sets a protected attribute's
    /// reference, so it needs the (already resolved) protected attributes.
    func apply(to a: inout AnalysisSpec, protected attributes: inout [ProtectedAttributeSpec]) throws(SpecError) {
        let keywords = ["largest", "best", "overall"]
        for rule in reference {
            if let eq = rule.firstIndex(of: "=") {
                let column = String(rule[..<eq])
                let value = String(rule[rule.index(after: eq)...])
                guard let i = attributes.firstIndex(where: { $0.column == column }) else {
                    throw SpecError(key: "--reference", problem: .sentence(.cliNotProtectedList, arguments: ["column": "\(column)", "names": "\(attributes.map(\.column).joined(separator: ", "))"]))
                }
                guard !value.isEmpty else { throw SpecError(key: "--reference", problem: .sentence(.specRuleCol, arguments: ["rule": "\(rule)"])) }
                attributes[i].reference = ReferenceRule(parsing: value)
            } else {
                guard keywords.contains(rule) else {
                    throw SpecError(key: "--reference", problem: .sentence(.specRuleColOrKeyword, arguments: ["rule": "\(rule)"]))
                }
                a.defaultReference = ReferenceRule(parsing: rule)
            }
        }
        if let intersections { a.intersections = intersections }
        if let impactRatioThreshold { a.impactRatioThreshold = impactRatioThreshold }
        if let minGroupSize { a.minGroupSize = minGroupSize }
        if let minCellSize { a.minCellSize = minCellSize }
        if let decisionIs { a.decisionIs = decisionIs }
        if let interval { a.inference.interval = interval }
        if let level { a.inference.level = level }
        if let alpha { a.inference.alpha = alpha }
        if let adjust { a.inference.adjust = adjust }
        if let differenceTolerance { a.inference.differenceTolerance = differenceTolerance }
        if let minDenominator { a.inference.minDenominator = minDenominator }
        if let bootstrap { a.inference.bootstrapReplicates = bootstrap }
        if let seed { a.inference.seed = seed }
        if let bootstrapMethod { a.inference.bootstrapMethod = bootstrapMethod }
    }

    /// The decision-model part's flags: the tariff, the drought rule, the grid and its dates.
    func apply(to m: inout DecisionModelSpec, tariff: String?) throws(SpecError) {
        if let tariff {
            guard let meter = meter ?? m.tariff?.meter else { throw SpecError(key: "--tariff", problem: .sentence(.needsMeter, arguments: [:])) }
            m.tariff = TariffSpec(path: tariff, meter: meter)
        } else if let meter {
            guard m.tariff != nil else { throw SpecError(key: "--meter", problem: .sentence(.needsTariff, arguments: [:])) }
            m.tariff?.meter = meter
        }
        if model.count > 1 { throw SpecError(key: "--model", problem: .sentence(.specOneGrid, arguments: [:])) }
        if let grid = model.first { m.grid = GridSpec(path: grid, applicationDate: m.grid?.applicationDate, allocationDate: m.grid?.allocationDate, asOf: m.grid?.asOf) }
        if applicationDate != nil || allocationDate != nil || asOf != nil {
            guard m.grid != nil else { throw SpecError(key: "--application-date", problem: .sentence(.needsModel, arguments: [:])) }
            if let applicationDate { m.grid?.applicationDate = applicationDate }
            if let allocationDate { m.grid?.allocationDate = allocationDate }
            if let asOf {
                guard ISODate.days(asOf) != nil else { throw SpecError(key: "--as-of", problem: .sentence(.specDate, arguments: ["found": "\(asOf)"])) }
                m.grid?.asOf = asOf
            }
        }
        if let drought {
            guard let level = droughtLevel ?? m.drought?.level else { throw SpecError(key: "--drought", problem: .sentence(.needsLevel, arguments: [:])) }
            m.drought = DroughtSpec(path: drought, level: level)
        } else if let droughtLevel {
            guard m.drought != nil else { throw SpecError(key: "--drought-level", problem: .sentence(.needsDrought, arguments: [:])) }
            m.drought?.level = droughtLevel
        }
    }
}
