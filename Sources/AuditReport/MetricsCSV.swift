import AuditMetrics

/// The tidy `metrics.csv`: one row per (attribute, group, metric).
///
/// Columns: `attribute,group,metric,value,n,status,reason`.
/// - `attribute`: the protected attribute, an intersection (`race*sex`), or `overall`;
/// - `group`: the group (`Caucasian*Female`), or `all` for whole-population rows and
///   attribute-level aggregates;
/// - `metric`: Vigie's vocabulary (`docs/metrics.md`);
/// - `value`: shortest round-trip decimal, empty unless `status` is `ok`;
/// - `n`: unweighted rows the value is about (a rate's denominator, a group's size);
/// - `status`: `ok` or `undefined`; `reason`: why a value is undefined, else empty.
///
/// Row order: overall, then each attribute and intersection in spec order; within one, its
/// groups in output order, each with its metrics, then disparities, `impact_ratio` and
/// `adverse_impact` (1 when below the four-fifths threshold); then the aggregates.
public enum MetricsCSV {
    public static let header = ["attribute", "group", "metric", "value", "n", "status", "reason"]

    /// The file's text.
    public static func render(_ result: AuditResult) -> String {
        var out = header.joined(separator: ",") + "\n"
        func row(_ attribute: String, _ group: String, _ entry: MetricEntry) {
            let fields: [String]
            switch entry.value {
            case .defined(let x): fields = [attribute, group, entry.name, NumberFormat.exact(x), String(entry.n), "ok", ""]
            case .undefined(let reason): fields = [attribute, group, entry.name, "", String(entry.n), "undefined", reason]
            }
            out += fields.map(escape).joined(separator: ",") + "\n"
        }
        for entry in result.overall.metrics { row("overall", "all", entry) }
        for attribute in result.attributes {
            for group in attribute.groups {
                for entry in group.metrics + group.disparities { row(attribute.name, group.label, entry) }
                if let ratio = group.impactRatio {
                    row(attribute.name, group.label, MetricEntry("impact_ratio", ratio, n: group.statistics.count))
                    let flag: MetricValue = group.adverseImpact.map { .defined($0 ? 1 : 0) } ?? .undefined(reason: "impact ratio undefined")
                    row(attribute.name, group.label, MetricEntry("adverse_impact", flag, n: group.statistics.count))
                }
            }
            for entry in attribute.aggregates { row(attribute.name, "all", entry) }
        }
        return out
    }

    /// RFC 4180 quoting: fields with a comma, quote, CR or LF are quoted, quotes doubled.
    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
