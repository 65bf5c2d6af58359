@testable import AuditReport
import TestSupport
import Foundation
import Testing

/// The intersection heat map, against cividis colours from matplotlib
/// (`Fixtures/reference/charts/cividis.py` → `cividis.json`).
@Suite struct ChartHeatMapTests {
    struct Reference: Decodable {
        struct Case: Decodable { let t: Double; let fill: String; let luminance: Double; let text: String }
        let stops_hex: [String]
        let cases: [Case]
    }

    static func reference() throws -> Reference {
        let url = CLI.root.appendingPathComponent("Fixtures/reference/charts/cividis.json")
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    @Test func sequentialScaleMatchesMatplotlibCividis() throws {
        let reference = try Self.reference()
        #expect(ChartSequentialScale.stops.map(\.hex) == reference.stops_hex)
        var worst = 0.0
        for c in reference.cases {
            let colour = ChartSequentialScale.colour(at: c.t)
            #expect(colour.hex == c.fill, "t = \(c.t)")
            #expect(colour.textColour == c.text, "t = \(c.t)")
            worst = max(worst, abs(colour.relativeLuminance - c.luminance) / c.luminance)
        }
        #expect(worst <= 1e-9)
    }

    @Test func wcagLuminanceOfKnownColours() {
        // WCAG: white 1, black 0; #777777 ≈ 0.18447 (sRGB 0x77 = 119 → ((119/255 + 0.055)/1.055)^2.4).
        #expect(ChartColour(red: 255, green: 255, blue: 255).relativeLuminance == 1)
        #expect(ChartColour(red: 0, green: 0, blue: 0).relativeLuminance == 0)
        let grey = ChartColour(red: 119, green: 119, blue: 119).relativeLuminance
        #expect(abs(grey - 0.184474994) < 1e-8)
    }

    static func chart(_ cells: [[HeatMapChart.Cell]], rows: [String] = ["Femme", "Homme"],
                      columns: [String] = ["<25", "25–64", "65+"]) -> HeatMapChart {
        HeatMapChart(id: "hm", title: "Taux par intersection", description: "Résumé", rowTitle: "Sexe",
                     columnTitle: "Âge", text: ChartFixture.text, rowLabels: rows, columnLabels: columns, cells: cells)
    }

    @Test func oneMarkPerDefinedCellAndAWordPerMissingOne() throws {
        let chart = Self.chart([
            [.init(0.5), .init(nil), .init(0.125)],
            [.init(1), .init(nil, missing: .suppressed)],  // short row: its third cell is undefined
        ])
        let svg = SVGChart.heatMap(chart)
        let tree = try SVGTree.parse(svg)
        #expect(tree.marks.count == 3)
        #expect(tree.missingTexts == ["non défini", "masqué", "non défini"])
        let cells = tree.elements(class: "vg-cell")
        #expect(cells.map { $0.attributes["fill"] } == ["#7D7C78", "#1A386F", "#FEE838"])
        let values = tree.elements(class: "vg-value")
        #expect(values.map(\.text) == ["50.0 %", "12.5 %", "100.0 %"])
        #expect(values.map { $0.attributes["fill"] } == ["#000000", "#FFFFFF", "#000000"])
        // Column label "<25" is escaped and reads back.
        #expect(tree.elements(class: "vg-label").map(\.text).contains("<25"))
        #expect(svg.contains("&lt;25"))
        // Cells: left margin max(80, 12 + 6.6 × 5) = 80; width min(110, (640 − 80 − 10) / 3) = 110.
        #expect(cells.map { $0.number("x") } == [80, 300, 80])
        #expect(cells.allSatisfy { $0.number("width") == 110 && $0.number("height") == 32 })
        #expect(SVGChart.heatMap(chart) == svg)
    }

    @Test func hostileLabelsInRowsAndColumns() throws {
        let chart = Self.chart([[.init(0.2)]], rows: [ChartFixture.hostile], columns: [ChartFixture.ampersand])
        let svg = SVGChart.heatMap(chart)
        #expect(!svg.contains("<script"))
        let tree = try SVGTree.parse(svg)
        #expect(tree.elements(class: "vg-label").map(\.text).sorted() == [ChartFixture.ampersand, ChartFixture.hostile])
        #expect(tree.nodes.contains { $0.name == "title" && $0.text == "\(ChartFixture.hostile) × \(ChartFixture.ampersand): 20.0 %" })
    }

    @Test func manyColumnsWidenTheViewBox() throws {
        let columns = (0..<15).map { "c\($0)" }
        let tree = try SVGTree.parse(SVGChart.heatMap(Self.chart([Array(repeating: .init(0.3), count: 15)], rows: ["r"], columns: columns)))
        // Cells 56 px (the minimum): 80 + 15 × 56 + 10 = 930.
        #expect(tree.nodes[0].attributes["viewBox"]?.hasPrefix("0 0 930 ") == true)
        #expect(tree.marks.count == 15)
    }
}
