import AuditData

extension ReportText {
    /// A data warning in this language, from its typed reason (``DataWarning``); the English
    /// catalogue gives exactly ``DataWarning/description``, the sentence `report.json` records.
    package func warning(_ warning: DataWarning) -> String {
        let plural = s
        switch warning {
        case .duplicateColumn(let name):
            return self(.warningDuplicateColumn, ["name": name])
        case .allNegative(let role):
            return self(.warningAllNegative, ["role": roleWord(role)])
        case .allPositive(let role):
            return self(.warningAllPositive, ["role": roleWord(role)])
        case .unknownIsCategory(let attribute):
            return self(.warningUnknownCategory, ["attribute": attribute, "unknown": GroupColumn.unknownLabel])
        case .unknownAndMissing(let attribute, let literalRows, let missingRows, let missingLabel):
            return self(.warningUnknownAndMissing, ["attribute": attribute, "literal": String(literalRows), "missing": String(missingRows),
                                                    "unknown": GroupColumn.unknownLabel, "group": missingLabel])
        case .tiedQuantiles(let attribute, let groups, let asked):
            return self(.warningTiedQuantiles, ["attribute": attribute, "groups": String(groups), "asked": String(asked)])
        case .valuesLeftOut(let column, let count, let negative, let line, let effect):
            return self(negative ? .warningNegativeValues : .warningMissingValues, [
                "column": column, "count": String(count), "s": plural(count), "line": String(line), "effect": self(named: "warning.effect." + effect.rawValue)])
        case .referenceFallback(let attribute, let reference):
            return self(.warningReferenceFallback, ["attribute": attribute, "reference": reference])
        case .missingScores(let count, let column):
            return self(.warningMissingScores, ["count": String(count), "column": column])
        case .holder(let name, let inner):
            return self(.warningHolder, ["holder": name, "warning": self.warning(inner)])
        case .recorded(let text):
            return self(.warningRecorded, ["text": text])
        }
    }

    /// The word for a yes/no column's role (`label`, `decision`).
    private func roleWord(_ role: String) -> String {
        switch role {
        case "label": self(.warningRoleLabel)
        case "decision": self(.warningRoleDecision)
        default: role
        }
    }
}
