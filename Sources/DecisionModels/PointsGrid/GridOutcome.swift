/// The grid applied to every row once: each applicant's score and, when the grid has an
/// allocation rule, whom it selects — what the decision model's audit (`ModelAudit`) and the
/// scan for undeclared groups both start from, computed once for both.
public struct GridOutcome: Sendable {
    /// Each row's score in points (``GridDesign/scores()``).
    public let scores: [Double]
    /// Whom the grid selects under its own rule (``GridAllocation/allocate(scores:design:rule:)``),
    /// nil when the grid has no allocation rule.
    public let allocation: GridAllocationResult?

    /// Scores the rows of `design` (the grid `grid` applied to a store) and allocates.
    public init(design: GridDesign, grid: PointsGrid) throws {
        let scores = try design.scores()
        self.scores = scores
        allocation = try grid.allocation.map { _ in try GridAllocation.allocate(scores: scores, design: design) }
    }
}
