import AuditMetrics

/// One group's line of a two-grid comparison (`vigie compare --model A --model B`).
///
/// With `S_A`, `S_B` the rows selected under grids A and B in the group of `n` rows:
/// rate under X = `|S_X| / n`; change = rate B − rate A; gainers = `|S_B \ S_A|`;
/// losers = `|S_A \ S_B|`; mean score under each grid; mean rank change =
/// `mean(rank_B − rank_A)` (ranks within segments, 1 = best, so a positive change is
/// a worse place). Rows hidden by the audit's disclosure control (`min_cell_size`, primary
/// and complementary suppression, attribute disclosure: `SuppressionPlan`) are
/// ``suppressed``: renderers show the group's size only, no sub-count.
public struct GridComparisonRow: Sendable, Equatable {
    /// `overall` for the whole population, else the protected attribute.
    public let attribute: String
    /// `all` for the whole population, else the group label.
    public let group: String
    public let count: Int
    public let selectedA: Int
    public let selectedB: Int
    public let rateA: MetricValue
    public let rateB: MetricValue
    public let rateChange: MetricValue
    /// Selected under B, not under A.
    public let gainers: Int
    /// Selected under A, not under B.
    public let losers: Int
    public let meanScoreA: MetricValue
    public let meanScoreB: MetricValue
    public let meanScoreChange: MetricValue
    public let meanRankChange: MetricValue
    /// Hidden by disclosure control: show the group's size only (no selected, gainers, losers).
    public let suppressed: Bool
    /// Why it is hidden (`primary`, `complementary`, `attribute_disclosure`), when it is.
    public private(set) var suppressionKind: SuppressedCell.Kind?

    public init(attribute: String, group: String, count: Int, selectedA: Int, selectedB: Int, rateA: MetricValue, rateB: MetricValue,
                rateChange: MetricValue, gainers: Int, losers: Int, meanScoreA: MetricValue, meanScoreB: MetricValue,
                meanScoreChange: MetricValue, meanRankChange: MetricValue, suppressed: Bool) {
        self.attribute = attribute
        self.group = group
        self.count = count
        self.selectedA = selectedA
        self.selectedB = selectedB
        self.rateA = rateA
        self.rateB = rateB
        self.rateChange = rateChange
        self.gainers = gainers
        self.losers = losers
        self.meanScoreA = meanScoreA
        self.meanScoreB = meanScoreB
        self.meanScoreChange = meanScoreChange
        self.meanRankChange = meanRankChange
        self.suppressed = suppressed
    }

    /// The additive sub-counts the row publishes, for the attribute-disclosure check of
    /// `SuppressionPlan` (a 0 % or 100 % rate over hidden sub-groups).
    var disclosureProfile: [Int] { [selectedA, count - selectedA, selectedB, count - selectedB, gainers, losers] }

    /// The same row, hidden by disclosure control.
    func suppressed(_ kind: SuppressedCell.Kind) -> GridComparisonRow {
        var r = GridComparisonRow(attribute: attribute, group: group, count: count, selectedA: selectedA, selectedB: selectedB, rateA: rateA, rateB: rateB,
                                  rateChange: rateChange, gainers: gainers, losers: losers, meanScoreA: meanScoreA, meanScoreB: meanScoreB,
                                  meanScoreChange: meanScoreChange, meanRankChange: meanRankChange, suppressed: true)
        r.suppressionKind = kind
        return r
    }

    /// Applicants who switch: gainers + losers.
    public var switches: Int { gainers + losers }
}
