/// Why a finding has its verdict, typed: the rule of `docs/inference.md` that decided it, with
/// its figures, so each document words it in its own language (`AuditReport`'s catalogues: the
/// JUnit file under `--lang fr` speaks French). ``description`` is the English text that
/// `findings.csv` and `report.json` publish as `reason` (unchanged, stable).
///
/// The rules (``FindingsBuilder``), in order: a group or reference below `min_group_size`; a
/// rate's denominator below `min_denominator` in the group or the reference; an undefined
/// value; no interval; then the interval against the tolerance band (±tolerance for a
/// difference, [t, 1/t] for a ratio with t the impact-ratio threshold) and the adjusted p-value
/// against α. A ``priority`` note follows when the comparison differs on mandated priorities
/// only, and a ``pValueIsUpperBound`` note when the test's p-value is below 1e-300
/// (``PublishedPValue``).
public struct FindingReason: Sendable, Equatable {
    /// The tolerance band of a comparison: ±`tolerance` around 0 for a difference of rates,
    /// [`low`, `high`] around 1 for a ratio.
    public enum Band: Sendable, Equatable {
        case difference(tolerance: Double)
        case ratio(low: Double, high: Double)
    }

    /// Which side of a comparison a figure is about.
    public enum Side: String, Sendable, Equatable {
        case group, reference
    }

    /// What a rate's denominator counts (``FindingsBuilder/denominatorWords(_:)``), named in
    /// the reason "too few … in the group".
    public enum Denominator: String, Sendable, Equatable, CaseIterable {
        /// Every row (selection rate, base rate).
        case rows
        /// Rows whose label is positive (true positive and false negative rates).
        case labelPositiveRows = "label-positive rows"
        /// Rows whose label is negative (false positive and true negative rates).
        case labelNegativeRows = "label-negative rows"
        /// Rows with a positive decision (precision, false discovery rate).
        case positiveDecisions = "positive decisions"
        /// Rows with a negative decision (negative predictive value, false omission rate).
        case negativeDecisions = "negative decisions"
        /// Households (a share of a water allocation's households).
        case households
        /// Households with a value (a mean of a water allocation).
        case householdsWithValue = "households with a value"
        /// The human stage's override-in rate: applicants the grid does not select.
        case applicantsNotSelectedByGrid = "applicants the grid does not select"
        /// The human stage's override-out rate: applicants the grid selects.
        case applicantsSelectedByGrid = "applicants the grid selects"
    }

    /// Why the value of a comparison is undefined; `detail` is the value's own English reason
    /// (``MetricValue/reason``), published after "value undefined: ".
    public enum Undefined: Sendable, Equatable {
        /// The group's rate is undefined (or withheld).
        case forGroup(detail: String)
        /// The reference's rate is undefined (or withheld).
        case forReference(detail: String)
        /// A ratio whose reference rate is 0.
        case referenceIsZero(detail: String)
    }

    /// The rule that decided the verdict.
    public enum Cause: Sendable, Equatable {
        /// `side` has `rows` rows, fewer than `minimum` (`min_group_size`).
        case belowMinimumSize(Side, rows: Int, minimum: Int)
        /// The rate's denominator counts `rows` on `side`, fewer than `minimum` (`min_denominator`).
        case tooFewInDenominator(Denominator, Side, rows: Int, minimum: Int)
        /// The comparison's value is undefined.
        case valueUndefined(Undefined)
        /// A rate comparison with a zero count on one side has no interval.
        case noInterval
        /// A comparison of means without an analytic interval (weighted, or under 2 households).
        case noMeanInterval
        /// The interval lies outside the band but no test could be run.
        case outsideWithoutTest(low: Double, high: Double, band: Band)
        /// The interval lies outside the band and the adjusted p-value is below α: a disparity.
        case outside(low: Double, high: Double, band: Band, pAdjusted: Double, alpha: Double)
        /// The interval lies outside the band but the adjusted p-value is not below α.
        case outsideNotSignificant(low: Double, high: Double, band: Band, pAdjusted: Double)
        /// The interval lies inside the band: no disparity.
        case within(low: Double, high: Double, band: Band)
        /// The interval crosses an edge of the band.
        case crossesEdge(low: Double, high: Double, band: Band)
    }

    /// A disparity between sides that differ on mandated priorities only (`PriorityGap`).
    public enum Priority: Sendable, Equatable {
        /// In favour of the side holding these priorities: intended by the rules.
        case inFavour([String])
        /// Against the side holding these priorities, which the rules want favoured.
        case against([String])
    }

    public var cause: Cause
    public var priority: Priority?
    /// The test's p-value is below 1e-300 and 1e-300 is published (``PublishedPValue``).
    public var pValueIsUpperBound: Bool

    public init(_ cause: Cause, priority: Priority? = nil, pValueIsUpperBound: Bool = false) {
        self.cause = cause
        self.priority = priority
        self.pValueIsUpperBound = pValueIsUpperBound
    }
}

extension FindingReason.Undefined {
    /// Why the comparison `value` of `group`'s value with `reference`'s is undefined; `nil`
    /// when it is defined. The side whose own value is undefined is named; when both are
    /// defined, the ratio's reference value is 0 (``Disparity``).
    public init?(_ value: MetricValue, group: MetricValue, reference: MetricValue) {
        guard value.value == nil, let detail = value.reason else { return nil }
        if group.value == nil {
            self = .forGroup(detail: detail)
        } else if reference.value == nil {
            self = .forReference(detail: detail)
        } else {
            self = .referenceIsZero(detail: detail)
        }
    }
}
