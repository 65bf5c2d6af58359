import AuditMetrics

/// The impact-ratio table of NYC Local Law 144 (6 RCNY §5-300 ff.): per category of an
/// attribute or intersection, the count, the selection rate and the impact ratio.
///
/// Formula: impact ratio = rate of the category / highest rate among the included
/// categories (6 RCNY §5-300, "impact ratio"). A category under 2 % of the sample is listed
/// with its count but left out of the impact ratios and of the highest rate, as the rules
/// allow (§5-301(d)); so is the `unknown` category, whose count the rules ask to report.
/// The rate is the favourable-outcome rate: the selection rate when a positive decision is
/// favourable, one minus it otherwise. Computed by `GroupFrame` with LL144's eligibility (2 %
/// of the sample instead of the audit's `min_group_size`), honouring mandated priorities as the
/// audit's `impact_ratio` does: no category is compared with a priority category it does not
/// belong to.
public struct ImpactRatioTable: Sendable, Equatable {
    public let attribute: String
    public let rows: [ImpactRatioRow]

    /// LL144's threshold for leaving a category out of impact ratios.
    public static let smallShare = 0.02

    public init(_ a: AttributeResult, total: Int, favourable: Bool) {
        attribute = a.name
        let present = a.groups.filter { $0.statistics.count > 0 }
        let shares = present.map { total > 0 ? Double($0.statistics.count) / Double(total) : 0 }
        let rates = present.map { g in g["selection_rate"]?.value.map { favourable ? $0 : 1 - $0 } }
        // The group frame with LL144's eligibility: at least 2 % of the sample, not `unknown`,
        // mandated priorities honoured as in the audit's own impact ratio.
        let frame = GroupFrame(labels: present.map(\.label), values: rates.map { $0.map(MetricValue.defined) ?? .undefined(reason: "no rate") },
                               sizes: present.map(\.statistics.count), isMissing: present.map(\.isUnknown), priorities: present.map(\.priorities),
                               eligibility: RatioEligibility(minimumSize: 1, excludesMissing: true, honoursPriorities: true,
                                                             fixed: present.indices.filter { !present[$0].isUnknown && shares[$0] >= Self.smallShare }))
        let ratios = frame.mostFavouredRatios()
        rows = present.indices.map { i in
            let g = present[i]
            let suppressed = g["selection_rate"]?.isSuppressed ?? false
            // A suppressed category (disclosure control) keeps its count; its rate is withheld.
            let exclusion: String? = suppressed ? "suppressed" : g.isUnknown ? "unknown" : shares[i] < Self.smallShare ? "small" : rates[i] == nil ? "undefined" : nil
            let ratio = exclusion == nil ? ratios[i].value : nil
            return ImpactRatioRow(category: g.label, count: g.statistics.count, share: shares[i], rate: rates[i], impactRatio: ratio,
                                  exclusion: exclusion ?? (ratio == nil ? "undefined" : nil))
        }
    }

    /// One table per attribute and intersection of a result with a decision; none without.
    public static func tables(_ result: AuditResult) -> [ImpactRatioTable] {
        guard result.hasDecision else { return [] }
        return result.attributes.map { ImpactRatioTable($0, total: result.rowCount, favourable: result.analysis.decisionIs == .favourable) }
    }
}
