/// Who is selected under each grid column, and each applicant's rank within
/// their segment (1 = best): score descending, then the grid's tie-break keys.
public struct GridAllocationResult: Sendable, Equatable {
    /// Number of applicants.
    public let rows: Int
    /// Number of score columns (grids).
    public let grids: Int
    /// `selected[row + grid × rows]`.
    public let selected: [Bool]
    /// `ranks[row + grid × rows]`, 1-based within the row's segment.
    public let ranks: [Int32]

    /// Wraps column-major flags and ranks (`rows × grids` each).
    public init(rows: Int, grids: Int, selected: [Bool], ranks: [Int32]) {
        self.rows = rows
        self.grids = grids
        self.selected = selected
        self.ranks = ranks
    }

    /// Whether applicant `row` is selected under grid column `grid`.
    public func isSelected(_ row: Int, grid: Int = 0) -> Bool { selected[row + grid * rows] }

    /// Rank of applicant `row` within its segment under grid column `grid` (1 = best).
    public func rank(_ row: Int, grid: Int = 0) -> Int { Int(ranks[row + grid * rows]) }

    /// Number of applicants selected under grid column `grid`.
    public func selectedCount(grid: Int = 0) -> Int {
        selected[(grid * rows)..<((grid + 1) * rows)].reduce(0) { $0 + ($1 ? 1 : 0) }
    }
}
