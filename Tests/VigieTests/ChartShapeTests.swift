@testable import AuditReport
import Foundation
import Testing

/// Distributions, calibration, Lorenz and tornado charts. Positions are checked against
/// hand arithmetic written next to each expectation.
@Suite struct ChartShapeTests {
    static let text = ChartFixture.text

    @Test func distributionBoxesAtTheirQuantiles() throws {
        // Left margin 80, plot to 568 (488 px), domain 0…100: x(v) = 80 + 4.88 v.
        let chart = DistributionChart(
            id: "dist", title: "Scores", description: "Résumé", axisTitle: "Points", text: Self.text,
            rows: [
                .init(label: "A", quantiles: .init(p10: 10, p25: 20, median: 40, p75: 60, p90: 80)),
                .init(label: "B", quantiles: nil, missing: .suppressed),
                .init(label: "C", quantiles: .init(p10: 10, p25: 50, median: 40, p75: 60, p90: 80)),  // out of order
                .init(label: "D", quantiles: .init(p10: 0, p25: 0, median: 0, p75: 0, p90: .nan)),
            ],
            domain: 0...100)
        let svg = SVGChart.distributions(chart)
        let tree = try SVGTree.parse(svg)
        #expect(tree.marks.count == 1)
        #expect(tree.missingTexts == ["masqué", "non défini", "non défini"])
        let box = try #require(tree.elements(class: "vg-box").first)
        #expect(box.number("x") == 177.6 && box.number("width") == 195.2)
        #expect(tree.elements(class: "vg-median").first?.number("x1") == 275.2)
        #expect(tree.elements(class: "vg-value").map(\.text) == ["40.0"])
        #expect(SVGChart.distributions(chart) == svg)
    }

    @Test func distributionDomainFromTheData() throws {
        // p10 3 … p90 17: nice step of 14/5 = 2.8 → 2.5, domain 2.5…17.5; median 10 at 80 + 7.5/15 × 488 = 324.
        let chart = DistributionChart(id: "d", title: "t", description: "d", axisTitle: "x", text: Self.text,
                                      rows: [.init(label: "A", quantiles: .init(p10: 3, p25: 6, median: 10, p75: 12, p90: 17))])
        let tree = try SVGTree.parse(SVGChart.distributions(chart))
        #expect(tree.elements(class: "vg-median").first?.number("x1") == 324)
    }

    static func calibration() -> CalibrationChart {
        CalibrationChart(
            id: "cal", title: "Calibration", description: "Résumé", xTitle: "Prédit", yTitle: "Observé",
            diagonalLabel: "Calibration parfaite", text: Self.text,
            series: [
                .init(label: "A", points: [
                    .init(predicted: 0.1, observed: 0.1), .init(predicted: 0.2, observed: 0.25),
                    .init(predicted: 0.3, observed: nil),
                    .init(predicted: 0.5, observed: 0.4, lower: 0.3, upper: 0.5), .init(predicted: 0.7, observed: 0.8),
                ]),
                .init(label: ChartFixture.ampersand, points: [.init(predicted: 0.9, observed: 0.85), .init(predicted: 0.1, observed: 0.05)]),
            ])
    }

    @Test func calibrationPointsLinesAndGaps() throws {
        // Square frame: x(p) = 150 + 360 p, y(o) = 380 − 360 o.
        let svg = SVGChart.calibration(Self.calibration())
        let tree = try SVGTree.parse(svg)
        #expect(tree.marks.count == 6)
        #expect(tree.missingTexts == ["non défini"])
        let lines = tree.elements(class: "vg-line").map { $0.attributes["points"] ?? "" }
        // Series A breaks at its missing bin: two runs; series B is sorted by prediction.
        #expect(lines == ["186,344 222,290", "330,236 402,92", "186,362 474,74"])
        let interval = try #require(tree.elements(class: "vg-interval").first)
        #expect(interval.number("x1") == 330 && interval.number("y1") == 272 && interval.number("y2") == 200)
        // Shapes differ per series: circles for A, squares (polygons) for B.
        let markShapes = tree.nodes.filter { $0.ancestorClasses.contains("vg-mark") && ($0.name == "circle" || $0.name == "polygon") }
        #expect(markShapes.map(\.name) == ["circle", "circle", "circle", "circle", "polygon", "polygon"])
        #expect(tree.elements(class: "vg-legend").map(\.text) == ["A", "&amp;"])
        let diagonal = try #require(tree.elements(class: "vg-diagonal").first)
        #expect([diagonal.number("x1"), diagonal.number("y1"), diagonal.number("x2"), diagonal.number("y2")] == [150, 380, 510, 20])
        #expect(tree.elements(class: "vg-legend-diagonal").map(\.text) == ["Calibration parfaite"])
        #expect(SVGChart.calibration(Self.calibration()) == svg)
    }

