import AuditAssessment
import Foundation

/// `diff.csv` and `diff.md`, rendered from an ``AuditDiff/Result``.
public enum AuditDiffReport {

    public static let csvHeader = [
        "change", "attribute", "group", "reference", "metric", "kind",
        "old_value", "new_value", "old_gap", "new_gap", "gap_change", "old_verdict", "new_verdict",
    ]

    /// `diff.csv`: one row per changed finding.
    public static func csv(_ r: AuditDiff.Result) -> String {
        func number(_ x: Double?) -> String { x.map { $0.isFinite ? NumberFormat.exact($0) : ($0 > 0 ? "inf" : "-inf") } ?? "" }
        var out = csvHeader.joined(separator: ",") + "\n"
        for row in r.rows {
            let k = row.key
            let text = CSVText.text
            out += CSVText.line(
                [text(row.change.rawValue), text(k.attribute), text(k.group), text(k.reference), text(k.metric), text(k.kind)]
                    + [row.old?.value, row.new?.value, row.old?.gap, row.new?.gap, row.gapChange].map(number)
                    + [text(row.old?.verdict ?? ""), text(row.new?.verdict ?? "")]
            )
        }
        return out
    }

    /// The counts, in one line.
    public static func summary(_ r: AuditDiff.Result) -> String {
        "\(r.count(.appeared)) appeared, \(r.count(.vanished)) vanished, \(r.count(.grew)) grew, \(r.count(.shrank)) shrank, "
            + "\(r.count(.becameUndefined) + r.count(.becameDefined)) became undefined or defined, \(r.verdictChanges) verdict change\(r.verdictChanges == 1 ? "" : "s"); "
            + "\(r.unchanged) unchanged (threshold \(NumberFormat.exact(r.threshold)))."
            + (r.old.findings.isEmpty && r.new.findings.isEmpty ? " Neither audit has findings to compare (an allocation-only audit?): allocation figures are not compared." : "")
    }

    /// `diff.md`: the summary, then a table per kind of change.
    public static func markdown(_ r: AuditDiff.Result) -> String {
        // A ratio of 0 is infinitely far from parity (|ln 0|): its gap changes are ±∞.
        func fixed(_ x: Double) -> String { x.isFinite ? NumberFormat.fixed(x, digits: 4) : (x > 0 ? "∞" : "−∞") }
        func value(_ x: Double?) -> String { x.map(fixed) ?? "undefined" }
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        func audit(_ a: AuditDiff.Audit) -> String {
            "`\(cell(a.folder))` (data `\(cell(a.dataFile))`\(a.rows.map { ", \($0) rows" } ?? ""), Vigie \(a.vigieVersion), \(a.findings.count) findings)"
        }
        var out = "# Vigie audit diff\n\n"
        out += "- old: \(audit(r.old))\n- new: \(audit(r.new))\n\n"
        out += "Findings are matched by attribute, group, reference, metric and kind. A gap is the distance "
        out += "from parity: |difference|, or |ln ratio|; it grew or shrank when it moved by more than "
        out += "\(NumberFormat.exact(r.threshold)).\n\n"
        out += "**\(summary(r))**\n"
        out += "\nOnly findings (group disparities with verdicts) are compared; allocation and inequality figures are not.\n"
        let titles: [(AuditDiff.Change, String)] = [
            (.appeared, "Appeared"), (.vanished, "Vanished"), (.grew, "Grew"), (.shrank, "Shrank"),
            (.becameUndefined, "Became undefined"), (.becameDefined, "Became defined"), (.verdict, "Verdict changed, gap within the threshold"),
        ]
        for (change, title) in titles {
            let rows = r.rows.filter { $0.change == change }
            guard !rows.isEmpty else { continue }
            out += "\n## \(title) (\(rows.count))\n\n"
            out += "| attribute | group | reference | metric | kind | old | new | gap change | verdict |\n"
            out += "|---|---|---|---|---|---:|---:|---:|---|\n"
            for row in rows {
                let k = row.key
                let verdict: String
                switch (row.old?.verdict, row.new?.verdict) {
                case let (a?, b?) where a != b: verdict = "\(a) → \(b)"
                case let (a?, _): verdict = a
                case let (nil, b?): verdict = b
                default: verdict = ""
                }
                let old = row.old == nil ? "—" : value(row.old?.value)
                let new = row.new == nil ? "—" : value(row.new?.value)
                let change = row.gapChange.map { ($0 > 0 ? "+" : "") + fixed($0) } ?? ""
                out += "| \([k.attribute, k.group, k.reference, k.metric, k.kind].map(cell).joined(separator: " | ")) | \(old) | \(new) | \(change) | \(cell(verdict)) |\n"
            }
        }
        return out
    }
}
