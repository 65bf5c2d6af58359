/// Where the applicant stands among comparable applications: those of the same
/// allocation segment (the values of the grid's `segment_by` columns, e.g. the
/// same typology; all applications without segments). Ranks follow
/// ``GridAllocation``: score descending, then the tie-break keys; rank 1 is the best.
public struct ExplanationStanding: Sendable, Equatable {
    /// The `segment_by` columns.
    public var segmentColumns: [String]
    /// The applicant's values of those columns (the segment).
    public var segmentValues: [String]
    /// Number of comparable applications (the segment's size, the applicant included).
    public var comparableCount: Int
    /// The applicant's rank in the segment (1 = best).
    public var rank: Int
    /// The tie-break keys, in order (the last is the id column).
    public var tieBreak: [GridTieBreakKey]
    /// The grid's allocation rule; `nil` when the grid only scores.
    public var rule: GridAllocationRule?
    /// Dwellings `k_s` in the segment (capacity and proposals rules).
    public var capacity: Int?
    /// The largest selected rank in the segment: `k_s` (capacity) or
    /// `per_unit × k_s` (proposals); `nil` for a threshold rule or none.
    public var selectionLimit: Int?
    /// Whether the rule selects the applicant; `nil` without a rule.
    public var selected: Bool?

    public init(segmentColumns: [String], segmentValues: [String], comparableCount: Int, rank: Int,
                tieBreak: [GridTieBreakKey], rule: GridAllocationRule?, capacity: Int?, selectionLimit: Int?, selected: Bool?) {
        self.segmentColumns = segmentColumns
        self.segmentValues = segmentValues
        self.comparableCount = comparableCount
        self.rank = rank
        self.tieBreak = tieBreak
        self.rule = rule
        self.capacity = capacity
        self.selectionLimit = selectionLimit
        self.selected = selected
    }
}
