import AuditMetrics

/// One group's line of a two-grid comparison (`vigie compare --model A --model B`).
///
/// With `S_A`, `S_B` the rows selected under grids A and B in the group of `n` rows:
/// rate under X = `|S_X| / n`; change = rate B − rate A; gainers = `|S_B \ S_A|`;
/// losers = `|S_A \ S_B|`; mean score under each grid; mean rank change =
/// `mean(rank_B − rank_A)` (ranks within segments, 1 = best, so a positive change is
/// a worse place). Groups of fewer than ``GridComparison/disclosureThreshold`` rows are
/// ``suppressed``: renderers show their counts only.
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
    /// `count < disclosureThreshold`: show counts only (statistical disclosure control).
    public let suppressed: Bool

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

    /// Applicants who switch: gainers + losers.
    public var switches: Int { gainers + losers }
}
