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
/// - `verdict`: `disparity`, `no_disparity`, `insufficient_evidence` or `intended` (a disparity in
///   favour of a declared mandated priority, `MandatedPriority`), with its `reason`.
/// Empty cells mean undefined (the reason says why). Text cells that a spreadsheet would read
/// as a formula get a leading `'` (``CSVText``); numbers are plain.
public enum FindingsCSV {
    public static let header = ["attribute", "group", "reference", "metric", "kind", "value", "ci_low", "ci_high", "p_value", "p_adjusted", "verdict", "reason"]

    public static func render(_ result: AuditResult) -> String {
        var out = header.joined(separator: ",") + "\n"
        for f in result.findings {
            let text = CSVText.text
            let numbers = [f.value.value, f.interval?.low, f.interval?.high, f.pValue, f.pAdjusted].map { $0.map(NumberFormat.exact) ?? "" }
            out += CSVText.line([text(f.attribute), text(f.group), text(f.reference), text(f.metric.name), text(f.kind.rawValue)]
                                + numbers + [text(f.verdict.rawValue), text(f.reason.description)])
        }
        return out
    }
}
