/// One key of a grid's tie-break list (`anciennete_mois desc`): among equal
/// scores, the applicant with the better key comes first. The id column is
/// compared as text (byte order of its UTF-8), every other column as a number.
public struct GridTieBreakKey: Sendable, Equatable {
    /// CSV column.
    public var column: String
    /// `true` for `desc` (larger first), `false` for `asc`.
    public var descending: Bool

    /// A key on `column`, `desc` when `descending`.
    public init(column: String, descending: Bool) {
        self.column = column
        self.descending = descending
    }
}
