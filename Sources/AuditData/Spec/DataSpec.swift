/// The spec's data part: where the data are and which columns mean what (`data`, `csv`,
/// `protected`, `label`, `decision`, `score`, `weight`, and the allocation audit's
/// `allocation`, `rank_by`, `income`). `DataLoader` reads the file it names.
public struct DataSpec: Sendable, Equatable {
    /// Path of the data file (`data:`); relative paths in a spec file are resolved against the
    /// spec's folder.
    public var path: String?
    /// CSV dialect: delimiter, decimal comma, missing-value markers.
    public var csv: CSVDialect
    /// The protected attributes, in output order.
    public var protected: [ProtectedAttributeSpec]
    /// The ground truth (need confirmed on review, eligibility, reoffended), if known.
    public var label: BinaryColumnSpec?
    /// The decision of the system (allocated, proposed, flagged).
    public var decision: BinaryColumnSpec?
    /// A numeric score column (kept for score analyses).
    public var score: String?
    /// A sample-weight column; every rate becomes a ratio of weight sums.
    public var weight: String?
    /// A continuous allocation to audit (means, medians, shortfall, inequality).
    public var allocation: AllocationSpec?
    /// A column that ranks households (income): concentration curves and indices, deciles.
    public var rankBy: String?
    /// The income column, for affordability (bill over income).
    public var income: String?
    /// The most groups a protected attribute may hold (`max_groups`, `--max-groups`); `nil`:
    /// ``GroupLimits/defaultMaxGroups`` (1,000).
    public var maxGroups: Int?

    /// What each protected attribute may hold (``GroupLimits``).
    public var groupLimits: GroupLimits { GroupLimits(maxGroups: maxGroups ?? GroupLimits.defaultMaxGroups) }

    public init(
        path: String? = nil, csv: CSVDialect = CSVDialect(), protected: [ProtectedAttributeSpec] = [],
        label: BinaryColumnSpec? = nil, decision: BinaryColumnSpec? = nil, score: String? = nil, weight: String? = nil,
        allocation: AllocationSpec? = nil, rankBy: String? = nil, income: String? = nil, maxGroups: Int? = nil
    ) {
        self.path = path
        self.csv = csv
        self.protected = protected
        self.label = label
        self.decision = decision
        self.score = score
        self.weight = weight
        self.allocation = allocation
        self.rankBy = rankBy
        self.income = income
        self.maxGroups = maxGroups
    }

    /// Checks what does not depend on the file: a data file, at least one protected
    /// attribute, each listed once, a finite decision threshold.
    public func validate() throws(SpecError) {
        guard path != nil else { throw SpecError(key: "data", problem: .sentence(.specNoData, arguments: [:])) }
        guard !protected.isEmpty else {
            throw SpecError(key: "protected", problem: .sentence(.specNoProtected, arguments: [:]))
        }
        var seen = Set<String>()
        for attribute in protected where !seen.insert(attribute.column).inserted {
            throw SpecError(key: "protected", problem: .sentence(.specColumnTwice, arguments: ["column": "\(attribute.column)"]))
        }
        if let threshold = decision?.threshold, !threshold.isFinite {
            throw SpecError(key: "decision.threshold", problem: .sentence(.gridFinite, arguments: [:]))
        }
        if let maxGroups, !(2...GroupLimits.largestMaxGroups).contains(maxGroups) {
            throw SpecError(key: "max_groups", problem: .sentence(.specMaxGroups, arguments: ["max": "\(GroupLimits.largestMaxGroups)", "found": "\(maxGroups)"]))
        }
        let limit = groupLimits.maxGroups
        for (i, attribute) in protected.enumerated() {
            let groups: Int
            switch attribute.binning {
            case .none: continue
            case .bands(let edges): groups = edges.count + 1
            case .quantiles(let k): groups = k
            }
            guard groups <= limit else {
                throw SpecError(key: "protected[\(i + 1)]", problem: .sentence(.specTooManyGroups, arguments: ["column": "\(attribute.column)", "groups": "\(groups)", "limit": "\(limit)"]))
            }
        }
    }
}
