/// The compact, typed column store an audit runs on: only the columns the spec names, one
/// entry per data row, in file order.
///
/// Memory per row: 4 bytes per protected attribute, 1 byte each for label and decision,
/// 8 bytes each for score and weight when present — about 30 bytes for a typical audit,
/// so 10 million rows fit in about 300 MB.
public struct ColumnStore: Sendable, Equatable {
    /// Number of data rows.
    public let rowCount: Int
    /// The protected attributes, in spec order.
    public let attributes: [GroupColumn]
    /// Ground truth per row, 0 or 1, if the audit has a label.
    public let label: [UInt8]?
    /// Decision per row, 0 or 1, if the audit has a decision.
    public let decision: [UInt8]?
    /// Score per row, if the audit names a score column; a missing score is NaN here and
    /// counted in `missingScores` (never emitted).
    public let score: [Double]?
    /// Sample weight per row, if the audit is weighted.
    public let weight: [Double]?
    /// Rows whose score was missing.
    public let missingScores: Int
    /// Where the data came from.
    public let source: DataSource
    /// Things the auditor should know (duplicate column names resolved, merged quantile bins…).
    public let warnings: [String]
    /// Auxiliary numeric columns by role (`allocation`, `need`, `per`, `rank`, `income`);
    /// a missing value is NaN.
    public var numeric: [ColumnRole: [Double]] = [:]
    /// Auxiliary categorical columns by role (`meter`, `droughtLevel`): codes and labels; a
    /// missing value has the code `UInt32.max`.
    public var categorical: [ColumnRole: (codes: [UInt32], levels: [String])] = [:]

    /// This store with the auxiliary columns of `other`.
    func withAuxiliary(from other: ColumnStore) -> ColumnStore {
        var store = self
        store.numeric = other.numeric
        store.categorical = other.categorical
        store.categoricalOrigin = other.categoricalOrigin
        return store
    }

    /// The same store with other sample weights (a row-level bootstrap replicate).
    public func withWeights(_ weights: [Double]) -> ColumnStore {
        precondition(weights.count == rowCount, "one weight per row")
        var store = ColumnStore(rowCount: rowCount, attributes: attributes, label: label, decision: decision, score: score,
                                weight: weights, missingScores: missingScores, source: source, warnings: warnings)
        return store.withAuxiliary(from: self)
    }

    /// Where each level of an auxiliary categorical column first appears (1-based header
    /// column and physical line), so that a model rejecting a value can say where it is.
    public var categoricalOrigin: [ColumnRole: (column: Int, name: String, firstLines: [Int])] = [:]

    /// What an auxiliary column is for.
    public enum ColumnRole: String, Sendable, Hashable {
        case allocation, need, per, rank, income, meter, droughtLevel = "drought_level"
    }

    public static func == (a: ColumnStore, b: ColumnStore) -> Bool {
        a.rowCount == b.rowCount && a.attributes == b.attributes && a.label == b.label && a.decision == b.decision
            && a.score?.map(\.bitPattern) == b.score?.map(\.bitPattern) && a.weight == b.weight && a.missingScores == b.missingScores
            && a.source == b.source && a.warnings == b.warnings
            && a.numeric.mapValues { $0.map(\.bitPattern) } == b.numeric.mapValues { $0.map(\.bitPattern) }
            && a.categorical.keys == b.categorical.keys
            && a.categorical.allSatisfy { k, v in b.categorical[k].map { $0.codes == v.codes && $0.levels == v.levels } ?? false }
    }

    public init(rowCount: Int, attributes: [GroupColumn], label: [UInt8]?, decision: [UInt8]?, score: [Double]?, weight: [Double]?, missingScores: Int = 0, source: DataSource, warnings: [String] = []) {
        self.rowCount = rowCount
        self.attributes = attributes
        self.label = label
        self.decision = decision
        self.score = score
        self.weight = weight
        self.missingScores = missingScores
        self.source = source
        self.warnings = warnings
    }
}

/// Facts about the input file, for the report's method section.
public struct DataSource: Sendable, Equatable {
    /// The path as given.
    public let path: String
    /// The delimiter used (detected or declared).
    public let delimiter: String
    /// Number of columns in the header.
    public let headerColumns: Int

    public init(path: String, delimiter: String, headerColumns: Int) {
        self.path = path
        self.delimiter = delimiter
        self.headerColumns = headerColumns
    }
}
