extension DataSpec {
    /// The columns the data part names, as store requests: the protected attributes, the
    /// label, decision, score and weight, the allocation's volumes, needs and household
    /// sizes, the ranking and income columns. Where the spec's shape meets the store's: the
    /// decision models add their own requests (`DecisionModelSpec.columnRequests`,
    /// `ModelAudit.columnRequests`).
    public var columnRequests: [ColumnRequest] {
        var requests = groupRequests
        if let label { requests.append(ColumnRequest(label.column, .label(label.rule))) }
        if let decision { requests.append(ColumnRequest(decision.column, .decision(decision.rule))) }
        if let score { requests.append(ColumnRequest(score, .score)) }
        if let weight { requests.append(ColumnRequest(weight, .weight)) }
        let amounts: [(column: String?, role: String, leftOut: DataWarning.Effect)] = [
            (allocation?.column, "allocation", .allocationAudit),
            (allocation?.need, "need", .shortfall),
            (allocation?.per, "per", .perCapita),
            (rankBy, "rank", .concentration),
            (income, "income", .affordability),
        ]
        for (column, role, leftOut) in amounts {
            guard let column else { continue }
            requests.append(ColumnRequest(column, .number(NumberRule(
                missing: .kept(warning: leftOut),
                notANumber: { "expected a number in '\(column)' (\(role)), found '\($0)'" },
                range: role == "per" ? .positiveUpTo(AllocationSpec.largestHouseholdSize) : .any,
                outOfRange: { "expected a household size above 0 and at most 1,000,000 people in '\(column)', found '\($0)'" },
                negativeWarning: role == "allocation" ? .inequalityIndices : nil))))
        }
        return requests
    }

    /// The protected attributes alone, as groups (what a comparison of two grids reads
    /// besides the grids' columns).
    public var groupRequests: [ColumnRequest] {
        protected.map { ColumnRequest($0.column, .group($0.binning, mapping: $0.mapping, limits: groupLimits)) }
    }
}

extension BinaryColumnSpec {
    /// How the loader reads the column: a declared positive value first, else a threshold,
    /// else the standard yes/no vocabulary.
    public var rule: BinaryRule {
        if let positive { return .positive(positive) }
        if let threshold { return .threshold(threshold) }
        return .standard
    }
}
