import AuditData

/// A points grid (*cotation*) for social-housing applications, read from YAML
/// (`docs/model.md`, `Fixtures/housing/cotation-grid.yaml`).
///
/// Score of applicant `i`:
///
///     score_i = max(minimumScore, Σ_{c ungrouped} points_c(i) + Σ_{G} max_{c ∈ G} points_c(i))
///
/// where `points_c(i)` is criterion `c`'s points (``GridCriterion/points(forRawValue:)``)
/// and `G` ranges over the exclusive groups. The grid also declares how scores
/// become a selection (``allocation``), the tie-break, and — for CRPA
/// explanations (Code des relations entre le public et l'administration,
/// L311-3-1 and R311-3-1-2) — its role, its criteria's labels and the source of
/// each column.
public struct PointsGrid: Sendable, Equatable {
    /// Short name, e.g. "Cotation Montpellier (illustrative)".
    public var name: String
    /// What the grid decides, e.g. "aide à la décision : la CALEOL décide".
    public var role: String?
    /// Free text (sources, caveats).
    public var description: String?
    /// The applicant id column (unique per row; the last tie-break key).
    public var idColumn: String
    /// The criteria, in declared order.
    public var criteria: [GridCriterion]
    /// Groups of mutually exclusive criteria (disjoint).
    public var exclusiveGroups: [GridExclusiveGroup]
    /// Floor of the total score (`minimum_score`), e.g. 0; `nil` for none.
    public var minimumScore: Double?
    /// Columns whose combination defines an allocation segment (e.g. `typologie`); empty = one segment.
    public var segmentBy: [String]
    /// How scores become a selection; `nil` when the grid only scores.
    public var allocation: GridAllocationRule?
    /// Keys ordering equal scores; the last is the id column, so the order is total.
    public var tieBreak: [GridTieBreakKey]
    /// Origin of each data column, in declared order.
    public var dataSources: [GridDataSource]
    /// Application and allocation date columns (spec `dates:`), for the average
    /// wait in explanations; `nil` when not declared.
    public var dates: GridDateColumns?

    /// Creates and validates a grid.
    ///
    /// - Throws: `SpecError` (keyed like the YAML, without file position) when
    ///   ``validate()`` fails.
    public init(name: String, role: String? = nil, description: String? = nil, idColumn: String,
                criteria: [GridCriterion], exclusiveGroups: [GridExclusiveGroup] = [],
                minimumScore: Double? = nil, segmentBy: [String] = [],
                allocation: GridAllocationRule? = nil, tieBreak: [GridTieBreakKey]? = nil,
                dataSources: [GridDataSource] = [], dates: GridDateColumns? = nil) throws(SpecError) {
        self.name = name
        self.role = role
        self.description = description
        self.idColumn = idColumn
        self.criteria = criteria
        self.exclusiveGroups = exclusiveGroups
        self.minimumScore = minimumScore
        self.segmentBy = segmentBy
        self.allocation = allocation
        self.tieBreak = tieBreak ?? [GridTieBreakKey(column: idColumn, descending: false)]
        self.dataSources = dataSources
        self.dates = dates
        try validate()
    }

    /// The exclusive group of each criterion (`nil` when ungrouped).
    public var groupOfCriterion: [Int?] {
        var result = [Int?](repeating: nil, count: criteria.count)
        for (g, group) in exclusiveGroups.enumerated() {
            for c in group.members where c >= 0 && c < criteria.count { result[c] = g }
        }
        return result
    }

    /// Index of the criterion called `name`.
    public func criterionIndex(named name: String) -> Int? {
        criteria.firstIndex { $0.name == name }
    }
}
