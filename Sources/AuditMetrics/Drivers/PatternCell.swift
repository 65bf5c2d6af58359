/// The rows of one pattern of a ``DesignPatterns`` that belong to one group: the unit every
/// compressed fit sums over.
public struct PatternCell: Sendable, Equatable {
    /// The pattern, an index into ``DesignPatterns/design``'s rows.
    public let pattern: Int
    /// The group code (≥ 0).
    public let group: Int32
    /// Rows in the cell.
    public let count: Int
    /// `count · weight`: the cell's frequency weight in the fits.
    public let frequency: Double
}
