import AuditMetrics

/// The tidy `metrics.csv`: one row per (attribute, group, metric).
///
/// Columns: `attribute,group,metric,value,n,status,reason,ci_low,ci_high,ci_method`. Text
/// cells that a spreadsheet would read as a formula get a leading `'` (``CSVText``); numbers
/// are plain.
/// - `attribute`: the protected attribute, an intersection (`race*sex`), or `overall`;
/// - `group`: the group (`Caucasian*Female`), or `all` for whole-population rows and
///   attribute-level aggregates;
/// - `metric`: Vigie's vocabulary (`docs/metrics.md`);
/// - `value`: shortest round-trip decimal, empty unless `status` is `ok` or `upper_bound`;
/// - `n`: unweighted rows the value is about (a rate's denominator, a group's size);
/// - `status`: `ok`, `undefined`, `suppressed` (disclosure control: a group of fewer than
///   `min_cell_size` rows, or a complementary cell), or `upper_bound` (the value is only an
///   upper bound, e.g. a KS p-value below 1e-300); `reason`: why, else empty — or, for an
///   `ok` value of a metric that normally has an interval but has none, why it has none;
/// - `ci_low`, `ci_high`, `ci_method`: the confidence interval at the audit's level — the
///   analytic one (`wilson`, `clopper_pearson`, `newcombe`, `katz`, `normal`) when the metric
///   has one, else the bootstrap one (`bootstrap_bca`, `bootstrap_percentile`) when the audit
///   ran a bootstrap; empty otherwise.
///
/// Each compared group also has, per compared rate, the smallest decrease and increase the
/// audit could detect (`<rate>_minimum_detectable_decrease|increase`, power and α of the spec).
/// Attribute rows (group `all`) also hold, per compared rate, Pearson's test of independence
/// across the groups: `<rate>_independence_chi2`, `_p_value`, `_p_adjusted`.
///
/// Row order: overall, then each attribute and intersection in spec order; within one, its
/// groups in output order, each with its metrics, then disparities, `impact_ratio` and
/// `adverse_impact` (1 when below the four-fifths threshold); then the aggregates.
public enum MetricsCSV {
    public static let header = ["attribute", "group", "metric", "value", "n", "status", "reason", "ci_low", "ci_high", "ci_method"]

    /// The file's text.
    public static func render(_ result: AuditResult) -> String {
        var out = header.joined(separator: ",") + "\n"
        func row(_ attribute: String, _ group: String, _ entry: MetricEntry) { out += line(attribute, group, entry) }
        for entry in result.overall.metrics { row("overall", "all", entry) }
        if let allocation = result.allocation {
            for entry in allocation.overall.metrics { row("overall", "all", entry) }
        }
        for attribute in result.attributes {
            for group in attribute.groups {
                for entry in group.metrics + group.disparities { row(attribute.name, group.label, entry) }
                if let ratio = group.impactRatio {
                    var entry = MetricEntry(.impactRatio, ratio, n: group.statistics.count, interval: group.impactRatioInterval)
                    entry.bootstrapInterval = group.impactRatioBootstrapInterval
                    row(attribute.name, group.label, entry)
                    let flag: MetricValue = group.adverseImpact.map { .defined($0 ? 1 : 0) } ?? .undefined(reason: "impact ratio undefined")
                    row(attribute.name, group.label, MetricEntry(.adverseImpact, flag, n: group.statistics.count))
                }
                // Power: the smallest gap each comparison could detect (two-sided, at α, with the declared power).
                for f in result.findings where f.attribute == attribute.name && f.group == group.label && f.kind == .difference && !f.isAllocation {
                    let undetectable = MetricValue.undefined(reason: "no such rate within [0, 1]")
                    row(attribute.name, group.label, MetricEntry(.minimumDetectableDecrease(f.metric), f.minimumDetectableDecrease.map { .defined($0) } ?? undetectable, n: f.groupRows))
                    row(attribute.name, group.label, MetricEntry(.minimumDetectableIncrease(f.metric), f.minimumDetectableIncrease.map { .defined($0) } ?? undetectable, n: f.groupRows))
                }
            }
            for entry in attribute.aggregates { row(attribute.name, "all", entry) }
            if let allocation = result.allocation?[attribute.name] {
                for group in allocation.groups {
                    for entry in group.metrics + group.disparities { row(attribute.name, group.label, entry) }
                }
                for entry in allocation.decompositions { row(attribute.name, "all", entry) }
            }
            for test in result.independenceTests where test.attribute == attribute.name {
                row(attribute.name, "all", MetricEntry(.independenceChi2(test.metric), .defined(test.statistic), n: test.groups))
                let p: MetricValue = test.pValueIsUpperBound
                    ? .upperBound(test.pValue, reason: PublishedPValue.boundReason("the chi-square p-value")) : .defined(test.pValue)
                row(attribute.name, "all", MetricEntry(.independencePValue(test.metric), p, n: test.groups))
                row(attribute.name, "all", MetricEntry(.independencePAdjusted(test.metric), .defined(test.pAdjusted), n: test.groups))
            }
        }
        return out
    }

    /// One row of the tidy table: text cells neutralised (``CSVText``), numbers plain.
    static func line(_ attribute: String, _ group: String, _ entry: MetricEntry) -> String {
        let text = CSVText.text, number = CSVText.number
        var cells: [String]
        switch entry.value {
        case .defined(let x):
            cells = [text(attribute), text(group), text(entry.name), number(NumberFormat.exact(x)), number(String(entry.n)), "ok", text(entry.intervalUnavailable ?? "")]
        case .upperBound(let x, let reason):
            cells = [text(attribute), text(group), text(entry.name), number(NumberFormat.exact(x)), number(String(entry.n)), text(entry.value.status), text(reason)]
        case .undefined(let reason), .suppressed(let reason):
            cells = [text(attribute), text(group), text(entry.name), "", number(String(entry.n)), text(entry.value.status), text(reason)]
        }
        if let ci = entry.interval ?? entry.bootstrapInterval {
            cells += [number(NumberFormat.exact(ci.low)), number(NumberFormat.exact(ci.high)), text(ci.method.rawValue)]
        } else {
            cells += ["", "", ""]
        }
        return CSVText.line(cells)
    }
}
