import AuditMetrics
import DecisionModels
import Foundation

/// Renderers of a two-grid comparison (``GridComparison``, `vigie compare --model A
/// --model B`): `compare.csv`, `compare.md` and `compare.json`. Rows of groups below
/// ``GridComparison/disclosureThreshold`` rows show their counts only (n, selected under
/// A and B, gainers, losers); rates, means and rank changes are left empty (CSV), `—`
/// (Markdown) or absent (JSON).
public enum ModelComparison {
    public static let header = ["attribute", "group", "n", "selected_a", "selected_b", "rate_a", "rate_b", "rate_change",
                                "gainers", "losers", "mean_score_a", "mean_score_b", "mean_score_change", "mean_rank_change", "suppressed"]

    /// The non-count values of a row, in header order (`nil` when suppressed or undefined).
    static func values(_ r: GridComparisonRow) -> [Double?] {
        guard !r.suppressed else { return [nil, nil, nil, nil, nil, nil, nil] }
        return [r.rateA.value, r.rateB.value, r.rateChange.value, r.meanScoreA.value, r.meanScoreB.value,
                r.meanScoreChange.value, r.meanRankChange.value]
    }

    /// `compare.csv`: one line per row of ``GridComparison/rows``; exact numbers (shortest round-trip text).
    public static func csv(_ c: GridComparison) -> String {
        var out = header.joined(separator: ",") + "\n"
        for r in c.rows {
            let v = values(r).map { $0.map(NumberFormat.exact) ?? "" }
            let numbers = [String(r.count), String(r.selectedA), String(r.selectedB), v[0], v[1], v[2],
                           String(r.gainers), String(r.losers), v[3], v[4], v[5], v[6]]
            out += CSVText.line([CSVText.text(r.attribute), CSVText.text(r.group)] + numbers + [r.suppressed ? "true" : "false"])
        }
        return out
    }

    /// `compare.md`: the same table for people, with the overall switches in words.
    public static func markdown(_ c: GridComparison) -> String {
        var md = "# Grid comparison\n\nA: **\(MarkdownReport.escapeText(c.nameA))**. B: **\(MarkdownReport.escapeText(c.nameB))**. "
        md += "The same applicants under both grids, each with its own allocation rule.\n\n"
        if let all = c.rows.first {
            md += "\(all.switches) of \(all.count) applicants switch: \(all.gainers) selected under B and not A, \(all.losers) selected under A and not B.\n\n"
        }
        md += "| attribute | group | n | selected A | selected B | rate A | rate B | change | gain | lose | mean score A → B | mean rank change |\n"
        md += "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|\n"
        func pct(_ x: Double?) -> String { x.map { NumberFormat.percent($0) } ?? "—" }
        func signed(_ x: Double?, _ text: (Double) -> String) -> String { x.map { ($0 >= 0 ? "+" : "") + text($0) } ?? "—" }
        for r in c.rows {
            let v = values(r)
            let means = (v[3] != nil && v[4] != nil) ? "\(NumberFormat.fixed(v[3]!, digits: 1)) → \(NumberFormat.fixed(v[4]!, digits: 1))" : "—"
            md += "| `\(MarkdownReport.escape(r.attribute))` | `\(MarkdownReport.escape(r.group))` | \(r.count) | \(r.selectedA) | \(r.selectedB) | "
            md += "\(pct(v[0])) | \(pct(v[1])) | \(signed(v[2]) { NumberFormat.fixed($0 * 100, digits: 1) + " pts" }) | \(r.gainers) | \(r.losers) | "
            md += "\(means) | \(signed(v[6]) { NumberFormat.fixed($0, digits: 1) }) |\n"
        }
        if c.rows.contains(where: \.suppressed) {
            md += "\nGroups of fewer than \(GridComparison.disclosureThreshold) applicants show counts only (—).\n"
        }
        return md
    }

    /// `compare.json`: `{"grid_a", "grid_b", "shared_design", "rows": [...]}`, keys sorted.
    public static func json(_ c: GridComparison) throws -> Data {
        struct Row: Encodable {
            let attribute: String, group: String, n: Int, selected_a: Int, selected_b: Int, gainers: Int, losers: Int, suppressed: Bool
            let rate_a: Double?, rate_b: Double?, rate_change: Double?, mean_score_a: Double?, mean_score_b: Double?
            let mean_score_change: Double?, mean_rank_change: Double?
        }
        struct Document: Encodable {
            let grid_a: String, grid_b: String, shared_design: Bool, rows: [Row]
        }
        let rows = c.rows.map { r in
            let v = values(r)
            return Row(attribute: r.attribute, group: r.group, n: r.count, selected_a: r.selectedA, selected_b: r.selectedB,
                       gainers: r.gainers, losers: r.losers, suppressed: r.suppressed, rate_a: v[0], rate_b: v[1], rate_change: v[2],
                       mean_score_a: v[3], mean_score_b: v[4], mean_score_change: v[5], mean_rank_change: v[6])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(Document(grid_a: c.nameA, grid_b: c.nameB, shared_design: c.sharedDesign, rows: rows))
    }
}
