/// The compact, typed column store every analysis runs on: the data file read once
/// (`DataLoader`), keeping only the requested columns (`ColumnRequest`), one entry per data
/// row, in file order.
///
/// The audit's own columns have fixed places (`attributes`, `label`, `decision`, `score`,
/// `weight`); every other column is found by its header name and kind (`numbers`,
/// `categories`, `dates`, `identifiers`): the volumes and needs of an allocation audit,
/// a tariff's meter types, a drought rule's levels, a points grid's criteria, segments and
/// applicant ids, the dates of waiting times.
///
/// Memory per row: 1 byte per protected attribute, category or date of at most 256 groups
/// (2 bytes up to 65,536 groups, 4 beyond: `GroupCodes`), 1 byte each for label and
/// decision, 8 bytes for the score and the weight, and per other number column 1 or 2 bytes
/// when it takes few distinct values (at most 256, or 65,536: `NumberColumn`), 8 otherwise —
/// about 20 bytes for a typical audit, so 10 million rows fit in about 200 MB. Identifiers
/// keep their bytes plus 4 per row (`IdentifierColumn`).
public struct ColumnStore: Sendable, Equatable {
    /// Number of data rows.
    public let rowCount: Int
    /// The protected attributes, in request order.
    public let attributes: [GroupColumn]
    /// Ground truth per row, 0 or 1, if the audit has a label.
    public let label: [UInt8]?
    /// Decision per row, 0 or 1, if the audit has a decision.
    public let decision: [UInt8]?
    /// Score per row, if the audit names a score column; a missing score is NaN here and
    /// counted in `missingScores` (never emitted). Released (nil) by the audit pipeline once
    /// the audit has read it, before the decision model's audit (issue 21: 8 bytes a row).
    public package(set) var score: [Double]?
    /// Sample weight per row, if the audit is weighted.
    public private(set) var weight: [Double]?
    /// Rows whose score was missing.
    public let missingScores: Int
    /// Where the data came from.
    public let source: DataSource
    /// Things the auditor should know (duplicate column names resolved, merged quantile
    /// bins, missing or negative values left out…), in the order found.
    public var warnings: [DataWarning]
    /// Numeric columns by header name; a missing value is NaN. Each is held as codes and a
    /// table of its distinct values when that is smaller (1 or 2 bytes per row instead of 8:
    /// `NumberColumn`, issue 21), its values read back bit for bit either way.
    public var numbers: [String: NumberColumn] = [:]
    /// Categorical columns by header name, values coded in order of first appearance; a
    /// missing value has the column's `unknownCode`.
    public var categories: [String: GroupColumn] = [:]
    /// Date columns by header name.
    public var dates: [String: DateColumn] = [:]
    /// Identifier columns by header name: each row's value, as written, in one byte buffer
    /// (`IdentifierColumn`).
    public var identifiers: [String: IdentifierColumn] = [:]
    /// The line on which each row starts, for errors found after the load.
    package var rowLines: RowLines
    /// Where each requested column is in the file, by requested name.
    public var locations: [String: ColumnLocation] = [:]

    package init(rowCount: Int, attributes: [GroupColumn], label: [UInt8]?, decision: [UInt8]?, score: [Double]?, weight: [Double]?,
                missingScores: Int = 0, source: DataSource, warnings: [DataWarning] = [], rowLines: RowLines? = nil) {
        self.rowCount = rowCount
        self.attributes = attributes
        self.label = label
        self.decision = decision
        self.score = score
        self.weight = weight
        self.missingScores = missingScores
        self.source = source
        self.warnings = warnings
        self.rowLines = rowLines ?? RowLines(firstLine: 2, count: rowCount)
    }

    /// A store built in memory by a caller rather than read from a file (a benchmark's
    /// synthetic columns, a reader of another source): row `i` of every column is applicant
    /// `i`, and errors found after the load name the row as line `i + 2` (a header, then one
    /// line per row) of `source`.
    public init(rowCount: Int, attributes: [GroupColumn], label: [UInt8]?, decision: [UInt8]?, score: [Double]?,
                weight: [Double]?, source: DataSource) {
        self.init(rowCount: rowCount, attributes: attributes, label: label, decision: decision, score: score,
                  weight: weight, missingScores: 0, source: source)
    }

    /// The same store with other sample weights (a row-level bootstrap replicate).
    public func withWeights(_ weights: [Double]) -> ColumnStore {
        precondition(weights.count == rowCount, "one weight per row")
        var store = self
        store.weight = weights
        return store
    }

    /// An error about the value of `column` on row `row`, located in the data file (file,
    /// the row's line, the column's 1-based index and header name), for checks made after
    /// the load.
    public func error(row: Int, column: String, _ message: String) -> CSVError {
        let location = locations[column]
        return CSVError(file: source.path, line: row < rowLines.count ? rowLines.line(ofRow: row) : nil,
                        column: location.map { $0.index + 1 }, columnName: location?.header ?? column, message: message)
    }

    public static func == (a: ColumnStore, b: ColumnStore) -> Bool {
        a.rowCount == b.rowCount && a.attributes == b.attributes && a.label == b.label && a.decision == b.decision
            && a.score?.map(\.bitPattern) == b.score?.map(\.bitPattern) && a.weight == b.weight && a.missingScores == b.missingScores
            && a.source == b.source && a.warnings == b.warnings
            && a.numbers == b.numbers
            && a.categories == b.categories && a.dates == b.dates && a.identifiers == b.identifiers
            && a.rowLines == b.rowLines && a.locations == b.locations
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
