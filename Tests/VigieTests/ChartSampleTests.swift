@testable import AuditReport
import TestSupport
import Foundation
import Testing

/// The sample page of all seven charts that `Tests/browser/check_html.py` loads in
/// headless Chromium. The committed `Tests/browser/sample.html` must equal what the charts
/// render now; regenerate it with `VIGIE_UPDATE_CHART_SAMPLE=1 swift test --filter ChartSampleTests`.
@Suite struct ChartSampleTests {
    static let url = CLI.root.appendingPathComponent("Tests/browser/sample.html")
    static let text = ChartText(undefined: "non défini", suppressed: "masqué (effectif < 11)", numbers: Catalogue.french.numbers)

    static func charts() -> [(caption: String, svg: String)] {
        let t = text
        return [
            ("Taux d'attribution par groupe", SVGChart.groupRates(RateChart(
                id: "taux-sexe", title: "Taux d'attribution par groupe",
                description: "Taux d'attribution d'un logement par groupe, avec intervalles à 95 % (Wilson). Référence : hommes, 41,2 %.",
                axisTitle: "Taux d'attribution", text: t,
                rows: [
                    .init(label: "Hommes", rate: 0.412, lower: 0.381, upper: 0.444, isReference: true),
                    .init(label: "Femmes", rate: 0.365, lower: 0.336, upper: 0.395),
                    .init(label: "Familles monoparentales", rate: 0.298, lower: 0.251, upper: 0.35),
                    .init(label: "<script>alert(1)</script>", rate: 0.5, lower: 0.2, upper: 0.8),
                    .init(label: "Non-binaire", rate: nil, missing: .suppressed),
                    .init(label: "&amp; inconnu", rate: nil),
                ],
                referenceRate: 0.412, referenceLabel: "Référence : hommes", domain: 0...0.8))),
            ("Ratios d'impact (règle des quatre cinquièmes)", SVGChart.impactRatios(RatioChart(
                id: "ratios", title: "Ratios d'impact", description: "Taux de chaque groupe rapporté au taux le plus élevé ; sous 0,8 la règle des quatre cinquièmes signale un effet défavorable.",
                axisTitle: "Ratio d'impact (échelle logarithmique)", text: t,
                rows: [
                    .init(label: "Hommes", ratio: 1),
                    .init(label: "Femmes", ratio: 0.886, lower: 0.80, upper: 0.98),
                    .init(label: "Familles monoparentales", ratio: 0.723, lower: 0.60, upper: 0.87),
                    .init(label: "Sans revenu", ratio: 0),
                    .init(label: "Non-binaire", ratio: nil, missing: .suppressed),
                ],
                thresholdLabel: "Seuil 0,8", scale: .logarithmic))),
            ("Taux par intersection sexe × âge", SVGChart.heatMap(HeatMapChart(
                id: "intersections", title: "Taux d'attribution par intersection",
                description: "Taux d'attribution pour chaque combinaison de sexe et de tranche d'âge ; valeur écrite dans chaque case.",
                rowTitle: "Sexe", columnTitle: "Tranche d'âge", text: t,
                rowLabels: ["Femmes", "Hommes", "<b>gras</b>"], columnLabels: ["< 25 ans", "25–64 ans", "65 ans et +"],
                cells: [
                    [.init(0.31), .init(0.372), .init(0.45)],
                    [.init(0.405), .init(0.418), .init(nil, missing: .suppressed)],
                    [.init(0.05), .init(nil), .init(0.97)],
                ]))),
            ("Distribution des points de cotation", SVGChart.distributions(DistributionChart(
                id: "scores", title: "Distribution des points par groupe",
                description: "Points de cotation par groupe : boîte du 25e au 75e centile, trait à la médiane, moustaches du 10e au 90e centile.",
                axisTitle: "Points de cotation", text: t,
                rows: [
                    .init(label: "Hommes", quantiles: .init(p10: 120, p25: 180, median: 240, p75: 310, p90: 390)),
                    .init(label: "Femmes", quantiles: .init(p10: 110, p25: 170, median: 255, p75: 330, p90: 420)),
                    .init(label: "Familles monoparentales", quantiles: .init(p10: 150, p25: 220, median: 300, p75: 380, p90: 470)),
                    .init(label: "Non-binaire", quantiles: nil, missing: .suppressed),
                ],
                format: .decimal(digits: 0)))),
            ("Calibration par groupe", SVGChart.calibration(CalibrationChart(
                id: "calibration", title: "Calibration du score par groupe",
                description: "Taux observé de besoin confirmé selon la probabilité prédite, par décile, pour chaque groupe ; la diagonale est la calibration parfaite.",
                xTitle: "Probabilité prédite", yTitle: "Taux observé", diagonalLabel: "Calibration parfaite", text: t,
                series: [
                    .init(label: "Hommes", points: [0.1, 0.3, 0.5, 0.7, 0.9].map { .init(predicted: $0, observed: $0 * 0.95, lower: $0 * 0.85, upper: min(1, $0 * 1.05)) }),
                    .init(label: "Femmes", points: [
                        .init(predicted: 0.1, observed: 0.16, lower: 0.1, upper: 0.22), .init(predicted: 0.3, observed: 0.38),
                        .init(predicted: 0.5, observed: nil, missing: .suppressed), .init(predicted: 0.7, observed: 0.74),
                        .init(predicted: 0.9, observed: 0.93),
                    ]),
                    .init(label: "Familles monoparentales", points: [.init(predicted: 0.2, observed: 0.12), .init(predicted: 0.6, observed: 0.5)]),
                ]))),
            ("Courbes de Lorenz de la consommation d'eau", SVGChart.lorenz(LorenzChart(
                id: "lorenz", title: "Courbes de Lorenz du volume d'eau facturé",
                description: "Part cumulée du volume d'eau selon la part cumulée des ménages, du plus petit au plus gros consommateur.",
                xTitle: "Part cumulée des ménages", yTitle: "Part cumulée du volume", equalityLabel: "Égalité", text: t,
                series: [
                    .init(label: "Compteur individuel", points: (1...20).map { k in
                        let p = Double(k) / 20
                        return .init(population: p, share: p * p * 0.7 + p * 0.3)
                    }, note: "Gini 0,23"),
                    .init(label: "Compteur collectif", points: (1...10).map { k in
                        let p = Double(k) / 10
                        return .init(population: p, share: p * p * p)
                    }, note: "Gini 0,50"),
                    .init(label: "Résidences secondaires", points: [], missing: .suppressed),
                ]))),
            ("Sensibilité de l'écart aux poids des critères", SVGChart.tornado(TornadoChart(
                id: "tornado", title: "Sensibilité de l'écart de taux aux poids des critères",
                description: "Écart de taux femmes–hommes quand le poids de chaque critère baisse ou monte de 10 %, trié du plus au moins influent.",
                axisTitle: "Écart de taux d'attribution (points)", text: t, baseline: -0.047, baselineLabel: "Grille actuelle",
                lowLabel: "Poids −10 %", highLabel: "Poids +10 %",
                rows: [
                    .init(label: "Ancienneté de la demande", low: -0.041, high: -0.052),
                    .init(label: "Violences conjugales", low: -0.061, high: -0.030),
                    .init(label: "Handicap", low: -0.046, high: -0.049),
                    .init(label: "Sur-occupation", low: nil, high: -0.044),
                ]))),
        ]
    }

