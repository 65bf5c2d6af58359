import AuditData
import AuditMetrics
import DecisionModels
import Foundation

/// Renderers of a two-grid comparison (``GridComparison``, `vigie compare --model A
/// --model B`): `compare.csv`, `compare.md` and `compare.json`. Rows hidden by disclosure
/// control (the audit's `min_cell_size`, primary and complementary suppression:
/// ``GridComparisonRow/suppressed``) show the group's size only: no sub-count (selected under
/// A and B, gainers, losers), no rate, mean or rank change — empty (CSV), `—` (Markdown) or
/// absent (JSON).
public enum ModelComparison {
    public static let header = ["attribute", "group", "n", "selected_a", "selected_b", "rate_a", "rate_b", "rate_change",
                                "gainers", "losers", "mean_score_a", "mean_score_b", "mean_score_change", "mean_rank_change", "suppressed"]

    /// The non-count values of a row, in header order (`nil` when suppressed or undefined).
    static func values(_ r: GridComparisonRow) -> [Double?] {
        guard !r.suppressed else { return [nil, nil, nil, nil, nil, nil, nil] }
        return [r.rateA.value, r.rateB.value, r.rateChange.value, r.meanScoreA.value, r.meanScoreB.value,
                r.meanScoreChange.value, r.meanRankChange.value]
    }

    /// The sub-counts of a row (selected under A and B, gainers, losers), `nil` when suppressed.
    static func counts(_ r: GridComparisonRow) -> [Int?] {
        r.suppressed ? [nil, nil, nil, nil] : [r.selectedA, r.selectedB, r.gainers, r.losers]
    }

    /// `compare.csv`: one line per row of ``GridComparison/rows``; exact numbers (shortest round-trip text).
    public static func csv(_ c: GridComparison) -> String {
        var out = header.joined(separator: ",") + "\n"
        for r in c.rows {
            let v = values(r).map { $0.map(NumberFormat.exact) ?? "" }
            let k = counts(r).map { $0.map(String.init) ?? "" }
            let numbers = [String(r.count), k[0], k[1], v[0], v[1], v[2], k[2], k[3], v[3], v[4], v[5], v[6]]
            out += CSVText.line([CSVText.text(r.attribute), CSVText.text(r.group)] + numbers + [r.suppressed ? "true" : "false"])
        }
        return out
    }

    /// `compare.md` as a document: the two grids, the overall switches in words, then the table.
    public static func document(_ c: GridComparison, language: ReportLanguage = .en) -> ReportDocument {
        let t = ReportText(language)
        var preamble: [ReportBlock] = [.paragraph(t.runs(.compareGridIntro, ["a": .strong([.text(c.nameA)]), "b": .strong([.text(c.nameB)])]))]
        if let all = c.rows.first {
            preamble.append(.paragraph([.text(t(.compareGridSwitches, ["switches": t.count(all.switches), "count": t.count(all.count),
                                                                       "gainers": t.count(all.gainers), "losers": t.count(all.losers)]))]))
        }
        let header: [MessageKey] = [.compareColAttribute, .colGroup, .colCount, .compareGridColSelectedA, .compareGridColSelectedB,
                                    .compareGridColRateA, .compareGridColRateB, .compareGridColChange, .compareGridColGain, .compareGridColLose,
                                    .compareGridColScore, .compareGridColRank]
        func cell(_ x: Double?, _ text: (Double) -> String) -> [ReportInline] { [.text(x.map(text) ?? "—")] }
        let table = ReportTable(
            caption: [.text(t(.compareGridCaption))],
            header: header.map { [.text(t($0))] },
            numeric: [false, false, true, true, true, true, true, true, true, true, false, true],
            rows: c.rows.map { r in
                let v = values(r)
                let k = counts(r).map { n -> [ReportInline] in [.text(n.map { t.count($0) } ?? "—")] }
                var means = "—"
                if let a = v[3], let b = v[4] { means = t(.compareChange, ["from": t.fixed(a, 1), "to": t.fixed(b, 1)]) }
                return [[.label(r.attribute)], [.label(r.group)], [.text(t.count(r.count))], k[0], k[1],
                        cell(v[0]) { t.percent($0) }, cell(v[1]) { t.percent($0) },
                        cell(v[2]) { t(.compareGridPoints, ["value": t.signed($0 * 100, 1)]) },
                        k[2], k[3], [.text(means)], cell(v[6]) { t.signed($0, 1) }]
            })
        preamble.append(.table(table))
        if c.rows.contains(where: \.suppressed) {
            let hidden = c.rows.filter(\.suppressed)
            preamble.append(.paragraph([.text(t(.compareGridSuppressed, [
                "min": t.count(c.minimumCellSize), "primary": t.count(hidden.filter { $0.suppressionKind == nil || $0.suppressionKind == .primary }.count),
                "complementary": t.count(hidden.filter { $0.suppressionKind != nil && $0.suppressionKind != .primary }.count),
            ]))]))
        }
        return ReportDocument(language: language, title: [.text(t(.compareGridTitle))], preamble: preamble)
    }

    /// `compare.md`.
    public static func markdown(_ c: GridComparison, language: ReportLanguage = .en) -> String {
        MarkdownReport.render(document(c, language: language))
    }

    /// `compare.json`: `{"grid_a", "grid_b", "shared_design", "rows": [...]}`, keys sorted.
    public static func json(_ c: GridComparison) throws -> Data {
        struct Row: Encodable {
            let attribute: String, group: String, n: Int, selected_a: Int?, selected_b: Int?, gainers: Int?, losers: Int?, suppressed: Bool
            let rate_a: Double?, rate_b: Double?, rate_change: Double?, mean_score_a: Double?, mean_score_b: Double?
            let mean_score_change: Double?, mean_rank_change: Double?
        }
        struct Document: Encodable {
            let grid_a: String, grid_b: String, shared_design: Bool, rows: [Row]
        }
        let rows = c.rows.map { r in
            let v = values(r), k = counts(r)
            return Row(attribute: r.attribute, group: r.group, n: r.count, selected_a: k[0], selected_b: k[1],
                       gainers: k[2], losers: k[3], suppressed: r.suppressed, rate_a: v[0], rate_b: v[1], rate_change: v[2],
                       mean_score_a: v[3], mean_score_b: v[4], mean_score_change: v[5], mean_rank_change: v[6])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(Document(grid_a: c.nameA, grid_b: c.nameB, shared_design: c.sharedDesign, rows: rows))
    }
}