    @Test func lorenzCurvesFromTheOrigin() throws {
        let chart = LorenzChart(
            id: "lz", title: "Lorenz", description: "Résumé", xTitle: "Ménages", yTitle: "Volume", equalityLabel: "Égalité",
            text: Self.text,
            series: [
                .init(label: "Individuel", points: [.init(population: 0.5, share: 0.2), .init(population: 1, share: 1)], note: "Gini 0.30"),
                .init(label: "Compteur collectif", points: [], missing: .suppressed),
                .init(label: "NaN", points: [.init(population: .nan, share: 0.5)]),
            ])
        let svg = SVGChart.lorenz(chart)
        let tree = try SVGTree.parse(svg)
        #expect(tree.marks.count == 1)
        // (0, 0) added: 150,380; (0.5, 0.2): 330,308; (1, 1): 510,20.
        #expect(tree.elements(class: "vg-line").map { $0.attributes["points"] } == ["150,380 330,308 510,20"])
        #expect(tree.elements(class: "vg-point").count == 3)
        #expect(tree.missingTexts == ["masqué", "non défini"])
        #expect(tree.elements(class: "vg-legend").first?.text == "Individuel · Gini 0.30")
        #expect(SVGChart.lorenz(chart) == svg)
    }

    static func tornado() -> TornadoChart {
        TornadoChart(
            id: "tor", title: "Sensibilité", description: "Résumé", axisTitle: "Écart", text: Self.text, baseline: 0.1,
            baselineLabel: "Grille actuelle", lowLabel: "Poids −10 %", highLabel: "Poids +10 %",
            rows: [
                .init(label: "petit", low: 0.09, high: 0.11),
                .init(label: "manque", low: nil, high: 0.12),
                .init(label: "grand", low: 0.05, high: 0.2),
            ],
            domain: 0...0.25)
    }

    @Test func tornadoSortedBySwingWithBarsFromTheBaseline() throws {
        // Left margin 80, plot to 560 (480 px), domain 0…0.25: x(v) = 80 + 1920 v; baseline 0.1 at 272.
        let svg = SVGChart.tornado(Self.tornado())
        let tree = try SVGTree.parse(svg)
        #expect(tree.elements(class: "vg-label").map(\.text) == ["grand", "petit", "manque"])
        #expect(tree.marks.count == 5)
        #expect(tree.missingTexts == ["non défini"])
        let bars = tree.elements(class: "vg-bar")
        #expect(bars.count == 5)
        #expect(bars[0].number("x") == 176 && bars[0].number("width") == 96)   // low 0.05: 176…272
        #expect(bars[1].number("x") == 272 && bars[1].number("width") == 192)  // high 0.2: 272…464
        #expect(bars.map { $0.attributes["fill"] } == ["#0072B2", "#D55E00", "#0072B2", "#D55E00", "#D55E00"])
        #expect(tree.elements(class: "vg-baseline").first?.number("x1") == 272)
        #expect(tree.elements(class: "vg-value").map(\.text) == ["0.050", "0.200", "0.090", "0.110", "0.120"])
        // High bars are hatched as well as coloured.
        #expect(tree.nodes.filter { $0.attributes["fill"] == "url(#tor-hatch)" && $0.ancestorClasses.contains("vg-mark") }.count == 3)
        #expect(SVGChart.tornado(Self.tornado()) == svg)
    }

    @Test func tornadoWithoutABaselineDrawsNoBar() throws {
        var chart = Self.tornado()
        chart.baseline = .nan
        let tree = try SVGTree.parse(SVGChart.tornado(chart))
        #expect(tree.marks.isEmpty)
        #expect(tree.missingTexts.count == 3)
    }

