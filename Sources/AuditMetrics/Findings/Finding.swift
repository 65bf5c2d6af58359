/// One disparity of one group against its reference, with its uncertainty and verdict: a row
/// of `findings.csv`.
public struct Finding: Sendable, Equatable {
    /// A difference or a ratio of the metric.
    public enum Kind: String, Sendable { case difference, ratio }

    /// The attribute or intersection (`race`, `race*sex`).
    public let attribute: String
    /// The group compared.
    public let group: String
    /// What it is compared with: the reference group's label, or `rest` (the rest of the
    /// population) when the attribute's reference is the whole population.
    public let reference: String
    /// The rate compared (`selection_rate`, `fpr`, `fnr`, `ppv`, or `base_rate` without a decision).
    public let metric: MetricID
    public let kind: Kind
    /// Group minus reference, or group over reference.
    public let value: MetricValue
    /// Newcombe's interval for a difference, Katz's for a ratio.
    public let interval: MetricInterval?
    /// `fisher_exact` when an expected cell count is under 5, else `two_proportion_z`.
    public let test: String?
    /// The test's two-sided p-value; below 1e-300, the upper bound 1e-300 (``PublishedPValue``,
    /// the reason then says so).
    public let pValue: Double?
    /// Adjusted across every test of the audit (Holm by default).
    public let pAdjusted: Double?
    public let verdict: Verdict
    /// Why, typed (``FindingReason``): each document words it in its language; its
    /// `description` is the English text `findings.csv` and `report.json` publish.
    public let reason: FindingReason
    /// Smallest decrease and increase of the group's rate that the comparison would detect
    /// (two-sided test at α, with the declared power), as differences of rates.
    public let minimumDetectableDecrease: Double?
    public let minimumDetectableIncrease: Double?
    /// The smallest true gap (difference of rates, either direction) for which this comparison
    /// would reach a `disparity` verdict with the declared power (normal approximation):
    /// max(tolerance + z_ci·SE, z_adj·SE) + z_power·SE — the interval must clear the tolerance
    /// and the adjusted test must be significant — with z_adj the Bonferroni bound
    /// z_{1−α/(2m)} over the m tests of the audit (conservative for Holm) and SE the standard
    /// error of the difference at the reference's rate. Larger than the minimum detectable
    /// difference of a single unadjusted test. Groups below the minimum size get no verdict.
    public var verdictDetectableGap: Double?
    /// Rows in the rate's denominator, in the group and in the reference.
    public let groupRows: Int
    public let referenceRows: Int
    /// Whether the attribute is an intersection.
    public let isIntersection: Bool

    public init(attribute: String, group: String, reference: String, metric: MetricID, kind: Kind, value: MetricValue, interval: MetricInterval?, test: String?, pValue: Double?, pAdjusted: Double?, verdict: Verdict, reason: FindingReason, minimumDetectableDecrease: Double?, minimumDetectableIncrease: Double?, groupRows: Int, referenceRows: Int, isIntersection: Bool) {
        self.attribute = attribute
        self.group = group
        self.reference = reference
        self.metric = metric
        self.kind = kind
        self.value = value
        self.interval = interval
        self.test = test
        self.pValue = pValue
        self.pAdjusted = pAdjusted
        self.verdict = verdict
        self.reason = reason
        self.minimumDetectableDecrease = minimumDetectableDecrease
        self.minimumDetectableIncrease = minimumDetectableIncrease
        self.groupRows = groupRows
        self.referenceRows = referenceRows
        self.isIntersection = isIntersection
    }
}

/// Pearson's chi-square test that a rate is the same in every group of an attribute.
public struct IndependenceTest: Sendable, Equatable {
    public let attribute: String
    public let metric: MetricID
    public let statistic: Double
    public let degreesOfFreedom: Int
    public let pValue: Double
    public let pAdjusted: Double
    /// Non-empty groups in the table.
    public let groups: Int
    /// Whether `pValue` is the upper bound 1e-300 of a smaller p-value (``PublishedPValue``).
    public let pValueIsUpperBound: Bool

    public init(attribute: String, metric: MetricID, statistic: Double, degreesOfFreedom: Int, pValue: Double, pAdjusted: Double, groups: Int,
                pValueIsUpperBound: Bool = false) {
        self.attribute = attribute
        self.metric = metric
        self.statistic = statistic
        self.degreesOfFreedom = degreesOfFreedom
        self.pValue = pValue
        self.pAdjusted = pAdjusted
        self.groups = groups
        self.pValueIsUpperBound = pValueIsUpperBound
    }
}
