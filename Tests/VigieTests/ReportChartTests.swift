import AuditApplication
import AuditData
import AuditMetrics
@testable import AuditReport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The charts in the HTML report: one accessible SVG per declared figure, before its data
/// table, built from the audit's own values (checked against the result, formatted here
/// independently with `String(format:)`), escaped, with suppressed and undefined values as
/// words; the Markdown report stays chart-free and points to report.html.
@Suite(.serialized) struct ReportChartTests {
    typealias S = ReportTestSupport

    /// Every `<figure>` of a page: its id, the number of `<svg>` in it, whether each svg has
    /// role="img" and `aria-labelledby` naming a non-empty `<title>` and `<desc>` that come
    /// first, and whether the svg precedes the table.
    final class FigureReader: NSObject, XMLParserDelegate {
        struct Figure { var id: String; var svgs = 0; var named = 0; var svgBeforeTable = false; var tables = 0 }
        var figures: [Figure] = []
        var svgTotal = 0
        private var inFigure = false
        private var svgDepth = 0
        private var svgChildren: [String] = []
        private var labelledBy: [String] = []
        private var role = ""
        private var texts: [String: String] = [:]
        private var current: String?
        private var buffer = ""

        func parser(_ p: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "figure" { inFigure = true; figures.append(Figure(id: attributes["id"] ?? "")) }
            if name == "svg" {
                svgTotal += 1
                svgDepth = 1
                svgChildren = []
                texts = [:]
                role = attributes["role"] ?? ""
                labelledBy = (attributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
                if inFigure { figures[figures.count - 1].svgs += 1 }
                return
            }
            if svgDepth > 0 {
                if svgDepth == 1 { svgChildren.append(name) }
                svgDepth += 1
                if name == "title" || name == "desc", let id = attributes["id"] { current = id; buffer = "" }
            }
            if name == "table", inFigure {
                figures[figures.count - 1].tables += 1
                if figures[figures.count - 1].svgs >= 1 && figures[figures.count - 1].tables == 1 { figures[figures.count - 1].svgBeforeTable = true }
            }
        }

        func parser(_ p: XMLParser, foundCharacters string: String) { if current != nil { buffer += string } }

        func parser(_ p: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if let id = current, name == "title" || name == "desc" { texts[id] = buffer; current = nil }
            if svgDepth > 0 {
                svgDepth -= 1
                if svgDepth == 0, inFigure {
                    let ok = role == "img" && labelledBy.count == 2 && Array(svgChildren.prefix(2)) == ["title", "desc"]
                        && labelledBy.allSatisfy { !(texts[$0] ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
                    if ok { figures[figures.count - 1].named += 1 }
                }
            }
            if name == "figure" { inFigure = false }
        }
    }

    func read(_ html: String) throws -> FigureReader {
        let reader = FigureReader()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "not XML: \(parser.parserError.map { "\($0)" } ?? "") at \(parser.lineNumber):\(parser.columnNumber)")
        return reader
    }

    /// The figure ids the document declares (tables with a `figure`), in order.
    func declared(_ doc: ReportDocument) -> [String] {
        doc.sections.flatMap(\.blocks).compactMap { b -> String? in
            if case .table(let t) = b { return t.figure }
            return nil
        }
    }

    /// The SVG inside `<figure id="figure-ID">`.
    func svg(_ html: String, figure id: String, phone: Bool = false) -> String? {
        guard let start = html.range(of: "<figure id=\"figure-\(id)\"") else { return nil }
        var rest = html[start.upperBound...]
        if phone {
            guard let box = rest.range(of: "<div class=\"chart-box chart-phone\">") else { return nil }
            rest = rest[box.upperBound...]
        }
        guard let open = rest.range(of: "<svg "), let close = rest.range(of: "</svg>"),
              let end = rest.range(of: "</figure>"), open.lowerBound < end.lowerBound else { return nil }
        return String(rest[open.lowerBound..<close.upperBound])
    }

    /// The selection rate of an unweighted group as the chart prints it, from its counts in
    /// integers: selected/rows × 100 to one decimal, halves rounded up (away from zero).
    func percent(selectedOf g: GroupResult, comma: Bool) -> String {
        let k = g.statistics.rows[1] + g.statistics.rows[3], n = g.statistics.count
        let tenths = (2000 * k + n) / (2 * n)
        return "\(tenths / 10)\(comma ? "," : ".")\(tenths % 10) %"
    }


    /// The phone drawings (issue 17: charts fit a 390 px phone, no text under 12 px): 360 units
    /// wide (drawn at ≈ 366 CSS px, so a unit is about a pixel), no text under 12 units, ids of
    /// their own, row labels cut to 14 characters.
    @Test(arguments: ["housing", "water"])
    func phoneDrawingsFitAPhoneWithTwelvePixelText(_ fixture: String) throws {
        let (result, report) = try S.fixture(fixture, language: .fr)
        let html = HTMLReport.render(ReportBuilder.document(result, report: report))
        // The water demo's Lorenz curves too, every point inside the 360-unit drawing.
        if fixture == "water" {
            let lorenz = try #require(svg(html, figure: "lorenz", phone: true))
            #expect(lorenz.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 360 "))
            let xs = lorenz.matches(of: /points="([^"]*)"/).flatMap { $0.output.1.split(separator: " ").compactMap { Double($0.split(separator: ",")[0]) } }
            #expect(!xs.isEmpty && xs.allSatisfy { (0...360).contains($0) }, "\(xs)")
        }
        let phones = html.components(separatedBy: "<div class=\"chart-box chart-phone\">").dropFirst().map { String($0.prefix { $0 != "\u{0}" }) }
            .map { String($0[..<$0.range(of: "</svg>")!.upperBound]) }
        #expect(phones.count >= (fixture == "housing" ? 20 : 5) && phones.count == html.components(separatedBy: "<div class=\"chart-box chart-wide\">").count - 1)
        for svg in phones {
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 360 "), "\(svg.prefix(160))")
            let sizes = svg.matches(of: /font-size="([0-9.]+)"/).compactMap { Double($0.output.1) }
            #expect(sizes.allSatisfy { $0 >= 12 }, "\(sizes)")
            #expect(svg.contains("-phone-title"), "ids of its own")
            for label in svg.matches(of: /class="vg-label">([^<]*)</).map({ String($0.output.1) }) { #expect(label.count <= 14, "\(label)") }
        }
    }

    @Test func everyDeclaredFigureHasOneNamedChartBeforeItsTable() throws {
        for (fixture, language) in [("housing", ReportLanguage.en), ("housing", .fr), ("water", .en)] {
            let (result, report) = try S.fixture(fixture, language: language)
            let doc = ReportBuilder.document(result, report: report)
            let ids = declared(doc)
            let html = HTMLReport.render(doc)
            let reader = try read(html)
            #expect(reader.figures.map(\.id) == ids.map { "figure-" + $0 }, "\(fixture) \(language)")
            // Each chart drawn for the page, and a second time for a phone's width (the Lorenz curves too).
            let phones = html.components(separatedBy: "<div class=\"chart-box chart-phone\">").count - 1
            #expect(phones == ids.count, "\(fixture) \(language): \(phones) phone drawings for \(ids.count) figures")
            #expect(reader.svgTotal == ids.count + phones, "\(fixture) \(language): \(reader.svgTotal) svg for \(ids.count) figures")
            #expect(html.components(separatedBy: "<svg ").count - 1 == ids.count + phones)
            #expect(html.components(separatedBy: " role=\"img\" aria-labelledby=").count - 1 == ids.count + phones)
            for f in reader.figures {
                #expect((1...2).contains(f.svgs) && f.named == f.svgs && f.tables == 1 && f.svgBeforeTable, "\(fixture) \(language) \(f.id)")
            }
            // The figures the brief asks for are all there.
            if fixture == "housing" {
                let singles = result.attributes.filter { !$0.isIntersection }.count
                let pairs = result.attributes.filter { $0.components.count == 2 }.count
                #expect(ids.filter { $0.hasPrefix("group-rates-") }.count == singles)
                #expect(ids.filter { $0.hasPrefix("impact-ratios-") }.count == result.attributes.count)
                #expect(ids.filter { $0.hasPrefix("intersection-") }.count == pairs && pairs > 0)
            } else {
                #expect(ids.contains("lorenz"))
                #expect(ids.filter { $0.hasPrefix("allocation-") }.count == result.allocation?.attributes.filter { !$0.name.contains("*") }.count)
            }
            // Markdown: no chart, a pointer to each chart in report.html.
            let md = MarkdownReport.render(doc)
            #expect(!md.contains("<svg"))
            for id in ids { #expect(md.contains("(report.html#figure-\(id))"), "\(id)") }
        }
    }

    /// The group-rates chart shows each group's rate and the reference line at the reference
    /// group's rate, in the report's number style (decimal comma in French).
    @Test func groupRatesChartShowsTheAuditsRates() throws {
        for language in ReportLanguage.allCases {
            let (result, report) = try S.fixture("housing", language: language)
            let html = HTMLReport.render(result, report: report)
            let comma = language == .fr
            for (i, a) in result.attributes.filter({ !$0.isIntersection }).enumerated() {
                let chart = try #require(svg(html, figure: "group-rates-\(i + 1)"))
                var shown = 0
                for g in a.groups where g.statistics.count > 0 {
                    let v = try #require(g[MetricID(.selectionRate)])
                    if let x = v.value {
                        #expect(abs(x - Double(g.statistics.rows[1] + g.statistics.rows[3]) / Double(g.statistics.count)) < 1e-12)
                        #expect(chart.contains(">\(percent(selectedOf: g, comma: comma))</text>"), "\(a.name) \(g.label) \(language)")
                        shown += 1
                    }
                }
                #expect(chart.components(separatedBy: "<g class=\"vg-mark\">").count - 1 == shown)
                let reference = try #require(a.groups.first { $0.isReference })
                #expect(chart.contains("(\(percent(selectedOf: reference, comma: comma)))</text>"), "reference line label of \(a.name)")
                #expect(chart.contains("class=\"vg-reference\""))
                if comma { #expect(!chart.contains(percent(selectedOf: reference, comma: false))) }
                #expect(chart.contains(language == .fr ? "Taux de sélection par groupe" : "Selection rate by group"))
            }
        }
    }

    /// Each two-way intersection is a heat map with a cell per pair of groups: a value where
    /// the audit has one, the suppressed word where disclosure control withheld it.
    @Test func intersectionHeatMapsFollowTheResult() throws {
        let (result, report) = try S.fixture("housing")
        let html = HTMLReport.render(result, report: report)
        var index = 0
        var suppressedSeen = 0
        for a in result.attributes where a.components.count == 2 {
            index += 1
            let chart = try #require(svg(html, figure: "intersection-\(index)"))
            let rows = try #require(result[a.components[0]]).groups.filter { $0.statistics.count > 0 }.map(\.label)
            let columns = try #require(result[a.components[1]]).groups.filter { $0.statistics.count > 0 }.map(\.label)
            var values = 0, suppressed = 0, undefined = 0
            for r in rows {
                for c in columns {
                    guard let g = a["\(r)*\(c)"], g.statistics.count > 0, let v = g[MetricID(.selectionRate)] else { undefined += 1; continue }
                    if let x = v.value {
                        values += 1
                        #expect(abs(x - Double(g.statistics.rows[1] + g.statistics.rows[3]) / Double(g.statistics.count)) < 1e-12)
                        #expect(chart.contains(": \(percent(selectedOf: g, comma: false))</title>"), "\(r) × \(c)")
                    } else if v.isSuppressed { suppressed += 1 } else { undefined += 1 }
                }
            }
            #expect(chart.components(separatedBy: "class=\"vg-cell\"").count - 1 == values, "\(a.name)")
            #expect(chart.components(separatedBy: "class=\"vg-missing\">suppressed</text>").count - 1 == suppressed, "\(a.name)")
            #expect(chart.components(separatedBy: "class=\"vg-missing\">undefined</text>").count - 1 == undefined, "\(a.name)")
            suppressedSeen += suppressed
        }
        #expect(index > 0)
        #expect(suppressedSeen > 0, "the housing demo has suppressed intersections")
    }

    /// A small group under disclosure control: its chart row says "suppressed" and draws no
    /// dot, its impact-ratio bar is the word too; the hostile label is escaped in the SVG.
    @Test func suppressedAndHostileGroupsInCharts() throws {
        let hostile = "<script>alert(1)</script>"
        var lines = ["g,d,y"]
        // "tiny" is under the minimum cell size; disclosure control also suppresses the next
        // smallest group, B, so that tiny's rate cannot be recovered from the total.
        for (label, rows, selected) in [("A", 60, 30), ("B", 50, 10), (hostile, 80, 24), ("tiny", 5, 2)] {
            let quoted = "\"" + label + "\""
            for i in 0..<rows { lines.append("\(quoted),\(i < selected ? 1 : 0),\(i % 2)") }
        }
        var spec = S.spec()
        spec.analysis.minCellSize = 10
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vigie-chart-\(UUID().uuidString).csv")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        spec.data.path = file.path
        let result = try AuditPipeline.compute(store: AuditPipeline.load(spec).store, spec: spec, threads: 1)
        let groups = try #require(result["g"]).groups.filter { $0.statistics.count > 0 }
        #expect(result["g"]?["tiny"]?[MetricID(.selectionRate)]?.isSuppressed == true)
        let suppressed = groups.filter { $0[MetricID(.selectionRate)]?.isSuppressed == true }.count
        let shown = groups.filter { $0[MetricID(.selectionRate)]?.value != nil }.count
        #expect(suppressed >= 2 && shown >= 2)
        #expect(result["g"]?[hostile]?[MetricID(.selectionRate)]?.value != nil)

        let html = HTMLReport.render(result)
        let reader = try read(html)
        #expect(reader.figures.allSatisfy { (1...2).contains($0.svgs) && $0.named == $0.svgs })
        #expect(!html.contains("<script"))
        let rates = try #require(svg(html, figure: "group-rates-1"))
        #expect(rates.contains(">&lt;script&gt;alert(1)&lt;/script&gt;</text>"))
        #expect(rates.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;: 30.0 %</title>"))
        #expect(rates.components(separatedBy: "class=\"vg-missing\">suppressed</text>").count - 1 == suppressed)
        #expect(!rates.contains("<title>tiny:"), "a suppressed group has no mark")
        #expect(rates.components(separatedBy: "<g class=\"vg-mark\">").count - 1 == shown)
        let ratios = try #require(svg(html, figure: "impact-ratios-1"))
        #expect(ratios.components(separatedBy: "class=\"vg-missing\">suppressed</text>").count - 1 == suppressed)
        #expect(ratios.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // LL144 ratios to the highest rate (A: 30/60 = 50 %): the hostile group's 24/80 = 30 % → 0.60.
        #expect(ratios.contains(">0.60</text>") && ratios.contains(">1.00</text>"))
        // French: the words and the decimal comma.
        var fr = spec
        fr.report.language = .fr
        let frResult = try AuditPipeline.compute(store: AuditPipeline.load(fr).store, spec: fr, threads: 1)
        let frRates = try #require(svg(HTMLReport.render(frResult, report: fr.report), figure: "group-rates-1"))
        #expect(frRates.contains("class=\"vg-missing\">masqué</text>"))
        #expect(frRates.contains(": 30,0 %</title>"))
    }

    /// The water demo: the Lorenz curve and the concentration curve pass through the audit's
    /// points, with the Gini and concentration index in the legend.
    @Test func lorenzFigureOfTheWaterDemo() throws {
        let (result, report) = try S.fixture("water")
        let allocation = try #require(result.allocation)
        let doc = ReportBuilder.document(result, report: report)
        let table = try #require(doc.sections.flatMap(\.blocks).compactMap { b -> ReportTable? in
            if case .table(let t) = b, t.figure == "lorenz" { return t }
            return nil
        }.first)
        guard case .lorenz(let chart) = table.chart else { Issue.record("no Lorenz chart"); return }
        #expect(chart.series.count == 2)
        #expect(chart.series[0].points.map(\.share) == allocation.lorenz.map(\.share))
        #expect(chart.series[1].points.map(\.population) == allocation.concentration?.map(\.p))
        let gini = try #require(allocation.overall[MetricID(.gini)]?.value.value)
        #expect(chart.series[0].note == "Gini " + String(format: "%.3f", gini))
        #expect(table.rows.count == allocation.lorenz.count)
        let drawn = try #require(svg(HTMLReport.render(doc), figure: "lorenz"))
        #expect(drawn.contains("Gini " + String(format: "%.3f", gini)))
    }
}