    /// A standalone page: no script, no external resource, a Content-Security-Policy that
    /// forbids every fetch (so the browser check proves nothing is requested).
    static func page() -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Vigie — graphiques d'exemple</title>
        <style>
        body { font-family: sans-serif; max-width: 46rem; margin: 1rem auto; padding: 0 1rem; color: #222; }
        figure { margin: 1.5rem 0; break-inside: avoid; }
        figcaption { font-weight: bold; margin-bottom: 0.4rem; }
        svg.vigie-chart { display: block; width: 100%; height: auto; }
        </style>
        </head>
        <body>
        <main>
        <h1>Vigie — les sept graphiques</h1>
        <p>Page de test générée par <code>ChartSampleTests</code> ; données fictives.</p>

        """
        for chart in charts() {
            html += "<figure>\n<figcaption>\(XMLEscape.text(chart.caption))</figcaption>\n\(chart.svg)</figure>\n"
        }
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    @Test func everySampleChartParsesWithMarks() throws {
        for chart in Self.charts() {
            let tree = try SVGTree.parse(chart.svg)
            #expect(!tree.marks.isEmpty, "\(chart.caption)")
            #expect(!tree.missingTexts.isEmpty, "\(chart.caption)")
            #expect(!chart.svg.contains("<script"))
        }
        // Decimal commas throughout, as the text asks.
        #expect(Self.charts()[0].svg.contains("41,2 %"))
    }

    @Test func committedSampleIsCurrent() throws {
        let page = Self.page()
        #expect(page == Self.page())
        if ProcessInfo.processInfo.environment["VIGIE_UPDATE_CHART_SAMPLE"] == "1" {
            try Data(page.utf8).write(to: Self.url)
        }
        let committed = try String(contentsOf: Self.url, encoding: .utf8)
        #expect(committed == page, "Tests/browser/sample.html is stale: VIGIE_UPDATE_CHART_SAMPLE=1 swift test --filter ChartSampleTests")
    }
}
