/// The operations that turn the criteria's points into the score (CRPA
/// R311-3-1-2 4°; `docs/model.md`):
///
///     sum   = Σ_{c ungrouped} points_c + Σ_G max_{c ∈ G} points_c
///     total = max(minimumScore, sum)
public struct ExplanationOperations: Sendable, Equatable {
    /// The sum of counted points, before the floor.
    public var sum: Double
    /// The floor (`minimum_score`), if the grid declares one.
    public var minimumScore: Double?
    /// Whether the floor raised the sum (`sum < minimumScore`).
    public var floorApplied: Bool
    /// The total score.
    public var total: Double

    public init(sum: Double, minimumScore: Double?, floorApplied: Bool, total: Double) {
        self.sum = sum
        self.minimumScore = minimumScore
        self.floorApplied = floorApplied
        self.total = total
    }
}
