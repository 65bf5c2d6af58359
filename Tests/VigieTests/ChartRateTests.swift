@testable import AuditReport
import Foundation
import Testing

/// Group rates and impact ratios. Layout arithmetic used below, by hand: one-letter labels
/// give a left margin of max(80, 12 + 6.6 × 1) = 80 px; the plot ends at 640 − 72 = 568 px,
/// so it is 488 px wide.
@Suite struct ChartRateTests {
    static let text = ChartFixture.text

    static func rates(_ rows: [RateChart.Row], reference: Double? = 0.5) -> RateChart {
        RateChart(id: "taux", title: "Taux d'attribution", description: "Résumé", axisTitle: "Taux",
                  text: text, rows: rows, referenceRate: reference, referenceLabel: "Référence")
    }

    @Test func rateChartIsAccessibleXMLWithOneMarkPerDefinedRate() throws {
        let chart = Self.rates([
            .init(label: "A", rate: 0.25, lower: 0.2, upper: 0.3),
            .init(label: "B", rate: 0.5, lower: 0.45, upper: 0.55, isReference: true),
            .init(label: "C", rate: nil),
            .init(label: "D", rate: nil, missing: .suppressed),
        ])
        let svg = SVGChart.groupRates(chart)
        let tree = try SVGTree.parse(svg)
        let root = tree.nodes[0]
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["aria-labelledby"] == "taux-title taux-desc")
        #expect(root.attributes["viewBox"] == "0 0 640 192")  // 34 + 4 × 28 + 46
        #expect(root.attributes["width"] == nil && root.attributes["height"] == nil)
        #expect(tree.nodes[1].name == "title" && tree.nodes[1].attributes["id"] == "taux-title" && tree.nodes[1].text == "Taux d'attribution")
        #expect(tree.nodes[2].name == "desc" && tree.nodes[2].attributes["id"] == "taux-desc" && tree.nodes[2].text == "Résumé")
        #expect(tree.marks.count == 2)
        #expect(tree.missingTexts == ["non défini", "masqué"])
        // Rate 0.25 at 80 + 0.25 × 488 = 202; whisker 0.2…0.3 at 177.6…226.4.
        let dots = tree.nodes.filter { $0.name == "circle" && $0.ancestorClasses.contains("vg-mark") }
        #expect(dots.count == 1)
        #expect(dots[0].number("cx") == 202)
        let whiskers = tree.elements(class: "vg-interval")
        #expect(whiskers.count == 2)
        #expect(whiskers[0].number("x1") == 177.6 && whiskers[0].number("x2") == 226.4)
        // The reference group is a diamond, not a circle: shape, not colour alone.
        #expect(tree.nodes.filter { $0.name == "polygon" && $0.ancestorClasses.contains("vg-mark") }.count == 1)
        // Reference line at 80 + 0.5 × 488 = 324.
        let reference = try #require(tree.elements(class: "vg-reference").first)
        #expect(reference.number("x1") == 324 && reference.number("x2") == 324)
        #expect(tree.texts.contains("25.0 %"))
        #expect(tree.texts.contains("Référence (50.0 %)"))
    }

    @Test func undefinedRateIsAWordNotABar() throws {
        let tree = try SVGTree.parse(SVGChart.groupRates(Self.rates([.init(label: "A", rate: nil, lower: 0, upper: 0)])))
        #expect(tree.marks.isEmpty)
        #expect(tree.missingTexts == ["non défini"])
        #expect(tree.nodes.filter { $0.name == "circle" }.isEmpty)
        #expect(!tree.texts.contains("0.0 %"))
        // Not finite counts as missing too.
        let nan = try SVGTree.parse(SVGChart.groupRates(Self.rates([.init(label: "A", rate: .nan)], reference: .infinity)))
        #expect(nan.marks.isEmpty && nan.missingTexts == ["non défini"])
        #expect(nan.elements(class: "vg-reference").isEmpty)
    }

    @Test func hostileLabelsAreEscaped() throws {
        let chart = Self.rates([.init(label: ChartFixture.hostile, rate: 0.3), .init(label: ChartFixture.ampersand, rate: 0.4)])
        var withHostileTitle = chart
        withHostileTitle.title = "</title><script>alert(1)</script>"
        withHostileTitle.id = "\"><script>"
        let svg = SVGChart.groupRates(withHostileTitle)
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(svg.contains("&amp;amp;"))
        let tree = try SVGTree.parse(svg)
        #expect(tree.elements(class: "vg-label").map(\.text) == [ChartFixture.hostile, ChartFixture.ampersand])
        #expect(tree.nodes[1].text == "</title><script>alert(1)</script>")
        #expect(tree.nodes[0].attributes["id"] == "chart-___script_")
        #expect(tree.marks.count == 2)
    }

    @Test func longLabelsAreCutButKeptInTheTooltip() throws {
        let long = String(repeating: "é", count: 40)
        let tree = try SVGTree.parse(SVGChart.groupRates(Self.rates([.init(label: long, rate: 0.3)])))
        let label = try #require(tree.elements(class: "vg-label").first)
        #expect(label.text == String(repeating: "é", count: 29) + "…")
        #expect(tree.nodes.contains { $0.name == "title" && $0.text == "\(long): 30.0 %" })
    }

    static func ratios(_ rows: [RatioChart.Row], scale: ChartScaleKind, domain: ClosedRange<Double>?) -> RatioChart {
        RatioChart(id: "ri", title: "Ratios d'impact", description: "Résumé", axisTitle: "Ratio", text: text, rows: rows,
                   thresholdLabel: "Règle des quatre cinquièmes", scale: scale, domain: domain)
    }

    @Test func thresholdOnALinearScale() throws {
        // Domain 0…1.25: 0.8 at 80 + 0.8 / 1.25 × 488 = 392.32; bar 0.5 is 0.4 × 488 = 195.2 wide from 80.
        let chart = Self.ratios([.init(label: "A", ratio: 0.5), .init(label: "B", ratio: 1), .init(label: "C", ratio: nil)],
                                scale: .linear, domain: 0...1.25)
        let tree = try SVGTree.parse(SVGChart.impactRatios(chart))
        let threshold = try #require(tree.elements(class: "vg-threshold").first)
        #expect(threshold.number("x1") == 392.32 && threshold.number("x2") == 392.32)
        let bars = tree.elements(class: "vg-bar")
        #expect(bars.count == 2 && tree.marks.count == 2)
        #expect(bars[0].number("x") == 80 && bars[0].number("width") == 195.2)
        #expect(bars[0].attributes["fill"] == "#D55E00" && bars[1].attributes["fill"] == "#0072B2")
        // Below the threshold is also hatched (never colour alone); at or above is not.
        let hatched = tree.nodes.filter { $0.attributes["fill"] == "url(#ri-hatch)" }
        #expect(hatched.count == 1)
        #expect(tree.nodes.contains { $0.name == "pattern" && $0.attributes["id"] == "ri-hatch" })
        #expect(tree.missingTexts == ["non défini"])
        #expect(tree.texts.contains("0.50") && tree.texts.contains("Règle des quatre cinquièmes"))
    }

    @Test func thresholdOnALogarithmicScale() throws {
        // Domain 0.5…2: 0.8 at 80 + ln(0.8/0.5) / ln(2/0.5) × 488 = 80 + 0.470004 / 1.386294 × 488
        // = 245.45 (rounded to 2 decimals). Parity (1) at 80 + ½ × 488 = 324; the bar of 0.5 goes
        // from 80 to 324 and the bar of 2 from 324 to 568: equal lengths for halving and doubling.
        let chart = Self.ratios([.init(label: "A", ratio: 0.5), .init(label: "B", ratio: 2)], scale: .logarithmic, domain: 0.5...2)
        let tree = try SVGTree.parse(SVGChart.impactRatios(chart))
        let threshold = try #require(tree.elements(class: "vg-threshold").first)
        #expect(threshold.number("x1") == 245.45)
        let bars = tree.elements(class: "vg-bar")
        #expect(bars.map { $0.number("x") } == [80, 324])
        #expect(bars.map { $0.number("width") } == [244, 244])
        #expect(tree.elements(class: "vg-parity").first?.number("x1") == 324)
    }

    @Test func zeroRatioOnALogarithmicScaleIsPinnedWithAnArrow() throws {
        let chart = Self.ratios([.init(label: "A", ratio: 0), .init(label: "B", ratio: 1)], scale: .logarithmic, domain: 0.5...2)
        let tree = try SVGTree.parse(SVGChart.impactRatios(chart))
        #expect(tree.marks.count == 2)
        #expect(tree.elements(class: "vg-offscale").count == 1)
        #expect(tree.texts.contains("0.00"))
        // A zero is a value, not a missing one.
        #expect(tree.missingTexts.isEmpty)
    }

    @Test func defaultRatioDomainsCoverTheData() throws {
        // Linear, no domain: 0…max(1, 0.8, 1.6) widened to the tick step (⅕ of 1.6 = 0.32 → 0.25): 0…1.75.
        // 0.8 at 80 + 0.8 / 1.75 × 488 = 303.085714… → 303.09.
        let linear = Self.ratios([.init(label: "A", ratio: 1.6)], scale: .linear, domain: nil)
        let t1 = try SVGTree.parse(SVGChart.impactRatios(linear))
        #expect(t1.elements(class: "vg-threshold").first?.number("x1") == 303.09)
        #expect(t1.elements(class: "vg-axis").first.map { [$0.number("x1"), $0.number("x2")] } == [80, 568])
        // Logarithmic, no domain: min(0.8, 1.25, 0.4)/1.1 … max(0.8, 1.25, 1)×1.1, i.e. 0.363636…1.375.
        let log = Self.ratios([.init(label: "A", ratio: 0.4), .init(label: "B", ratio: 1)], scale: .logarithmic, domain: nil)
        let t2 = try SVGTree.parse(SVGChart.impactRatios(log))
        let x = try #require(t2.elements(class: "vg-threshold").first?.number("x1"))
        let expected = 80 + (Foundation.log(0.8) - Foundation.log(0.4 / 1.1)) / (Foundation.log(1.375) - Foundation.log(0.4 / 1.1)) * 488
        #expect(abs(x - expected) <= 0.005)
    }

    @Test func rendersAreByteIdentical() {
        let chart = Self.rates([.init(label: "A", rate: 0.123456, lower: 0.1, upper: 0.15), .init(label: "B", rate: nil)])
        #expect(SVGChart.groupRates(chart) == SVGChart.groupRates(chart))
        let ratios = Self.ratios([.init(label: "A", ratio: 0.7, lower: 0.6, upper: 0.9)], scale: .logarithmic, domain: nil)
        #expect(SVGChart.impactRatios(ratios) == SVGChart.impactRatios(ratios))
    }
}
