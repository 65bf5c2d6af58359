import AuditMetrics

/// The impact-ratio table of NYC Local Law 144 (6 RCNY §5-300 ff.): per category of an
/// attribute or intersection, the count, the selection rate and the impact ratio.
///
/// Formula: impact ratio = rate of the category / highest rate among the included
/// categories (6 RCNY §5-300, "impact ratio"). A category under 2 % of the sample is listed
/// with its count but left out of the impact ratios and of the highest rate, as the rules
/// allow (§5-301(d)); so is the `unknown` category, whose count the rules ask to report.
/// The rate is the favourable-outcome rate: the selection rate when a positive decision is
/// favourable, one minus it otherwise. Unlike the audit's `impact_ratio` (highest rate among
/// groups of at least `min_group_size` rows), the cut here is LL144's 2 %.
public struct ImpactRatioTable: Sendable, Equatable {
    public let attribute: String
    public let rows: [ImpactRatioRow]

    /// LL144's threshold for leaving a category out of impact ratios.
    public static let smallShare = 0.02

    public init(_ a: AttributeResult, total: Int, favourable: Bool) {
        attribute = a.name
        var base: [(String, Int, Double, Double?, Bool, Bool)] = []
        for g in a.groups where g.statistics.count > 0 {
            let share = total > 0 ? Double(g.statistics.count) / Double(total) : 0
            let rate = g["selection_rate"]?.value.map { favourable ? $0 : 1 - $0 }
            base.append((g.label, g.statistics.count, share, rate, g.isUnknown, g["selection_rate"]?.isSuppressed ?? false))
        }
        let included = base.filter { !$0.4 && $0.2 >= Self.smallShare && $0.3 != nil }
        let highest = included.compactMap(\.3).max()
        rows = base.map { label, count, share, rate, unknown, suppressed in
            // A suppressed category (disclosure control) keeps its count; its rate is withheld.
            let exclusion: String? = suppressed ? "suppressed" : unknown ? "unknown" : share < Self.smallShare ? "small" : rate == nil ? "undefined" : nil
            var ratio: Double?
            if exclusion == nil, let rate, let highest, highest > 0 { ratio = rate / highest }
            return ImpactRatioRow(category: label, count: count, share: share, rate: rate, impactRatio: ratio,
                                  exclusion: exclusion ?? (ratio == nil ? "undefined" : nil))
        }
    }

    /// One table per attribute and intersection of a result with a decision; none without.
    public static func tables(_ result: AuditResult) -> [ImpactRatioTable] {
        guard result.hasDecision else { return [] }
        return result.attributes.map { ImpactRatioTable($0, total: result.rowCount, favourable: result.spec.decisionIs == .favourable) }
    }
}
