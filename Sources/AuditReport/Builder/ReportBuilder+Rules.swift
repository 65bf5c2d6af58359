import DecisionModels
import ModelAudit

extension ReportBuilder {
    /// The grid's allocation rule in the report's language (`top k by score within each
    /// typologie (k = allocations in attribue)`; French `les k meilleurs scores dans chaque
    /// …`), from the rule itself; the stored English words when the result has no rule data.
    func allocationRule(_ m: ModelAuditResult) -> String? {
        guard let rule = m.allocation else { return m.allocationRule }
        let within = m.segmentBy.isEmpty ? "" : t(.ruleWithin, ["segments": m.segmentBy.joined(separator: " × ")])
        func capacity(_ c: GridCapacity) -> String {
            switch c {
            case .fromData(let column): t(.ruleCapacityData, ["column": column])
            case .declared: t(.ruleCapacityDeclared)
            }
        }
        switch rule {
        case .threshold(let x): return t(.ruleThreshold, ["threshold": t.numbers.shortest(x)])
        case .capacity(let c): return t(.ruleCapacity, ["within": within, "capacity": capacity(c)])
        case .proposals(let c, let per): return t(.ruleProposals, ["per": t.numbers.shortest(Double(per)), "within": within, "capacity": capacity(c)])
        }
    }

    /// The strata of the human-stage comparison in the report's language: ``HumanStage/bands``
    /// bands of the grid's order, within each segment when the grid has segments.
    func strataWords(_ h: HumanStageResult) -> String {
        let bands = t.count(HumanStage.bands)
        return h.segmentBy.isEmpty ? t(.strataGrid, ["bands": bands])
            : t(.strataSegments, ["bands": bands, "segments": h.segmentBy.joined(separator: " × ")])
    }
}
