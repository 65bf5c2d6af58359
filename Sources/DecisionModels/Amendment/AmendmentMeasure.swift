import AuditMetrics

/// What one candidate grid does on the applicants (``AmendmentEvaluator``): its selection
/// per group, its mean scores and how far its selection is from the baseline grid's.
///
/// With `n_g` rows and `s_g` selected in group `g`, `E` the eligible groups
/// (``AmendmentGroups``) and `r` the reference:
/// * impact ratio `IR_g = (s_g/n_g) / max_{h∈E, h comparable with g} (s_h/n_h)`, undefined when that
///   max is 0 — the audit's `GroupFrame.mostFavouredRatios` on the eligible groups, so a group is
///   never compared with a mandated-priority group it does not belong to, as in the model audit's
///   `grid_impact_ratio`; `min_impact_ratio = min_{g∈E} IR_g`;
/// * score gap `mean_g − mean_r`; `max_abs_score_gap = max_{g∈E, g≠r} |mean_g − mean_r|`;
/// * changed selections `|S Δ S_0|`, `S_0` the baseline grid's selected applicants;
/// * when measured, exposure ratio `ER_g = (E_g/n_g) / (E/N)` with `E_g = Σ_{i∈g} 1/log₂(1 + r_i)`,
///   `r_i` the position in the grid's overall order among the `N` applicants of a known group
///   and `E = Σ_g E_g` (the model audit's `exposure_ratio`, ``AmendmentTarget/exposureRatioAtLeast(_:)``);
///   `min_exposure_ratio = min_{g∈E} ER_g`.
public struct AmendmentMeasure: Sendable, Equatable {
    /// `s_g`, per group.
    public let selected: [Int]
    /// Mean score of each group in points, `nil` for an empty group.
    public let meanScore: [Double?]
    /// Applicants selected in all (groups and `unknown`).
    public let selectedTotal: Int
    /// `|S Δ S_0|`.
    public let changed: Int
    /// `IR_g` for each eligible group, `nil` otherwise.
    public let impactRatio: [Double?]
    /// `min_{g∈E} IR_g` and its group; `nil` when undefined.
    public let minImpactRatio: Double?
    public let worstGroup: Int?
    /// The worst group's comparator: its most favoured comparable eligible group (the impact
    /// ratio's denominator; with no mandated priority, the most favoured eligible group).
    public let bestGroup: Int?
    /// `max_{g∈E, g≠r} |mean_g − mean_r|` and its group.
    public let maxAbsScoreGap: Double?
    public let gapGroup: Int?
    /// `min_{g∈E, g≠r} (s_g/n_g) / (s_r/n_r)` (``AmendmentTarget/topKShareRatioAtLeast(_:)``) and its
    /// group; `nil` when the reference has no selected applicant.
    public let minTopKShareRatio: Double?
    public let topKGroup: Int?
    /// `ER_g` for each eligible group, `nil` otherwise or when exposure is not measured.
    public let exposureRatio: [Double?]
    /// `min_{g∈E} ER_g` and its group; the eligible group of the highest `ER_g`. `nil` when not measured.
    public let minExposureRatio: Double?
    public let exposureWorstGroup: Int?
    public let exposureBestGroup: Int?

    public init(selected: [Int], meanScore: [Double?], selectedTotal: Int, changed: Int, impactRatio: [Double?],
                minImpactRatio: Double?, worstGroup: Int?, bestGroup: Int?, maxAbsScoreGap: Double?, gapGroup: Int?,
                minTopKShareRatio: Double? = nil, topKGroup: Int? = nil, exposureRatio: [Double?] = [],
                minExposureRatio: Double? = nil, exposureWorstGroup: Int? = nil, exposureBestGroup: Int? = nil) {
        self.selected = selected
        self.meanScore = meanScore
        self.selectedTotal = selectedTotal
        self.changed = changed
        self.impactRatio = impactRatio
        self.minImpactRatio = minImpactRatio
        self.worstGroup = worstGroup
        self.bestGroup = bestGroup
        self.maxAbsScoreGap = maxAbsScoreGap
        self.gapGroup = gapGroup
        self.minTopKShareRatio = minTopKShareRatio
        self.topKGroup = topKGroup
        self.exposureRatio = exposureRatio
        self.minExposureRatio = minExposureRatio
        self.exposureWorstGroup = exposureWorstGroup
        self.exposureBestGroup = exposureBestGroup
    }

