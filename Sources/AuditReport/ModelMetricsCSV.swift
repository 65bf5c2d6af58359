import AuditMetrics
import ModelAudit

/// `model-metrics.csv`: the decision model's audit as a tidy table, with the columns of
/// `metrics.csv` (`attribute,group,metric,value,n,status,reason,ci_low,ci_high,ci_method`).
///
/// Rows: `overall,all` (score distribution, `grid_selection_rate`, waits); then per protected
/// attribute, each group's values (`grid_selection_rate`, `grid_impact_ratio`, `score_*`,
/// `scoring_rate`, `scoring_impact_ratio`, `ks_*`, `auc`, `applicant_share`, `top_k_share`,
/// `exposure_*`, `km_*`, `score_gap`, `allocation_gap*`), then per group and criterion
/// `score_gap_part:<criterion>` (its part of the mean score gap, Welch interval) and
/// `allocation_gap_explained:<criterion>`; then the attribute's aggregates (group `all`:
/// `ndkl`, `logrank_*`), `proxy_cramers_v:<criterion>` / `proxy_correlation_ratio:<criterion>`,
/// and `proxy_auc` per level (group = the level). Suppressed groups have `status` suppressed.
///
/// With a decision column, the human decision after the grid (`docs/human-stage.md`): on rows
/// `overall,all` `grid_agreement`, `cohen_kappa`, `cohen_kappa_se`, `actual_selection_rate`,
/// `override_in_rate`, `override_out_rate`; per allocation segment (attribute = the
/// `segment_by` columns joined by `*`, group = the segment) `grid_agreement`, `cohen_kappa`,
/// `cohen_kappa_se`; per group `actual_selection_rate`, `override_in_rate`,
/// `override_out_rate` and their `_difference`, `_ratio`, `_p_value`, `_p_adjusted`,
/// `actual_gap`, `grid_stage_gap`, `human_stage_gap` (bootstrap intervals), `mh_odds_ratio`,
/// `mh_informative_strata`, `cmh_chi2`, `cmh_p_value`, `breslow_day_chi2`, `breslow_day_df`,
/// `breslow_day_p_value`, `km_median_wait_band:<b>`; per attribute (group `all`)
/// `stratified_logrank_*` and `override_*_independence_*`. Gaps are signed group − reference.
public enum ModelMetricsCSV {
    public static func render(_ model: ModelAuditResult) -> String {
        var out = MetricsCSV.header.joined(separator: ",") + "\n"
        for e in model.overall { out += MetricsCSV.line("overall", "all", e) }
        for a in model.attributes {
            for g in a.groups {
                for e in g.metrics { out += MetricsCSV.line(a.name, g.label, e) }
                if let gap = a.scoreGaps.first(where: { $0.group == g.label })?.gap {
                    for c in gap.criteria {
                        out += MetricsCSV.line(a.name, g.label, MetricEntry(.scoreGapPart(criterion: c.criterion), c.part.difference, n: gap.count,
                                                                             interval: c.part.interval.map { MetricInterval(low: $0.low, high: $0.high, method: .studentT) }))
                    }
                }
                if let d = a.oaxaca.first(where: { $0.group == g.label })?.decomposition {
                    for c in d.byCriterion {
                        out += MetricsCSV.line(a.name, g.label, MetricEntry(.allocationGapExplained(criterion: c.criterion), .defined(c.part), n: d.count))
                    }
                }
            }
            for e in a.aggregates { out += MetricsCSV.line(a.name, "all", e) }
            for p in a.proxies?.ranked ?? [] {
                out += MetricsCSV.line(a.name, "all", MetricEntry(.proxy(p.measure, criterion: p.feature), p.value, n: p.count))
            }
            for m in a.proxies?.models ?? [] {
                let level = m.level >= 0 && Int(m.level) < a.groups.count ? a.groups[Int(m.level)].label : String(m.level)
                out += MetricsCSV.line(a.name, level, MetricEntry(.proxyAUC, m.fit.auc, n: m.positives + m.negatives))
            }
        }
        // Weight sensitivity: per group, criterion and scale, the change in impact ratio.
        for e in model.sensitivity {
            let n = model[e.attribute]?.groups.first { $0.label == e.group }?.count ?? 0
            out += MetricsCSV.line(e.attribute, e.group, MetricEntry(.sensitivityImpactRatioChange(criterion: e.criterion, scale: e.scale), e.impactRatioChange, n: n))
            out += MetricsCSV.line(e.attribute, e.group, MetricEntry(.sensitivityRateDifferenceChange(criterion: e.criterion, scale: e.scale), e.rateDifferenceChange, n: n))
        }
        if let human = model.human { out += humanRows(human) }
        return out
    }

    /// The human-stage rows (``HumanStageResult``).
    static func humanRows(_ h: HumanStageResult) -> String {
        var out = ""
        for e in h.overall { out += MetricsCSV.line("overall", "all", e) }
        if !h.segments.isEmpty {
            let attribute = h.segmentBy.joined(separator: "*")
            for s in h.segments {
                for e in s.metrics { out += MetricsCSV.line(attribute, s.label, e) }
            }
        }
        for a in h.attributes {
            for g in a.groups {
                for e in g.metrics { out += MetricsCSV.line(a.name, g.label, e) }
            }
            for e in a.aggregates { out += MetricsCSV.line(a.name, "all", e) }
        }
        return out
    }
}
