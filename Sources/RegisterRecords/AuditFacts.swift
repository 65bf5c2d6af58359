/// What the audit measured, read from `report.json` and `manifest.json`: the facts a
/// register record states as **measured**. Every value is copied from those files (the
/// tests compare each one with them); none is recomputed. Values the disclosure control
/// withheld (`status: suppressed`) are not read.
public struct AuditFacts: Sendable, Equatable, Codable {
    /// `report.json` `schema_version`.
    public var reportSchema: String
    /// Vigie's version and source commit (`manifest.json` `vigie`).
    public var vigieVersion: String
    public var vigieCommit: String
    /// SHA-256 of `manifest.json` itself: it pins every input and output of the audit.
    public var manifestSHA256: String
    /// The audit's inputs and outputs with their SHA-256 (`manifest.json`).
    public var inputs: [AuditFile]
    public var outputs: [AuditFile]
    /// Rows audited (`input.rows`) and the data file's base name.
    public var rows: Int
    public var dataFile: String
    public var hasLabel: Bool
    public var hasDecision: Bool
    /// The protected columns (`spec.protected[].column`) and the highest order of
    /// intersections (`spec.intersections`).
    public var protectedColumns: [String]
    public var intersectionOrder: Int
    /// Every attribute and intersection checked.
    public var attributes: [AuditAttribute]
    /// `verdicts`: how many findings have each verdict.
    public var disparityCount: Int
    public var noDisparityCount: Int
    public var insufficientEvidenceCount: Int
    /// Disparities in favour of a declared mandated priority (verdict `intended`; 0 in reports
    /// written before it existed).
    public var intendedCount: Int = 0
    /// `spec.inference.adjust` and `alpha`: how the p-values were adjusted.
    public var adjust: String
    public var alpha: Double
    /// The findings with the verdict `disparity`, in `report.json` order.
    public var disparities: [AuditDisparity]
    /// `spec.impact_ratio_threshold` and the groups below it.
    public var impactRatioThreshold: Double
    public var adverseImpacts: [AuditAdverseImpact]
    /// Disclosure control: k, cells and findings withheld (`disclosure`); `nil` in a report
    /// without the section.
    public var minCellSize: Int?
    public var suppressedCells: Int?
    public var suppressedFindings: Int?
    /// Allocation audit (`allocation`), when present: the quantity, households, the overall
    /// Gini index when defined, the share paying more than 3 % of income when a tariff was
    /// audited, and per attribute the group with the lowest per-capita ratio.
    public var allocationQuantity: String?
    public var allocationHouseholds: Int?
    public var allocationGini: Double?
    public var allocationEffortAbove3Percent: Double?
    public var allocationLowest: [AuditAllocationExtreme]
    /// The decision model the audit ran (`model`), when present: its name, file, role, rule
    /// of allocation and the number of rows it selected.
    public var modelName: String?
    public var modelFile: String?
    public var modelRole: String?
    public var modelAllocationRule: String?
    public var modelSelected: Int?

    enum CodingKeys: String, CodingKey {
        case reportSchema = "report_schema", vigieVersion = "vigie_version", vigieCommit = "vigie_commit"
        case manifestSHA256 = "manifest_sha256", inputs, outputs, rows
        case dataFile = "data_file", hasLabel = "has_label", hasDecision = "has_decision"
        case protectedColumns = "protected_columns", intersectionOrder = "intersection_order", attributes
        case disparityCount = "disparity", noDisparityCount = "no_disparity", insufficientEvidenceCount = "insufficient_evidence", intendedCount = "intended"
        case adjust, alpha, disparities
        case impactRatioThreshold = "impact_ratio_threshold", adverseImpacts = "adverse_impacts"
        case minCellSize = "min_cell_size", suppressedCells = "suppressed_cells", suppressedFindings = "suppressed_findings"
        case allocationQuantity = "allocation_quantity", allocationHouseholds = "allocation_households"
        case allocationGini = "allocation_gini", allocationEffortAbove3Percent = "allocation_effort_above_3pct_share"
        case allocationLowest = "allocation_lowest_per_capita"
        case modelName = "model_name", modelFile = "model_file", modelRole = "model_role"
        case modelAllocationRule = "model_allocation_rule", modelSelected = "model_selected"
    }

    /// Findings compared (all verdicts).
    public var findingCount: Int { disparityCount + noDisparityCount + insufficientEvidenceCount + intendedCount }

    /// Groups with at least one row, over every attribute and intersection.
    public var groupsChecked: Int { attributes.reduce(0) { $0 + $1.groups } }
}
