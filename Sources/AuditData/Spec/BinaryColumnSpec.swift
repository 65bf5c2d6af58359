/// A column read as a yes/no value: the label (ground truth) or the decision.
///
/// Accepted spellings without a declared positive value (case-insensitive):
/// `1`/`0`, `true`/`false`, `yes`/`no`, `oui`/`non`, `y`/`n`, `vrai`/`faux`.
/// With `positive`, exactly that text is positive and every other non-missing value negative.
/// With `threshold`, the column is numeric and a value `>= threshold` is positive
/// (e.g. COMPAS: `decile_score >= 5` is ProPublica's "Medium or High").
public struct BinaryColumnSpec: Sendable, Hashable {
    /// Header name of the column (`name#2` for the second of two equally named columns).
    public var column: String
    /// The text that means "positive", if the column is not in a standard vocabulary.
    public var positive: String?
    /// A numeric threshold: `value >= threshold` is positive.
    public var threshold: Double?

    public init(column: String, positive: String? = nil, threshold: Double? = nil) {
        self.column = column
        self.positive = positive
        self.threshold = threshold
    }
}
