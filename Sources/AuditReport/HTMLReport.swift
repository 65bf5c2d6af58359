import AuditMetrics
import Foundation

/// `report.html`: one self-contained page — inline CSS, no script, no external resource —
/// that reads without JavaScript and prints to PDF with each major section after the summary
/// on a new page.
/// Written as XHTML-compatible HTML5 (every element closed, only XML's predefined entities),
/// so an XML parser reads it.
public enum HTMLReport {
    /// The report's HTML.
    public static func render(_ result: AuditResult) -> String {
        render(ReportBuilder.document(result))
    }

    /// A document as HTML.
    public static func render(_ doc: ReportDocument) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"\(HTMLEscape.attribute(doc.language.rawValue))\">\n<head>\n"
        h += "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        h += "<title>\(HTMLEscape.text(ReportInline.plainText(doc.title)))</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"
        h += "<header>\n<h1>\(inline(doc.title))</h1>\n"
        for line in doc.subtitle { h += "<p class=\"subtitle\">\(inline(line))</p>\n" }
        if !doc.sections.isEmpty {
            h += "<nav aria-label=\"\(HTMLEscape.attribute(doc.contents))\">\n<ol>\n"
            for s in doc.sections { h += "<li><a href=\"#\(HTMLEscape.attribute(s.id))\">\(inline(s.title))</a></li>\n" }
            h += "</ol>\n</nav>\n"
        }
        h += "</header>\n<main>\n"
        for b in doc.preamble { h += block(b) }
        for s in doc.sections {
            h += "<section id=\"\(HTMLEscape.attribute(s.id))\" class=\"major\">\n<h2>\(inline(s.title))</h2>\n"
            for b in s.blocks { h += block(b) }
            h += "</section>\n"
        }
        h += "</main>\n</body>\n</html>\n"
        return h
    }

    static func block(_ b: ReportBlock) -> String {
        switch b {
        case .heading(let level, let runs, let id):
            let l = min(max(level, 3), 6)
            return "<h\(l)\(id.map { " id=\"\(HTMLEscape.attribute($0))\"" } ?? "")>\(inline(runs))</h\(l)>\n"
        case .paragraph(let runs): return "<p>\(inline(runs))</p>\n"
        case .note(let runs): return "<p class=\"note\">\(inline(runs))</p>\n"
        case .list(let items):
            return "<ul>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
        case .numbered(let items):
            return "<ol>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ol>\n"
        case .table(let t): return table(t)
        }
    }

    static func table(_ t: ReportTable) -> String {
        var h = ""
        if let figure = t.figure {
            // The chart first (inline SVG, escaped by SVGChart), then its data table: the accessible alternative.
            h += "<figure id=\"figure-\(HTMLEscape.attribute(figure))\" class=\"figure\">\n"
            if let chart = t.chart { h += chart.svg }
        }
        h += "<table>\n" + (t.caption.isEmpty ? "" : "<caption>\(inline(t.caption))</caption>\n") + "<thead>\n<tr>"
        for (i, cell) in t.header.enumerated() {
            h += "<th scope=\"col\"\(numeric(t, i) ? " class=\"num\"" : "")>\(inline(cell))</th>"
        }
        h += "</tr>\n</thead>\n<tbody>\n"
        for row in t.rows {
            h += "<tr>"
            for (i, cell) in row.enumerated() {
                if i == 0 {
                    h += "<th scope=\"row\">\(inline(cell))</th>"
                } else {
                    h += "<td\(numeric(t, i) ? " class=\"num\"" : "")>\(inline(cell))</td>"
                }
            }
            h += "</tr>\n"
        }
        h += "</tbody>\n</table>\n"
        if t.figure != nil { h += "</figure>\n" }
        return h
    }

    static func numeric(_ t: ReportTable, _ i: Int) -> Bool { i < t.numeric.count && t.numeric[i] }

    static func inline(_ runs: [ReportInline]) -> String {
        runs.map { run in
            switch run {
            case .text(let s): return HTMLEscape.text(s)
            case .label(let s): return "<code>\(HTMLEscape.text(s))</code>"
            case .strong(let inner): return "<strong>\(inline(inner))</strong>"
            case .span(let inner): return inline(inner)
            case .status(let id, let text): return "<strong class=\"status status-\(HTMLEscape.attribute(id))\">\(HTMLEscape.text(text))</strong>"
            case .anchor(let s, let id): return "<a href=\"#\(HTMLEscape.attribute(id))\">\(HTMLEscape.text(s))</a>"
            }
        }.joined()
    }

    /// The inline style sheet: readable on screen, sober in print, each major section on a new page.
    static let style = """
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; color: #1a1a1a; background: #fff; max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem; }
    h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
    h2 { font-size: 1.4rem; border-bottom: 2px solid #1a1a1a; padding-bottom: 0.2rem; margin-top: 2.5rem; }
    h3 { font-size: 1.15rem; margin-top: 1.5rem; }
    .subtitle { margin: 0.1rem 0; color: #333; }
    code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; background: #f0f0f0; padding: 0 0.2em; border-radius: 3px; }
    table { border-collapse: collapse; margin: 0.8rem 0 1.2rem; font-size: 0.92rem; }
    caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
    th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; vertical-align: top; text-align: left; }
    thead th { background: #e8e8e8; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .note { border-left: 4px solid #555; padding-left: 0.6rem; }
    figure { margin: 1rem 0; }
    svg.vigie-chart { display: block; width: 100%; max-width: 44rem; height: auto; margin: 0.5rem 0; }
    strong { font-weight: 700; }
    nav ol { columns: 2; }
    .status { padding: 0 0.3em; border-radius: 3px; white-space: nowrap; }
    .status-met { background: #d8efd8; }
    .status-attention { background: #fbe9c6; }
    .status-not_met { background: #f6d0d0; }
    .status-not_assessable { background: #e4e4e4; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      nav { display: none; }
      section.major + section.major { break-before: page; page-break-before: always; }
      table, figure, svg.vigie-chart { break-inside: avoid; page-break-inside: avoid; }
      h2, h3 { break-after: avoid; page-break-after: avoid; }
      a { color: inherit; text-decoration: none; }
    }

    """
}
