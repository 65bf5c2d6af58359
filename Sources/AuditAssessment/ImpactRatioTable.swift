import AuditMetrics

/// The impact-ratio table of NYC Local Law 144 (6 RCNY §5-300 ff.): per category of an
/// attribute or intersection, the count, the selection rate and the impact ratio.
///
/// Formula: impact ratio = rate of the category / highest rate among the categories it may be
/// compared with (6 RCNY §5-300, "impact ratio"). The ratio is the audit's own `impact_ratio`
/// (`GroupFrame.mostFavouredRatios` under the audit's `RatioEligibility`: comparators of at
/// least `min_group_size` rows, not `unknown`, holding no mandated priority the category lacks),
/// so one category shows one impact ratio in every table, chart, `metrics.csv` and gate.
/// Categories under 2 % of the sample, which the rules allow leaving out (§5-301(d)), and the
/// `unknown` category, whose count they ask to report, keep their ratio and are marked (`note`).
/// The rate is the favourable-outcome rate: the selection rate when a positive decision is
/// favourable, one minus it otherwise.
public struct ImpactRatioTable: Sendable, Equatable {
    public let attribute: String
    public let rows: [ImpactRatioRow]

    /// LL144's threshold under which a category may be left out of impact ratios (marked here).
    public static let smallShare = 0.02

    public init(_ a: AttributeResult, total: Int, favourable: Bool) {
        attribute = a.name
        rows = a.groups.filter { $0.statistics.count > 0 }.map { g in
            let share = total > 0 ? Double(g.statistics.count) / Double(total) : 0
            let rate = g[MetricID(.selectionRate)]?.value.map { favourable ? $0 : 1 - $0 }
            let suppressed = g[MetricID(.selectionRate)]?.isSuppressed ?? false
            let ratio = g.impactRatio?.value
            // A suppressed category (disclosure control) keeps its count; its rate is withheld.
            let exclusion: String? = suppressed || g.impactRatio?.isSuppressed == true ? "suppressed" : ratio == nil ? "undefined" : nil
            let note: String? = g.isUnknown ? "unknown" : share < Self.smallShare ? "small" : nil
            return ImpactRatioRow(category: g.label, count: g.statistics.count, share: share, rate: suppressed ? nil : rate, impactRatio: ratio,
                                  exclusion: exclusion, note: note)
        }
    }

    /// One table per attribute and intersection of a result with a decision; none without.
    public static func tables(_ result: AuditResult) -> [ImpactRatioTable] {
        guard result.hasDecision else { return [] }
        return result.attributes.map { ImpactRatioTable($0, total: result.rowCount, favourable: result.analysis.decisionIs == .favourable) }
    }
}
