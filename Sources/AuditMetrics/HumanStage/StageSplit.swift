/// Where one group's selection gap to the reference arises when a decision has two stages:
/// a scoring rule selects first (the points grid), people decide after (the allocation
/// commission).
///
/// From a group's 4-cell table of (grid selection, actual decision) — index `2·grid + actual`:
/// 0 neither, 1 selected by the people only (an override in), 2 by the grid only (an override
/// out), 3 both, as the confusion cells of ``GroupStatistics`` with the grid as "label" — with
/// `n` rows, `s = cells[2] + cells[3]` selected by the grid and `a = cells[1] + cells[3]` by
/// the people, for group g against reference r:
///
///     actual_gap      = a_g/n_g − a_r/n_r
///     grid_stage_gap  = s_g/n_g − s_r/n_r
///     human_stage_gap = actual_gap − grid_stage_gap = (a_g − s_g)/n_g − (a_r − s_r)/n_r
///
/// so `grid_stage_gap + human_stage_gap = actual_gap` exactly: the three are computed as
/// integer numerators over the one denominator `n_g·n_r` (``gridNumerator``,
/// ``humanNumerator``, their sum the actual gap's), each then divided once. Every gap is signed
/// group − reference, like the audit's `_difference` metrics. `a − s` is the group's net
/// override: the share the people add (overrides in) minus the share they remove (overrides out).
///
/// Intervals: bootstrap over applicants, stratified by group (``StratifiedCountBootstrap``:
/// each group's cells redrawn as Multinomial(n_g, cells/n_g), seeded, thread-independent), each
/// applicant keeping their own pair (grid selection, decision): the grid's allocation is not
/// re-run on a replicate, so the intervals are conditional on who the grid selects.
public struct StageSplit: Sendable, Equatable {
    /// Group and reference codes, and their rows.
    public let group: Int
    public let reference: Int
    public let groupRows: Int
    public let referenceRows: Int
    /// `a_g/n_g − a_r/n_r`.
    public let actualGap: MetricValue
    /// `s_g/n_g − s_r/n_r`.
    public let gridStageGap: MetricValue
    /// `actual_gap − grid_stage_gap`.
    public let humanStageGap: MetricValue
    public let actualGapInterval: MetricInterval?
    public let gridStageGapInterval: MetricInterval?
    public let humanStageGapInterval: MetricInterval?
    /// The exact split: `grid_stage_gap = gridNumerator / denominator`, `human_stage_gap =
    /// humanNumerator / denominator`, `actual_gap = (gridNumerator + humanNumerator) / denominator`
    /// (`denominator = n_g·n_r`; nil when a side is empty or the products overflow).
    public let exact: (denominator: Int, gridNumerator: Int, humanNumerator: Int)?

    public init(group: Int, reference: Int, groupRows: Int, referenceRows: Int, actualGap: MetricValue, gridStageGap: MetricValue, humanStageGap: MetricValue,
                actualGapInterval: MetricInterval?, gridStageGapInterval: MetricInterval?, humanStageGapInterval: MetricInterval?,
                exact: (denominator: Int, gridNumerator: Int, humanNumerator: Int)?) {
        self.group = group
        self.reference = reference
        self.groupRows = groupRows
        self.referenceRows = referenceRows
        self.actualGap = actualGap
        self.gridStageGap = gridStageGap
        self.humanStageGap = humanStageGap
        self.actualGapInterval = actualGap.value == nil ? nil : actualGapInterval
        self.gridStageGapInterval = gridStageGap.value == nil ? nil : gridStageGapInterval
        self.humanStageGapInterval = humanStageGap.value == nil ? nil : humanStageGapInterval
        self.exact = exact
    }

    public static func == (x: StageSplit, y: StageSplit) -> Bool {
        x.group == y.group && x.reference == y.reference && x.groupRows == y.groupRows && x.referenceRows == y.referenceRows
            && x.actualGap == y.actualGap && x.gridStageGap == y.gridStageGap && x.humanStageGap == y.humanStageGap
            && x.actualGapInterval == y.actualGapInterval && x.gridStageGapInterval == y.gridStageGapInterval
            && x.humanStageGapInterval == y.humanStageGapInterval
            && x.exact?.denominator == y.exact?.denominator && x.exact?.gridNumerator == y.exact?.gridNumerator
            && x.exact?.humanNumerator == y.exact?.humanNumerator
    }
}
