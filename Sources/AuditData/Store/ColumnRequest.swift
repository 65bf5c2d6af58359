/// One column an analysis needs from the data file, and how to read it: the loader
/// (`DataLoader.load(path:dialect:requests:progress:)`) reads every requested column in one
/// pass into one `ColumnStore`.
///
/// Requests say what a column *is* (groups, a yes/no value, a number, a category, a date,
/// an identifier), never what it is for: the audit's spec (`AuditSpec.columnRequests`), a
/// points grid and an explanation each build their own list, and the lists are simply
/// concatenated. Two requests may name the same column; it is read once per kind.
public struct ColumnRequest: Sendable {
    /// Header name of the column (`name#2` for the second of two equally named columns).
    public var column: String
    /// How the column is read and where it goes in the store.
    public var kind: Kind
    /// Who reads the column, for the error raised when the header lacks it: with a reader
    /// (e.g. `criterion 'dalo'`) the error says "criterion 'dalo' reads column 'x', which is
    /// not in the header" and lists the columns; without, it suggests close matches
    /// (`CSVReader.columnIndex(named:)`).
    public var reader: String?

    /// How a column is read, and where it goes in the store.
    public enum Kind: Sendable {
        /// A protected attribute: one group per value (relabelled by `mapping`), or numeric
        /// bands or quantile bins (`binning`); a missing value is the `unknown` group.
        /// Goes to `ColumnStore.attributes`, in request order.
        /// `limits` caps the groups it may hold and the length of their labels.
        case group(Binning, mapping: [String: String], limits: GroupLimits = GroupLimits())
        /// The ground truth, read as 0/1 (`ColumnStore.label`); every row needs one.
        case label(BinaryRule)
        /// The decision, read as 0/1 (`ColumnStore.decision`); every row needs one.
        case decision(BinaryRule)
        /// A score (`ColumnStore.score`): a finite number of magnitude at most 10¹⁵, or missing
        /// (kept as NaN and counted).
        case score
        /// Sample weights (`ColumnStore.weight`): 0 or from 10⁻¹⁵ to 10¹⁵, never missing, not
        /// all zero (so that sums of weights and of their squares are finite and positive).
        case weight
        /// A number (`ColumnStore.numbers[column]`, NaN when missing), checked by `rule`.
        case number(NumberRule)
        /// Text values as codes (`ColumnStore.categories[column]`), in order of first appearance.
        case category
        /// ISO `YYYY-MM-DD` dates (`ColumnStore.dates[column]`); the analyses decide what
        /// an unreadable date means.
        case date
        /// One value per row, the same on no two rows (`ColumnStore.identifiers[column]`);
        /// a repeated value is an error naming both lines.
        case identifier
    }

    public init(_ column: String, _ kind: Kind, reader: String? = nil) {
        self.column = column
        self.kind = kind
        self.reader = reader
    }
}

/// How a yes/no column (label or decision) is read.
///
/// Without a declared positive value or threshold (`standard`), the column must hold one of
/// `1`/`0`, `true`/`false`, `yes`/`no`, `y`/`n`, `oui`/`non`, `vrai`/`faux` (case-insensitive).
public enum BinaryRule: Sendable, Hashable {
    /// The standard yes/no vocabulary.
    case standard
    /// Exactly this text is positive, every other value negative; it must occur at least once.
    case positive(String)
    /// The column is numeric and `value >= threshold` is positive.
    case threshold(Double)
}