    /// The value of the target's metric.
    public func value(of target: AmendmentTarget) -> Double? {
        switch target {
        case .impactRatioAtLeast: minImpactRatio
        case .scoreGapAtMost: maxAbsScoreGap
        case .topKShareRatioAtLeast: minTopKShareRatio
        case .exposureRatioAtLeast: minExposureRatio
        }
    }

    /// Measures one selection. `scores` in points; `exposureSums`: `E_g` per group (known groups
    /// only), `nil` when exposure is not measured.
    static func make(groups: AmendmentGroups, scoreSums: [Double], selected: [Int], selectedTotal: Int, changed: Int,
                     exposureSums: [Double]? = nil) -> AmendmentMeasure {
        let means: [Double?] = groups.counts.indices.map { groups.counts[$0] > 0 ? scoreSums[$0] / Double(groups.counts[$0]) : nil }
        // As the model audit's grid_impact_ratio: (s_g / n_g) / (s_b / n_b), b the most favoured
        // comparable group, through the same group frame (eligible set fixed: the amendment's).
        let rate = { (g: Int) in Double(selected[g]) / Double(groups.counts[g]) }
        let frame = GroupFrame(labels: groups.labels,
                               values: groups.labels.indices.map { g in .ratio(Double(selected[g]), Double(groups.counts[g]), reason: "empty group") },
                               sizes: groups.counts, isMissing: groups.labels.map { _ in false }, priorities: groups.priorities,
                               eligibility: RatioEligibility(minimumSize: 1, fixed: groups.eligible))
        let frameRatios = frame.mostFavouredRatios()
        var ratios = [Double?](repeating: nil, count: groups.labels.count)
        for g in groups.eligible { ratios[g] = frameRatios[g].value }
        var worst: Int?
        for g in groups.eligible { if let x = ratios[g], worst.flatMap({ ratios[$0] }).map({ x < $0 }) ?? true { worst = g } }
        var best = worst.flatMap { frame.mostFavoured(for: $0) }
        if best == nil { for g in groups.eligible where best.map({ rate(g) > rate($0) }) ?? true { best = g } }
        var gapGroup: Int?, gap: Double?
        if let mr = means[groups.reference] {
            for g in groups.eligible where g != groups.reference {
                if let mg = means[g], gap.map({ abs(mg - mr) > $0 }) ?? true { gap = abs(mg - mr); gapGroup = g }
            }
        }
        // Top-k share ratio relative to the reference: (s_g/n_g) / (s_r/n_r).
        var topK: (ratio: Double, group: Int)?
        let r = groups.reference
        if groups.counts[r] > 0, selected[r] > 0 {
            for g in groups.eligible where g != r {
                let x = rate(g) / rate(r)
                if topK.map({ x < $0.ratio }) ?? true { topK = (x, g) }
            }
        }
        // Exposure ratio: the group's mean exposure over everyone's (known groups).
        var exposure = [Double?](repeating: nil, count: groups.labels.count)
        var low: (ratio: Double, group: Int)?, high: (ratio: Double, group: Int)?
        if let sums = exposureSums {
            let total = sums.reduce(0, +), ranked = groups.counts.reduce(0, +)
            if total > 0, ranked > 0 {
                for g in groups.eligible {
                    let x = (sums[g] / Double(groups.counts[g])) / (total / Double(ranked))
                    exposure[g] = x
                    if low.map({ x < $0.ratio }) ?? true { low = (x, g) }
                    if high.map({ x > $0.ratio }) ?? true { high = (x, g) }
                }
            }
        }
        return AmendmentMeasure(selected: selected, meanScore: means, selectedTotal: selectedTotal, changed: changed,
                                impactRatio: ratios, minImpactRatio: worst.flatMap { ratios[$0] }, worstGroup: worst, bestGroup: best,
                                maxAbsScoreGap: gap, gapGroup: gapGroup, minTopKShareRatio: topK?.ratio, topKGroup: topK?.group,
                                exposureRatio: exposureSums == nil ? [] : exposure, minExposureRatio: low?.ratio,
                                exposureWorstGroup: low?.group, exposureBestGroup: high?.group)
    }
}