    @Test func everyChartEscapesHostileText() throws {
        let h = ChartFixture.hostile, a = ChartFixture.ampersand
        let t = ChartText(undefined: h, suppressed: a, numbers: NumberStyle(decimalMark: h, thousandsSeparator: h))
        let svgs = [
            SVGChart.groupRates(RateChart(id: h, title: h, description: a, axisTitle: h, text: t,
                                          rows: [.init(label: h, rate: 0.5), .init(label: a, rate: nil)], referenceRate: 0.4, referenceLabel: h)),
            SVGChart.impactRatios(RatioChart(id: h, title: h, description: a, axisTitle: h, text: t,
                                             rows: [.init(label: h, ratio: 0.5), .init(label: a, ratio: nil)], thresholdLabel: h)),
            SVGChart.heatMap(HeatMapChart(id: h, title: h, description: a, rowTitle: h, columnTitle: a, text: t,
                                          rowLabels: [h], columnLabels: [a, h], cells: [[.init(0.5)]])),
            SVGChart.distributions(DistributionChart(id: h, title: h, description: a, axisTitle: h, text: t,
                                                     rows: [.init(label: h, quantiles: .init(p10: 1, p25: 2, median: 3, p75: 4, p90: 5)), .init(label: a, quantiles: nil)])),
            SVGChart.calibration(CalibrationChart(id: h, title: h, description: a, xTitle: h, yTitle: a, diagonalLabel: h, text: t,
                                                  series: [.init(label: h, points: [.init(predicted: 0.5, observed: 0.5), .init(predicted: 0.6, observed: nil)])])),
            SVGChart.lorenz(LorenzChart(id: h, title: h, description: a, xTitle: h, yTitle: a, equalityLabel: h, text: t,
                                        series: [.init(label: h, points: [.init(population: 1, share: 1)], note: h), .init(label: a, points: [])])),
            SVGChart.tornado(TornadoChart(id: h, title: h, description: a, axisTitle: h, text: t, baseline: 0.1, baselineLabel: h,
                                          lowLabel: h, highLabel: a, rows: [.init(label: h, low: 0.05, high: nil)])),
        ]
        for svg in svgs {
            #expect(!svg.contains("<script"))
            let tree = try SVGTree.parse(svg)
            #expect(tree.nodes[0].attributes["id"] == "chart-_script_alert_1___script_")
            #expect(tree.nodes[1].text == h && tree.nodes[2].text == a)
            // Whole, or cut with "…" to fit a heat-map cell.
            #expect(!tree.missingTexts.isEmpty)
            #expect(tree.missingTexts.allSatisfy { $0 == h || $0 == a || ($0.hasSuffix("…") && h.hasPrefix(String($0.dropLast()))) })
            #expect(tree.texts.contains { $0.contains(h) })
        }
    }

    @Test func everyChartIsValidWithNoRows() throws {
        let t = Self.text
        let svgs = [
            SVGChart.groupRates(RateChart(id: "a", title: "", description: "", axisTitle: "", text: t, rows: [])),
            SVGChart.impactRatios(RatioChart(id: "b", title: "", description: "", axisTitle: "", text: t, rows: [], thresholdLabel: "", scale: .logarithmic)),
            SVGChart.heatMap(HeatMapChart(id: "c", title: "", description: "", rowTitle: "", columnTitle: "", text: t, rowLabels: [], columnLabels: [], cells: [])),
            SVGChart.distributions(DistributionChart(id: "d", title: "", description: "", axisTitle: "", text: t, rows: [])),
            SVGChart.calibration(CalibrationChart(id: "e", title: "", description: "", xTitle: "", yTitle: "", diagonalLabel: "", text: t, series: [])),
            SVGChart.lorenz(LorenzChart(id: "f", title: "", description: "", xTitle: "", yTitle: "", equalityLabel: "", text: t, series: [])),
            SVGChart.tornado(TornadoChart(id: "g", title: "", description: "", axisTitle: "", text: t, baseline: 0, baselineLabel: "", lowLabel: "", highLabel: "", rows: [])),
        ]
        for svg in svgs {
            let tree = try SVGTree.parse(svg)
            #expect(tree.marks.isEmpty)
            #expect(!svg.contains("nan") && !svg.contains("inf"))
        }
    }
}
