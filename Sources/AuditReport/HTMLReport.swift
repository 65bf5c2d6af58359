import AuditMetrics
import Foundation

/// `report.html`: one self-contained page — inline CSS, no script, no external resource —
/// that reads without JavaScript on a desktop and on a phone, and prints to PDF (A4).
/// Written as XHTML-compatible HTML5 (every element closed, only XML's predefined entities),
/// so an XML parser reads it.
///
/// Structure (`docs/charts.md`, "The page"):
/// - a two-level table of contents (each section and its sub-sections, with anchors), printed too;
/// - each chart in a `<figure>` with its visible numbered title ("Figure 3 — …", the same
///   number as in `report.md`), then its data table, whose caption names the figure;
/// - long tables (more than ``longTable`` rows: the LL144 tables, all intersections, the
///   aggregates, the undefined values, the legal checklist's evidence…) in a `<details>`
///   element, closed on screen and printed open (`::details-content`, which headless
///   Chromium's PDF honours; no script needed);
/// - every table in its own box that scrolls sideways on a narrow screen, so the page never
///   does, and whose last text column (the evidence) may break a long word (a URL) so
///   that one word does not widen the table;
///   in print, wide tables shrink their text to fit the page width;
/// - no forced page break: sections follow one another; a heading or a figure's title is
///   kept with what follows; a chart or a table row is never split, but a figure (chart and
///   long table) may be, so no page is left near-empty before it.
public enum HTMLReport {
    /// A table with more rows than this is folded in a `<details>` on screen.
    public static let longTable = 12

    /// The report's HTML.
    public static func render(_ result: AuditResult, report: ReportSpec = ReportSpec()) -> String {
        render(ReportBuilder.document(result, report: report))
    }

    /// A document as HTML.
    public static func render(_ document: ReportDocument) -> String {
        let doc = Typography.set(document)
        let page = Page(doc)
        var h = "<!DOCTYPE html>\n<html lang=\"\(HTMLEscape.attribute(doc.language.rawValue))\">\n<head>\n"
        h += "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        h += "<title>\(HTMLEscape.text(ReportInline.plainText(doc.title)))</title>\n<style>\n\(style(doc.paper))</style>\n</head>\n<body>\n"
        h += "<header>\n<h1>\(inline(doc.title))</h1>\n"
        for line in doc.subtitle { h += "<p class=\"subtitle\">\(inline(line))</p>\n" }
        if !doc.sections.isEmpty {
            h += "<nav class=\"toc\" aria-label=\"\(HTMLEscape.attribute(doc.contents))\">\n<p class=\"toc-title\">\(HTMLEscape.text(doc.contents))</p>\n<ol>\n"
            for (i, s) in doc.sections.enumerated() {
                h += "<li><a href=\"#\(HTMLEscape.attribute(s.id))\">\(inline(s.title))</a>"
                let subs = page.subsections[i]
                if !subs.isEmpty {
                    h += "\n<ol>\n"
                    for sub in subs { h += "<li><a href=\"#\(HTMLEscape.attribute(sub.id))\">\(inline(sub.title))</a></li>\n" }
                    h += "</ol>\n"
                }
                h += "</li>\n"
            }
            h += "</ol>\n</nav>\n"
        }
        h += "</header>\n<main>\n"
        for b in doc.preamble { h += page.block(b, headingID: nil) }
        for (i, s) in doc.sections.enumerated() {
            h += "<section id=\"\(HTMLEscape.attribute(s.id))\" class=\"major\">\n<h2>\(inline(s.title))</h2>\n"
            var k = 0
            for b in s.blocks {
                var id: String?
                if case .heading(3, _, _) = b { id = page.subsections[i][k].id; k += 1 }
                h += page.block(b, headingID: id)
            }
            h += "</section>\n"
        }
        h += "</main>\n</body>\n</html>\n"
        return h
    }

    /// What rendering a page needs to know of the whole document: its figures' numbers and
    /// its sub-sections' anchors.
    struct Page {
        let language: ReportLanguage
        let text: ReportText
        let figures: [String: Int]
        /// Per section, its level-3 headings: their id (the builder's, else `SECTION-N`) and title.
        let subsections: [[(id: String, title: [ReportInline])]]

        init(_ doc: ReportDocument) {
            language = doc.language
            text = ReportText(doc.language)
            figures = doc.figureNumbers
            var taken = Set(doc.sections.map(\.id))
            for s in doc.sections { for case .heading(_, _, let id?) in s.blocks { taken.insert(id) } }
            subsections = doc.sections.map { s in
                var subs: [(id: String, title: [ReportInline])] = []
                for case .heading(3, let title, let id) in s.blocks {
                    var anchor = id ?? "\(s.id)-\(subs.count + 1)"
                    while id == nil, taken.contains(anchor) { anchor += "-" }
                    if id == nil { taken.insert(anchor) }
                    subs.append((anchor, title))
                }
                return subs
            }
        }

