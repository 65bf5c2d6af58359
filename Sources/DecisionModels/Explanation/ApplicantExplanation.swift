/// The explanation owed to one applicant scored by a points grid (*cotation*),
/// following CRPA R311-3-1-2 (décret 2017-330): on request, the administration
/// communicates "sous une forme intelligible"
/// 1. the degree and mode of the algorithm's contribution to the decision (``role``, ``standing``),
/// 2. the data processed and their sources (``data``),
/// 3. the processing parameters and their weighting as applied to the person
///    (``criteria``, ``groups``),
/// 4. the operations performed (sum, exclusive groups, caps, floor, tie-break,
///    allocation rule: ``operations``, ``standing``);
/// plus what a cotation applicant is told (DRIHL; CCH L441-2-8): the score,
/// the position among similar applications and their average wait (``wait``).
///
/// It holds this applicant's values and aggregates over comparable
/// applications only (count, rank, wait): never another applicant's id or values.
/// Built by ``explain(grid:csvPath:id:dialect:minimumWaitCount:)``.
public struct ApplicantExplanation: Sendable, Equatable {
    /// The applicant's id (from the data).
    public var applicantID: String
    /// 1-based physical line of the applicant's row in the data file.
    public var line: Int
    /// The grid's name.
    public var gridName: String
    /// The grid's declared role (`role:`), e.g. "aide à la décision : la CALEOL décide"; `nil` when not declared.
    public var role: String?
    /// Item 2: every column the grid reads for this applicant, with its declared source and the applicant's value.
    public var data: [ExplanationDataItem]
    /// Item 3: each criterion as applied, in declared order.
    public var criteria: [ExplanationCriterion]
    /// Item 3/4: each exclusive group and which member counted.
    public var groups: [ExplanationGroup]
    /// Item 4: the sum, floor and total.
    public var operations: ExplanationOperations
    /// Item 1/4: the allocation rule and where the applicant stands among comparable applications.
    public var standing: ExplanationStanding
    /// Average wait of comparable allocated applications (or why it is not given).
    public var wait: ExplanationWait
    /// The decimals of the grid's scores (its points and per-unit data together,
    /// ``GridScores/decimals``): points are shown with at least this many decimals, so exactly.
    public var scoreDecimals: Int

    public init(applicantID: String, line: Int, gridName: String, role: String?, data: [ExplanationDataItem],
                criteria: [ExplanationCriterion], groups: [ExplanationGroup], operations: ExplanationOperations,
                standing: ExplanationStanding, wait: ExplanationWait, scoreDecimals: Int = 0) {
        self.applicantID = applicantID
        self.line = line
        self.gridName = gridName
        self.role = role
        self.data = data
        self.criteria = criteria
        self.groups = groups
        self.operations = operations
        self.standing = standing
        self.wait = wait
        self.scoreDecimals = scoreDecimals
    }

    /// The total score (``ExplanationOperations/total``).
    public var totalScore: Double { operations.total }
}
