/// Something in the data an auditor should know that does not stop the audit, as a typed
/// reason: the command line and the reports write it in their language from its parts
/// (`AuditReport`'s catalogues); ``description`` is the English sentence, the text
/// `report.json` records.
public indirect enum DataWarning: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// A column name appears more than once in the header; the first occurrence is read.
    case duplicateColumn(name: String)
    /// Every yes/no value of the label or decision (`role`) is negative.
    case allNegative(role: String)
    /// Every yes/no value of the label or decision (`role`) is positive.
    case allPositive(role: String)
    /// The value `unknown` of a protected attribute is a category of its own.
    case unknownIsCategory(attribute: String)
    /// A protected attribute has both the literal value `unknown` and missing values; the
    /// missing values form the group `missingLabel`.
    case unknownAndMissing(attribute: String, literalRows: Int, missingRows: Int, missingLabel: String)
    /// Tied values leave fewer quantile groups than asked.
    case tiedQuantiles(attribute: String, groups: Int, asked: Int)
    /// `count` values of a numeric column are missing (or negative), the first on `line`;
    /// `effect` says what is left out.
    case valuesLeftOut(column: String, count: Int, negative: Bool, line: Int, effect: Effect)
    /// A named reference of an intersection has no rows; the largest group is used.
    case referenceFallback(attribute: String, reference: String)
    /// `count` rows of a database audit have no score in `column`.
    case missingScores(count: Int, column: String)
    /// A warning one data holder's statistics carried (`vigie merge`).
    case holder(name: String, warning: DataWarning)
    /// A warning recorded as text (a holder's statistics bundle), shown as it was written.
    case recorded(String)

    /// What missing or negative values of a numeric column leave out.
    public enum Effect: String, Sendable, Hashable, CaseIterable {
        case allocationAudit, shortfall, perCapita, concentration, affordability, inequalityIndices

        /// The English clause.
        public var description: String {
            switch self {
            case .allocationAudit: "those households are left out of the allocation audit"
            case .shortfall: "those households are left out of the shortfall figures"
            case .perCapita: "per-capita figures leave them out; the drought rule counts them as 1 person"
            case .concentration: "those households are left out of the concentration curve and index"
            case .affordability: "those households are left out of the affordability figures"
            case .inequalityIndices: "the inequality indices are undefined for allocations below 0"
            }
        }
    }

    /// The English sentence.
    public var description: String {
        switch self {
        case .duplicateColumn(let name):
            "column '\(name)' appears more than once in the header; the first occurrence is used (write '\(name)#2' for the second)"
        case .allNegative(let role): "every \(role) is negative: no row has a positive \(role)"
        case .allPositive(let role): "every \(role) is positive: no row has a negative \(role)"
        case .unknownIsCategory(let attribute):
            "protected attribute '\(attribute)': the value '\(GroupColumn.unknownLabel)' is audited as a category of its own, not as missing values (an empty cell is a missing value)"
        case .unknownAndMissing(let attribute, let literalRows, let missingRows, let missingLabel):
            "protected attribute '\(attribute)': \(literalRows) rows have the value '\(GroupColumn.unknownLabel)', audited as a category of its own; the \(missingRows) rows with no value form the group '\(missingLabel)'"
        case .tiedQuantiles(let attribute, let groups, let asked):
            "'\(attribute)': tied values leave \(groups) quantile groups instead of \(asked)"
        case .valuesLeftOut(let column, let count, let negative, let line, let effect):
            "column '\(column)' has \(count) \(negative ? "negative" : "missing") value\(count == 1 ? "" : "s") (first on line \(line)): \(effect.description)"
        case .referenceFallback(let attribute, let reference):
            "\(attribute): \(Self.referenceFallbackNote(reference))"
        case .missingScores(let count, let column):
            "\(count) rows have no score in '\(column)'; score statistics leave them out"
        case .holder(let name, let warning): "holder '\(name)': \(warning.description)"
        case .recorded(let text): text
        }
    }

    /// The note a reference carries when its named group has no rows (English, `report.json`).
    public static func referenceFallbackNote(_ reference: String) -> String {
        "the named reference '\(reference)' has no rows; the largest group is used instead"
    }

    /// Warnings sort by their English sentence, the order `report.json` lists them in.
    public static func < (a: DataWarning, b: DataWarning) -> Bool { a.description < b.description }
}
