import AuditData
import AuditMetrics
import DecisionModels
import Foundation

/// The human decision after the grid (issue 15; `docs/human-stage.md`): the grid's selection
/// put side by side with the actual decision, on the applicants the model audit scored.
///
/// Per applicant i: `s_i` = the grid selects i (its allocation rule, capacities and
/// tie-break), `a_i` = the actual decision selects i (decision = 1, or 0 when the spec says
/// `decision_is: unfavourable`). Then
/// 1. agreement: `grid_agreement` = share with `s_i = a_i` (Wilson interval) and Cohen's
///    kappa (``CohenKappa``, asymptotic interval), overall and per allocation segment;
/// 2. overrides by group: `override_in_rate` = P(a = 1 | s = 0), `override_out_rate` =
///    P(a = 0 | s = 1). These are the false-positive and false-negative rates of the audit's
///    group statistics with the grid as the "label", so the audit's machinery gives the rates
///    (Wilson), their difference (Newcombe) and ratio (Katz) to the reference, the test
///    (two-proportion z or Fisher), Holm/BH adjustment over the family of every override
///    comparison and override chi-square test of the human stage, and the verdict
///    (`FindingsBuilder`);
/// 3. stage split: ``StageSplit`` (exact, bootstrap intervals);
/// 4. at equal points: per group against the reference, the Mantel–Haenszel odds ratio of
///    being selected by the people, stratified by the grid's position (``strata(design:allocation:bands:)``),
///    the CMH test and the Breslow–Day test (Tarone) of a common odds ratio;
/// 5. with dates: Kaplan–Meier median waits per group within each score band and the
///    stratified log-rank test.
///
/// Disclosure control: a group the audit suppressed keeps its count only — no sub-count, no
/// rate; a group whose applicants selected (or not selected) by the grid are fewer than
/// `min_cell_size` has its override rates withheld (both: either one and the published
/// selection rates give the other); a segment of fewer than `min_cell_size` rows has its
/// agreement withheld; a median wait within a band over fewer than `min_cell_size` rows is
/// withheld.
public enum HumanStage {
    /// Score bands of the at-equal-points comparisons: deciles of the rank.
    public static let bands = 10
    /// Bootstrap replicates of the stage split when the audit runs none.
    public static let defaultReplicates = 2_000
    /// The bootstrap stream of attribute `a`'s stage split: 3·2⁴⁸ + a, disjoint from the
    /// audit's count bootstrap (0, 1, …), the allocation audit's (2⁴⁰ + …) and the row
    /// bootstrap's (2⁴⁸ + block).
    static func stream(attribute a: Int) -> UInt64 { 3 << 48 + UInt64(a) }

    /// Everything the human stage reads from the model audit's run.
    struct Input {
        let store: ColumnStore
        let audit: AuditResult
        let design: GridDesign
        let allocation: GridAllocationResult
        let selected: [Bool]
        /// Every row by ascending wait, with the waits in that order (``WaitingOrder``), sorted
        /// once for every grouping of the waits.
        let waitingOrder: WaitingOrder?
        let hidden: Set<String>
        let gridFile: String
        let threads: Int
    }

    /// Compares the grid's selection under `allocation` (of the applicants of `design`, the rows
    /// of `store`) with the decision of the audit `audit` (run on `store`, disclosure control
    /// applied); nil when the audit has no decision column.
    ///
    /// - Parameters:
    ///   - waitingOrder: the applicants' waits, sorted (the model audit's), for the waits at equal points.
    ///   - gridFile: the grid's file, named in errors about its segments.
    ///   - threads: worker threads; the result does not depend on them.
    /// - Throws: a located error when the grid's segments and the data's differ
    ///   (``checkSegments(_:actual:)``).
    public static func run(store: ColumnStore, audit: AuditResult, design: GridDesign, allocation: GridAllocationResult,
                           waitingOrder: WaitingOrder? = nil, gridFile: String, threads: Int = 1) throws -> HumanStageResult? {
        let hidden = Set((audit.disclosure?.cells ?? []).map { "\($0.attribute)\u{1F}\($0.group)" })
        return try run(Input(store: store, audit: audit, design: design, allocation: allocation,
                             selected: (0..<design.rows).map { allocation.isSelected($0) },
                             waitingOrder: waitingOrder, hidden: hidden,
                             gridFile: gridFile, threads: threads))
    }

