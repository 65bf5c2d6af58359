import AuditAssessment
import AuditData
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

    /// The counts, in one line (also printed by `vigie diff`).
    public static func summary(_ r: AuditDiff.Result, language: ReportLanguage = .en) -> String {
        let t = ReportText(language)
        let counts = [
            "appeared": r.count(.appeared), "vanished": r.count(.vanished), "grew": r.count(.grew), "shrank": r.count(.shrank),
            "undefined": r.count(.becameUndefined) + r.count(.becameDefined), "verdicts": r.verdictChanges, "unchanged": r.unchanged,
        ].mapValues(t.count)
        var line = t(r.verdictChanges == 1 ? .diffSummaryOneVerdict : .diffSummary, counts.merging(["threshold": t.numbers.shortest(r.threshold)]) { a, _ in a })
        if r.old.findings.isEmpty && r.new.findings.isEmpty { line += " " + t(.diffNoFindings) }
        return line
    }

    /// `diff.md` as a document: the two audits, how findings are matched, the counts, then a
    /// section per kind of change.
    public static func document(_ r: AuditDiff.Result, language: ReportLanguage = .en) -> ReportDocument {
        let t = ReportText(language)
        // A ratio of 0 is infinitely far from parity (|ln 0|): its gap changes are ±∞.
        func value(_ x: Double?) -> String { x.map { t.fixed($0, 4) } ?? t(.wordUndefined) }
        func verdict(_ v: String) -> ReportInline {
            MessageKey.named("verdict." + v).map { .text(t($0)) } ?? .label(v)
        }
        func audit(_ a: AuditDiff.Audit) -> ReportInline {
            var args: [String: ReportInline] = ["folder": .label(a.folder), "file": .label(a.dataFile), "version": .text(a.vigieVersion),
                                                "findings": .text(t.count(a.findings.count))]
            if let rows = a.rows { args["rows"] = .text(t.count(rows)) }
            return .span(t.runs(a.rows == nil ? .diffAudit : .diffAuditRows, args))
        }
        let preamble: [ReportBlock] = [
            .list([t.runs(.diffOld, ["audit": audit(r.old)]), t.runs(.diffNew, ["audit": audit(r.new)])]),
            .paragraph(t.runs(.diffMethod, ["threshold": .text(t.numbers.shortest(r.threshold))])),
            .paragraph([.strong([.text(summary(r, language: language))])]),
            .paragraph([.text(t(.diffScope))]),
        ]
        let titles: [(AuditDiff.Change, MessageKey)] = [
            (.appeared, .diffChangeAppeared), (.vanished, .diffChangeVanished), (.grew, .diffChangeGrew), (.shrank, .diffChangeShrank),
            (.becameUndefined, .diffChangeBecameUndefined), (.becameDefined, .diffChangeBecameDefined), (.verdict, .diffChangeVerdict),
        ]
        let header: [MessageKey] = [.compareColAttribute, .colGroup, .diffColReference, .diffColMetric, .diffColKind, .diffColOld, .diffColNew,
                                    .diffColGapChange, .colVerdict]
        var sections: [ReportSection] = []
        for (change, title) in titles {
            let rows = r.rows.filter { $0.change == change }
            guard !rows.isEmpty else { continue }
            let table = ReportTable(
                caption: [], header: header.map { [.text(t($0))] }, numeric: [false, false, false, false, false, true, true, true, false],
                rows: rows.map { row in
                    let k = row.key
                    let verdicts: [ReportInline]
                    switch (row.old?.verdict, row.new?.verdict) {
                    case let (a?, b?) where a != b: verdicts = t.runs(.diffVerdictChange, ["old": verdict(a), "new": verdict(b)])
                    case let (a?, _): verdicts = [verdict(a)]
                    case let (nil, b?): verdicts = [verdict(b)]
                    default: verdicts = []
                    }
                    let old = row.old == nil ? "—" : value(row.old?.value)
                    let new = row.new == nil ? "—" : value(row.new?.value)
                    return [k.attribute, k.group, k.reference, k.metric, k.kind].map { [.label($0)] }
                        + [[.text(old)], [.text(new)], [.text(row.gapChange.map { t.signed($0, 4) } ?? "")], verdicts]
                })
            sections.append(ReportSection(id: change.rawValue, title: [.text(t(title, ["count": t.count(rows.count)]))], blocks: [.table(table)]))
        }
        return ReportDocument(language: language, title: [.text(t(.diffTitle))], preamble: preamble, sections: sections, contents: t(.navContents))
    }

    /// `diff.md`.
    public static func markdown(_ r: AuditDiff.Result, language: ReportLanguage = .en) -> String {
        MarkdownReport.render(document(r, language: language))
    }
}
