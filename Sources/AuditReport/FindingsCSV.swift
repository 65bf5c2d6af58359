import AuditMetrics

/// The tidy `findings.csv`: one row per disparity of a group against its reference.
///
/// Columns: `attribute,group,reference,metric,kind,value,ci_low,ci_high,p_value,p_adjusted,verdict,reason`.
/// - `reference`: the reference group, or `rest` (the rest of the population) when the
///   attribute's reference is the whole population;
/// - `kind`: `difference` (group − reference; Newcombe interval) or `ratio` (group / reference;
///   Katz interval). The impact ratio against the reference is the `selection_rate` `ratio`;
/// - `p_value`: Fisher's exact test when an expected cell is under 5, else the two-proportion
///   z test; `p_adjusted`: across every test of the audit (Holm by default);
/// - `verdict`: `disparity`, `no_disparity` or `insufficient_evidence`, with its `reason`.
/// Empty cells mean undefined (the reason says why).
public enum FindingsCSV {
    public static let header = ["attribute", "group", "reference", "metric", "kind", "value", "ci_low", "ci_high", "p_value", "p_adjusted", "verdict", "reason"]

    public static func render(_ result: AuditResult) -> String {
        var out = header.joined(separator: ",") + "\n"
        for f in result.findings {
            let fields = [
                f.attribute, f.group, f.reference, f.metric, f.kind.rawValue,
                f.value.value.map(NumberFormat.exact) ?? "",
                f.interval.map { NumberFormat.exact($0.low) } ?? "",
                f.interval.map { NumberFormat.exact($0.high) } ?? "",
                f.pValue.map(NumberFormat.exact) ?? "",
                f.pAdjusted.map(NumberFormat.exact) ?? "",
                f.verdict.rawValue, f.reason,
            ]
            out += fields.map(MetricsCSV.escape).joined(separator: ",") + "\n"
        }
        return out
    }
}
