/// What disclosure control withheld from an audit's outputs, for the report's method section.
public struct DisclosureSummary: Sendable, Equatable {
    /// The threshold k: cells of fewer rows are suppressed (0: suppression off).
    public let minimumCellSize: Int
    /// Every suppressed cell, in table order (overall, then attributes and groups in output order).
    public let cells: [SuppressedCell]
    /// Findings withheld because their group or reference group is suppressed.
    public let suppressedFindings: Int
    /// Attribute-level values withheld (aggregates, independence tests, decompositions)
    /// because they depend on a suppressed cell.
    public let suppressedAggregates: Int
    /// The tests whose p-values were adjusted together (Holm, BH), published or withheld:
    /// withheld findings stay in the family, so the adjustment is the one of every test run.
    public let adjustedTests: Int
    /// The rate comparisons among `adjustedTests` (the rest are tests of independence).
    public var testedComparisons: Int = 0
    /// Groups below the impact-ratio threshold on the true values whose flag is not
    /// published (the group or the rate it is compared with is suppressed), without figures.
    public let withheldAdverseImpacts: [WithheldVerdict]
    /// Withheld findings whose verdict is `disparity`, without figures.
    public let withheldDisparities: [WithheldVerdict]

    public init(minimumCellSize: Int, cells: [SuppressedCell], suppressedFindings: Int, suppressedAggregates: Int, adjustedTests: Int = 0,
                withheldAdverseImpacts: [WithheldVerdict] = [], withheldDisparities: [WithheldVerdict] = []) {
        self.minimumCellSize = minimumCellSize
        self.cells = cells
        self.suppressedFindings = suppressedFindings
        self.suppressedAggregates = suppressedAggregates
        self.adjustedTests = adjustedTests
        self.withheldAdverseImpacts = withheldAdverseImpacts
        self.withheldDisparities = withheldDisparities
    }

    /// Cells suppressed because they are small.
    public var primaryCount: Int { cells.filter { $0.kind == .primary }.count }
    /// Cells suppressed so that the small ones cannot be recovered.
    public var complementaryCount: Int { cells.filter { $0.kind == .complementary }.count }
    /// Cells suppressed because a rate of 0 % or 100 % over them would reveal their hidden
    /// sub-groups' rates (attribute disclosure).
    public var attributeDisclosureCount: Int { cells.filter { $0.kind == .attributeDisclosure }.count }
}
