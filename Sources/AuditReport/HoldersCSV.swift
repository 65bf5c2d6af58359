import AuditMetrics

/// `holders.csv` of `vigie merge` (`docs/holders.md`): what only a multi-holder audit can say,
/// in its own file and its own multiplicity family, so that `metrics.csv` and `findings.csv`
/// stay equal to the pooled audit's.
///
/// Columns: `attribute,group,reference,holder,metric,value,n,status,reason,ci_low,ci_high,ci_method,p_value,p_adjusted`.
/// - one row per holder, attribute and group present at the holder: `metric` =
///   `selection_rate` (`base_rate` without a decision), `n` = the group's rows at the holder,
///   the interval of the audit's method (`wilson` or `clopper_pearson`);
/// - per attribute and group compared with its reference (`holder` = `all`):
///   `mh_odds_ratio` (Mantel–Haenszel common odds ratio over the holders, Robins–Breslow–
///   Greenland interval), `cmh_chi2` (Cochran–Mantel–Haenszel test of no association,
///   1 degree of freedom) and `breslow_day_chi2` (Tarone's test that the odds ratio is the same
///   at every holder, K − 1 degrees of freedom) with their p-values, Holm-adjusted within each
///   test over this file, and `informative_holders` (holders whose table has four positive
///   margins); `n` = the rows of the group and its reference.
/// `status` is `ok`, `undefined` or `suppressed` (disclosure control), with the reason.
public enum HoldersCSV {
    public static let header = ["attribute", "group", "reference", "holder", "metric", "value", "n", "status", "reason",
                                "ci_low", "ci_high", "ci_method", "p_value", "p_adjusted"]

    /// The file's text. `level` is the intervals' confidence level (documented, not written).
    public static func render(_ comparison: HolderComparison, level: Double) -> String {
        var out = header.joined(separator: ",") + "\n"
        let text = CSVText.text
        func cells(_ value: MetricValue) -> [String] {
            switch value {
            case .defined(let x): return [NumberFormat.exact(x), "ok", ""]
            case .upperBound(let x, let reason): return [NumberFormat.exact(x), text(value.status), text(reason)]
            case .undefined(let reason), .suppressed(let reason): return ["", text(value.status), text(reason)]
            }
        }
        func interval(_ ci: MetricInterval?) -> [String] {
            ci.map { [NumberFormat.exact($0.low), NumberFormat.exact($0.high), text($0.method.rawValue)] } ?? ["", "", ""]
        }
        func p(_ value: MetricValue) -> String { value.value.map(NumberFormat.exact) ?? "" }
        for b in comparison.breakdowns {
            let v = cells(b.rate)
            out += CSVText.line([text(b.attribute), text(b.group), "", text(b.holder), comparison.metric.rawValue, v[0], String(b.rows), v[1], v[2]]
                                + interval(b.interval) + ["", ""])
        }
        for c in comparison.consistency {
            let head = [text(c.attribute), text(c.group), text(c.reference), "all"]
            let n = String(c.rows)
            let or = cells(c.oddsRatio)
            out += CSVText.line(head + ["mh_odds_ratio", or[0], n, or[1], or[2]] + interval(c.interval) + ["", ""])
            let cmh = cells(c.cmhStatistic)
            out += CSVText.line(head + ["cmh_chi2", cmh[0], n, cmh[1], cmh[2], "", "", "", p(c.cmhPValue), p(c.cmhPAdjusted)])
            let bd = cells(c.breslowDayStatistic)
            out += CSVText.line(head + ["breslow_day_chi2", bd[0], n, bd[1], bd[2], "", "", "", p(c.breslowDayPValue), p(c.breslowDayPAdjusted)])
            out += CSVText.line(head + ["informative_holders", String(c.informativeStrata), n, "ok", "", "", "", "", "", ""])
        }
        return out
    }
}
