/// Everything ``ScoreFairness/analyze(_:options:)`` measured.
public struct ScoreFairnessResult: Sendable, Equatable {
    /// The whole analysed sample.
    public let overall: ScoreGroupResult
    /// One result per group code, in code order (empty groups included, their values undefined).
    public let groups: [ScoreGroupResult]
    public let reference: Int?
    /// The calibration bin edges, fixed on all analysed scores (empty without labels).
    public let edges: [Double]
    /// Rows with a group but no score, and rows excluded (group −1).
    public let missingScores: Int
    public let excluded: Int

    public init(overall: ScoreGroupResult, groups: [ScoreGroupResult], reference: Int?, edges: [Double], missingScores: Int, excluded: Int) {
        self.overall = overall
        self.groups = groups
        self.reference = reference
        self.edges = edges
        self.missingScores = missingScores
        self.excluded = excluded
    }

    public subscript(_ label: String) -> ScoreGroupResult? { groups.first { $0.label == label } }
}
