import AuditMetrics
import DecisionModels

/// The audit of a decision model itself (issue 4): the grid run on the applicants, then
/// per protected attribute its score fairness, waiting-list fairness and what drives the
/// gaps. Reports render it; they compute nothing.
public struct ModelAuditResult: Sendable, Equatable {
    /// The grid's name and file name (not its path).
    public let name: String
    public let file: String
    /// The grid's declared role in the decision (CRPA R311-3-1-2, 1°).
    public let role: String?
    /// Applicants scored.
    public let rows: Int
    /// Criterion names, in the grid's order, with their labels.
    public let criteria: [(name: String, labelFR: String?, labelEN: String?)]
    /// The allocation rule in words (`capacity per typologie, from attribue`), when any.
    public let allocationRule: String?
    /// The same rule as data, and the grid's segments, for a report to phrase it in its
    /// language (`allocationRule` stays the machine-readable English of `report.json`).
    public let allocation: GridAllocationRule?
    public let segmentBy: [String]
    /// Applicants the grid selects, when it has an allocation rule.
    public let selected: Int?
    /// Whole-population values: score distribution, NDKL, Kaplan–Meier waits.
    public let overall: [MetricEntry]
    public let attributes: [ModelAttributeResult]
    /// Weight sensitivity: each criterion removed or scaled (×0, ×0.5, ×1.5, ×2), re-allocated
    /// under the same capacities; which weights move which disparities most, largest change in
    /// impact ratio first (`GridSensitivity`). Suppressed groups are left out.
    public let sensitivity: [GridSensitivityEntry]
    /// Per attribute, group and criterion: the impact-ratio change at ×0 and ×2 (tornado).
    public let tornado: [GridTornadoBar]
    /// The grid's selection against the actual decisions (``HumanStage``), when the audit has
    /// a decision column and the grid an allocation rule.
    public let human: HumanStageResult?
    /// The highest score of the grid's scale (``PointsGrid/maximumScore``): what a mean score
    /// is out of; `nil` when a criterion has no maximum (``unboundedCriteria``).
    public let maximumScore: Double?
    /// The criteria without a maximum (``PointsGrid/unboundedCriteria``).
    public let unboundedCriteria: [String]

    public init(name: String, file: String, role: String?, rows: Int, criteria: [(name: String, labelFR: String?, labelEN: String?)],
                allocationRule: String?, selected: Int?, overall: [MetricEntry], attributes: [ModelAttributeResult],
                sensitivity: [GridSensitivityEntry] = [], tornado: [GridTornadoBar] = [], human: HumanStageResult? = nil,
                allocation: GridAllocationRule? = nil, segmentBy: [String] = [], maximumScore: Double? = nil, unboundedCriteria: [String] = []) {
        self.maximumScore = maximumScore
        self.unboundedCriteria = unboundedCriteria
        self.allocation = allocation
        self.segmentBy = segmentBy
        self.human = human
        self.sensitivity = sensitivity
        self.tornado = tornado
        self.name = name
        self.file = file
        self.role = role
        self.rows = rows
        self.criteria = criteria
        self.allocationRule = allocationRule
        self.selected = selected
        self.overall = overall
        self.attributes = attributes
    }

    public subscript(_ attribute: String) -> ModelAttributeResult? { attributes.first { $0.name == attribute } }

    public static func == (a: ModelAuditResult, b: ModelAuditResult) -> Bool {
        a.name == b.name && a.file == b.file && a.role == b.role && a.rows == b.rows
            && a.criteria.map(\.name) == b.criteria.map(\.name) && a.allocationRule == b.allocationRule
            && a.selected == b.selected && a.overall == b.overall && a.attributes == b.attributes
            && a.sensitivity == b.sensitivity && a.tornado == b.tornado && a.human == b.human
            && a.maximumScore == b.maximumScore && a.unboundedCriteria == b.unboundedCriteria
    }
}