        func block(_ b: ReportBlock, headingID: String?) -> String {
            switch b {
            case .heading(let level, let runs, let id):
                let l = min(max(level, 3), 6)
                return "<h\(l)\((headingID ?? id).map { " id=\"\(HTMLEscape.attribute($0))\"" } ?? "")>\(HTMLReport.inline(runs))</h\(l)>\n"
            case .paragraph(let runs): return "<p>\(HTMLReport.inline(runs))</p>\n"
            case .note(let runs): return "<p class=\"note\">\(HTMLReport.inline(runs))</p>\n"
            case .list(let items):
                return "<ul>\n" + items.map { "<li>\(HTMLReport.inline($0))</li>\n" }.joined() + "</ul>\n"
            case .numbered(let items):
                return "<ol>\n" + items.map { "<li>\(HTMLReport.inline($0))</li>\n" }.joined() + "</ol>\n"
            case .table(let t): return table(t)
            }
        }

        func table(_ t: ReportTable) -> String {
            var h = ""
            var caption = t.caption
            let number = t.figure.flatMap { t.chart != nil ? figures[$0] : nil }
            if let figure = t.figure {
                // The numbered title, then the chart (inline SVG, escaped by SVGChart), then its data table: the accessible alternative.
                h += "<figure id=\"figure-\(HTMLEscape.attribute(figure))\" class=\"figure\">\n"
                if let chart = t.chart, let number {
                    let title = t.caption.isEmpty ? [ReportInline.text(chart.title)] : t.caption
                    h += "<figcaption>\(HTMLReport.inline(runs(.figureTitle, ["number": .text(text.count(number)), "title": .span(title)])))</figcaption>\n"
                    if let phone = chart.phoneSVG {
                        // Two drawings: the page's, and one a phone's width holds with no text under 12 px (one shown, by the width).
                        h += "<div class=\"chart-box chart-wide\">" + HTMLReport.sized(Typography.setMarkup(chart.svg, language: language)) + "</div>\n"
                        h += "<div class=\"chart-box chart-phone\">" + Typography.setMarkup(phone, language: language) + "</div>\n"
                    } else {
                        h += "<div class=\"chart-box\">" + HTMLReport.sized(Typography.setMarkup(chart.svg, language: language)) + "</div>\n"
                    }
                    caption = runs(.figureDataShort, ["number": .text(text.count(number))])
                }
            }
            let long = t.rows.count > HTMLReport.longTable
            var body = "<div class=\"table-box\"><table>\n"
            if !caption.isEmpty, !long { body += "<caption>\(HTMLReport.inline(caption))</caption>\n" }
            body += "<thead>\n<tr>"
            for (i, cell) in t.header.enumerated() {
                body += "<th scope=\"col\"\(numeric(t, i) ? " class=\"num\"" : "")>\(HTMLReport.inline(cell))</th>"
            }
            body += "</tr>\n</thead>\n<tbody>\n"
            for row in t.rows {
                body += "<tr>"
                for (i, cell) in row.enumerated() {
                    if i == 0 {
                        body += "<th scope=\"row\">\(HTMLReport.inline(cell))</th>"
                    } else {
                        body += "<td\(numeric(t, i) ? " class=\"num\"" : "")>\(HTMLReport.inline(cell))</td>"
                    }
                }
                body += "</tr>\n"
            }
            body += "</tbody>\n</table></div>\n"
            if long {
                let title = caption.isEmpty ? [ReportInline.text(text(.detailsTable))] : caption
                h += "<details class=\"long\"><summary>"
                h += HTMLReport.inline(runs(.detailsRows, ["title": .span(title), "rows": .text(text.count(t.rows.count))]))
                h += "</summary>\n" + body + "</details>\n"
            } else {
                h += body
            }
            if t.figure != nil { h += "</figure>\n" }
            return h
        }

        func numeric(_ t: ReportTable, _ i: Int) -> Bool { i < t.numeric.count && t.numeric[i] }

        /// A sentence of the page's own (a figure's title, a folded table's summary), set like the document.
        func runs(_ key: MessageKey, _ args: [String: ReportInline]) -> [ReportInline] {
            Typography.set(text.runs(key, args), language: language)
        }
    }

    /// The chart's SVG with a minimum width (an inline `style` on the root element) such that
    /// its smallest text is drawn at 12 CSS px or more: on a narrow screen the chart keeps that
    /// width and its box scrolls sideways, instead of shrinking its text to 5 px. The minimum
    /// is lifted in print (the page width is fixed there).
    static func sized(_ svg: String) -> String {
        guard let width = viewBoxWidth(svg) else { return svg }
        var smallest = 12.0
        var rest = Substring(svg)
        while let r = rest.range(of: "font-size=\"") {
            rest = rest[r.upperBound...]
            if let end = rest.firstIndex(of: "\""), let size = Double(rest[..<end]), size > 0 { smallest = min(smallest, size) }
        }
        let minimum = Int((width * 12 / smallest).rounded(.up))
        guard let open = svg.range(of: "<svg ") else { return svg }
        return svg.replacingCharacters(in: open, with: "<svg style=\"min-width:\(minimum)px\" ")
    }

    /// The width of an SVG's `viewBox`.
    static func viewBoxWidth(_ svg: String) -> Double? {
        guard let r = svg.range(of: "viewBox=\"") else { return nil }
        let fields = svg[r.upperBound...].prefix { $0 != "\"" }.split(separator: " ")
        return fields.count == 4 ? Double(fields[2]) : nil
    }

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

    /// The inline style sheet: readable on screen (a phone included: no text under 12 px, the
    /// page never scrolls sideways), sober in print on A4 with no forced page break.
    static func style(_ paper: ReportPaper) -> String {
        paper == .a4 ? style : style.replacingOccurrences(of: "@page { size: A4;", with: "@page { size: \(paper.cssSize);")
    }

    static let style = """
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #fff; max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem; overflow-wrap: break-word; }
    h1 { font-size: 1.8rem; margin-bottom: 0.2rem; line-height: 1.25; }
    h2 { font-size: 1.4rem; border-bottom: 2px solid #1a1a1a; padding-bottom: 0.2rem; margin-top: 2.5rem; }
    h3 { font-size: 1.15rem; margin-top: 1.5rem; }
    .subtitle { margin: 0.1rem 0; color: #333; }
    code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; background: #f0f0f0; padding: 0 0.2em; border-radius: 3px; overflow-wrap: anywhere; }
    .table-box { overflow-x: auto; max-width: 100%; margin: 0.8rem 0 1.2rem; }
    table { border-collapse: collapse; font-size: 0.92rem; }
    caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
    th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; vertical-align: top; text-align: left; }
    thead th { background: #e8e8e8; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .note { border-left: 4px solid #555; padding-left: 0.6rem; }
    figure { margin: 1.5rem 0; }
    figcaption { font-weight: 700; margin-bottom: 0.3rem; }
    .chart-box { overflow-x: auto; max-width: 100%; }
    .chart-phone { display: none; }
    svg.vigie-chart { display: block; width: 100%; max-width: 48rem; height: auto; margin: 0.5rem 0; }
    details.long { margin: 0.8rem 0 1.2rem; border: 1px solid #ccc; border-radius: 4px; padding: 0.3rem 0.6rem; }
    details.long > summary { cursor: pointer; font-weight: 600; }
    strong { font-weight: 700; }
    nav.toc { border: 1px solid #ccc; border-radius: 4px; padding: 0.4rem 1rem; margin: 1rem 0; }
    .toc-title { font-weight: 700; margin: 0.2rem 0; }
    nav.toc ol { margin: 0.2rem 0; padding-left: 1.4rem; }
    nav.toc ol ol { font-size: 0.92rem; }
    .status { padding: 0 0.3em; border-radius: 3px; }
    .status-met { background: #d8efd8; }
    .status-attention { background: #fbe9c6; }
    .status-not_met { background: #f6d0d0; }
    .status-not_assessable { background: #e4e4e4; }
    @media (min-width: 40rem) { .status { white-space: nowrap; } }
    @media (max-width: 40rem) { .chart-wide { display: none; } .chart-phone { display: block; } body { padding: 0.5rem 0.75rem; } h1 { font-size: 1.5rem; } table { font-size: 0.85rem; } th, td { padding: 0.2rem 0.35rem; } td:last-child:not(.num) { overflow-wrap: anywhere; } }
    @page { size: A4; margin: 16mm 14mm; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10pt; }
      h2 { margin-top: 1.6rem; }
      h2, h3, h4, figcaption, caption, summary { break-after: avoid; page-break-after: avoid; }
      .chart-box, svg.vigie-chart, tr { break-inside: avoid; page-break-inside: avoid; }
      svg.vigie-chart { min-width: 0 !important; max-width: 15cm; }
      .chart-phone { display: none !important; }
      .chart-wide { display: block !important; }
      .table-box, .chart-box { overflow: visible; }
      table { font-size: 8pt; width: 100%; }
      th, td { padding: 0.1rem 0.25rem; }
      td:last-child:not(.num) { overflow-wrap: anywhere; }
      details::details-content { content-visibility: visible; display: block; }
      details.long { border: none; padding: 0; }
      details.long > summary { list-style: none; }
      a { color: inherit; text-decoration: none; }
      nav.toc ol ol { columns: 2; }
    }

    """
}
