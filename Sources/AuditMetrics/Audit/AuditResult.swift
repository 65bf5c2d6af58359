import AuditData

/// The central table of an audit — Vigie's `MetricFrame`: every group of every attribute
/// and intersection with its metrics and disparities, and the whole population. Reports
/// render it; they compute nothing.
public struct AuditResult: Sendable, Equatable {
    /// Rows audited.
    public let rowCount: Int
    /// Whether rates are ratios of weight sums.
    public let weighted: Bool
    /// Whether the audit has a label (ground truth) and a decision.
    public let hasLabel: Bool
    public let hasDecision: Bool
    /// The spec's data part: the file and the columns audited.
    public let data: DataSpec
    /// The spec's analysis part: the rules applied.
    public let analysis: AnalysisSpec
    /// The whole population (attribute `overall`, group `all`).
    public internal(set) var overall: GroupResult
    /// Each attribute, then each intersection.
    public internal(set) var attributes: [AttributeResult]
    /// Things the auditor should know.
    public let warnings: [DataWarning]
    /// The input file's facts (delimiter used…), when the result comes from one file.
    public let source: DataSource?
    /// Every group's disparities against its reference, with intervals, tests and verdicts.
    public internal(set) var findings: [Finding] = []
    /// Chi-square tests of independence, per attribute and compared rate.
    public internal(set) var independenceTests: [IndependenceTest] = []
    /// The allocation audit (means, medians, shortfall, inequality, affordability, drought),
    /// when the spec names an allocation.
    public var allocation: AllocationResult?
    /// The number of bootstrap replicates run (0: none).
    public internal(set) var bootstrapReplicates = 0
    /// What disclosure control withheld (`DisclosureControl`), once applied.
    public internal(set) var disclosure: DisclosureSummary?

    public init(rowCount: Int, weighted: Bool, hasLabel: Bool, hasDecision: Bool, data: DataSpec, analysis: AnalysisSpec, overall: GroupResult, attributes: [AttributeResult], warnings: [DataWarning], source: DataSource? = nil) {
        self.rowCount = rowCount
        self.weighted = weighted
        self.hasLabel = hasLabel
        self.hasDecision = hasDecision
        self.data = data
        self.analysis = analysis
        self.overall = overall
        self.attributes = attributes
        self.warnings = warnings
        self.source = source
    }

    /// Whether the audit has a score column (`score_mean` and its disparities).
    public var hasScore: Bool { data.score != nil }

    /// An attribute or intersection by name.
    public subscript(_ name: String) -> AttributeResult? { attributes.first { $0.name == name } }

    /// Groups with an adverse impact (impact ratio below the threshold), attribute by attribute.
    public var adverseImpacts: [(attribute: String, group: GroupResult)] {
        attributes.flatMap { a in a.groups.filter { $0.adverseImpact == true }.map { (a.name, $0) } }
    }
}