    /// Runs the comparison; nil when the audit has no decision column.
    static func run(_ input: Input) throws -> HumanStageResult? {
        guard let decision = input.store.decision, let decisionColumn = input.audit.data.decision?.column else { return nil }
        let spec = input.audit.analysis
        let favourable = spec.decisionIs == .favourable
        let actual = favourable ? decision : decision.map { 1 - $0 }
        try checkSegments(input, actual: actual)
        let n = input.selected.count
        let level = spec.inference.level
        let k = spec.minCellSize

        // 1. Agreement, overall and per segment.
        let design = input.design
        let overallTable = try AgreementTable.tabulate(gridSelected: input.selected, decided: actual)[0]
        var overall = agreementEntries(overallTable, level: level)
        overall.append(rate(.actualSelectionRate, overallTable.both + overallTable.decisionOnly, overallTable.total, level))
        overall.append(rate(.overrideInRate, overallTable.decisionOnly, overallTable.decisionOnly + overallTable.neither, level))
        overall.append(rate(.overrideOutRate, overallTable.gridOnly, overallTable.both + overallTable.gridOnly, level))
        var segments: [HumanStageSegment] = []
        if !design.grid.segmentBy.isEmpty {
            let tables = try AgreementTable.tabulate(gridSelected: input.selected, decided: actual, segments: design.segmentCodes,
                                                     segmentCount: design.segmentLabels.count)
            for (s, table) in tables.enumerated() {
                let count = Int(table.total)
                let label = design.segmentLabels[s].joined(separator: " × ")
                if count < k {
                    let why = MetricValue.suppressed(reason: "suppressed: fewer than \(k) rows in the segment (disclosure control)")
                    segments.append(HumanStageSegment(label: label, count: count, metrics: [MetricID.gridAgreement, .cohenKappa, .cohenKappaSE].map { MetricEntry($0, why, n: count) }))
                } else {
                    segments.append(HumanStageSegment(label: label, count: count, metrics: agreementEntries(table, level: level)))
                }
            }
        }

        // 2–5. Per protected attribute.
        let (strata, strataCount, strataWords) = Self.strata(design: design, allocation: input.allocation, bands: bands)
        let overrides = try overrideFindings(input, actual: actual)
        let replicates = spec.inference.bootstrapReplicates > 0 ? spec.inference.bootstrapReplicates : defaultReplicates
        var attributes: [HumanStageAttribute] = []
        for (a, column) in input.store.attributes.enumerated() {
            attributes.append(try attribute(a, column, input: input, actual: actual, strata: strata, strataCount: strataCount,
                                            overrides: overrides, replicates: replicates))
        }
        return HumanStageResult(
            decision: decisionColumn, decisionIsFavourable: favourable, rows: n,
            gridSelected: input.selected.reduce(0) { $0 + ($1 ? 1 : 0) }, actualSelected: actual.reduce(0) { $0 + Int($1) },
            overall: overall, segmentBy: design.grid.segmentBy, segments: segments, strata: strataWords, strataCount: strataCount, bootstrapReplicates: replicates,
            adjustedTests: overrides.adjustedTests, attributes: attributes)
    }

    /// `grid_agreement` (Wilson), `cohen_kappa` (asymptotic normal interval), `cohen_kappa_se`.
    static func agreementEntries(_ table: AgreementTable, level: Double) -> [MetricEntry] {
        let kappa = CohenKappa(table, level: level)
        let n = Int(table.total)
        return [
            rate(.gridAgreement, table.both + table.neither, table.total, level),
            MetricEntry(.cohenKappa, kappa.kappa, n: n, interval: MetricInterval(kappa.interval, .normal)),
            MetricEntry(.cohenKappaSE, kappa.standardError, n: n),
        ]
    }

    /// A share with its Wilson interval, undefined over no rows.
    static func rate(_ name: MetricID, _ x: Double, _ n: Double, _ level: Double) -> MetricEntry {
        MetricEntry(name, .ratio(x, n, reason: "no rows in the denominator"), n: Int(n), interval: ModelAudit.wilson(x, n, level))
    }
}
