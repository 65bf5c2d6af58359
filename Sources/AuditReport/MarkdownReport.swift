import AuditData
import AuditMetrics

/// `report.md`, and every other Markdown document for people (`explanation.md`, `compare.md`,
/// `diff.md`): a ``ReportDocument`` in CommonMark with GitHub tables, escaped by `MarkdownEscape`.
public enum MarkdownReport {
    /// The report's text.
    public static func render(_ result: AuditResult, report: ReportSpec = ReportSpec()) -> String {
        render(ReportBuilder.document(result, report: report))
    }

    /// A document as Markdown.
    /// The document's typography is set first (`Typography`: French spaces, the missing
    /// values' group in the language's word); figures are numbered as in `report.html`.
    public static func render(_ document: ReportDocument) -> String {
        // Charts are drawn in report.html only; a figure's table here says where its chart is.
        let doc = Typography.set(document)
        let text = ReportText(doc.language)
        let figures = doc.figureNumbers
        var md = "# \(inline(doc.title))\n\n"
        for line in doc.subtitle { md += inline(line) + "  \n" }
        if !doc.subtitle.isEmpty { md += "\n" }
        for b in doc.preamble { md += block(b, text: text, figures: figures) }
        for s in doc.sections {
            md += "## \(inline(s.title))\n\n"
            for b in s.blocks { md += block(b, text: text, figures: figures) }
        }
        return md
    }

    static func block(_ b: ReportBlock, text: ReportText, figures: [String: Int] = [:]) -> String {
        switch b {
        case .heading(let level, let runs, _):
            return String(repeating: "#", count: min(max(level, 3), 6)) + " " + inline(runs) + "\n\n"
        case .paragraph(let runs): return inline(runs) + "\n\n"
        case .note(let runs): return "> " + inline(runs) + "\n\n"
        case .list(let items): return items.map { "- " + inline($0) + "\n" }.joined() + "\n"
        case .numbered(let items): return items.enumerated().map { "\($0.offset + 1). " + inline($0.element) + "\n" }.joined() + "\n"
        case .table(let t):
            var caption = t.caption
            if let figure = t.figure, let chart = t.chart, let number = figures[figure] {
                let title = caption.isEmpty ? [ReportInline.text(chart.title)] : caption
                caption = text.runs(.figureTitle, ["number": .text(text.count(number)), "title": .span(title)])
            }
            var md = caption.isEmpty ? "" : "**" + inline(caption, inTable: true) + "**\n\n"
            md += "| " + t.header.map { inline($0, inTable: true) }.joined(separator: " | ") + " |\n"
            md += "|" + t.header.indices.map { i in i < t.numeric.count && t.numeric[i] ? "---:|" : "---|" }.joined() + "\n"
            for row in t.rows {
                md += "| " + row.map { inline($0, inTable: true) }.joined(separator: " | ") + " |\n"
            }
            if let figure = t.figure, t.chart != nil {
                let name = figures[figure].map { text(.figureDataShort, ["number": text.count($0)]) } ?? "figure-\(figure)"
                let link = "[" + MarkdownEscape.text(name) + "](report.html#figure-\(figure))"
                let sentence = Typography.set(text(.chartInHtml, ["figure": "VIGIEFIGURELINK"]), language: text.language)
                md += "\n" + MarkdownEscape.text(sentence).replacingOccurrences(of: "VIGIEFIGURELINK", with: link) + "\n"
            }
            return md + "\n"
        }
    }

    static func inline(_ runs: [ReportInline], inTable: Bool = false) -> String {
        runs.map { run in
            switch run {
            case .text(let s): return MarkdownEscape.text(s)
            case .label(let s): return MarkdownEscape.code(s, inTable: inTable)
            case .strong(let inner): return "**" + inline(inner, inTable: inTable) + "**"
            case .span(let inner): return inline(inner, inTable: inTable)
            case .status(_, let text): return "**" + MarkdownEscape.text(text) + "**"
            case .anchor(let s, let id): return "[" + MarkdownEscape.text(s) + "](#" + id + ")"
            }
        }.joined()
    }
}
