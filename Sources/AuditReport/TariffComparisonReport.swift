import AuditData
import DecisionModels
import Foundation

/// `compare.csv` and `compare.md` of `vigie compare --tariff A --tariff B`.
public enum TariffComparisonReport {
    /// `compare.csv`.
    public static func csv(_ rows: [TariffComparison.Row]) -> String {
        var out = TariffComparison.header.joined(separator: ",") + "\n"
        for r in rows {
            let numbers = [String(r.households), NumberFormat.exact(r.meanBillA), NumberFormat.exact(r.meanBillB),
                           NumberFormat.exact(r.meanChange), NumberFormat.exact(r.sharePayingMore), NumberFormat.exact(r.sharePayingLess),
                           r.effortAbove3pctA.map(NumberFormat.exact) ?? "", r.effortAbove3pctB.map(NumberFormat.exact) ?? ""]
            out += CSVText.line([CSVText.text(r.attribute), CSVText.text(r.group)] + numbers)
        }
        return out
    }

    /// `compare.md` as a document: the two tariffs, then the table in words.
    public static func document(_ rows: [TariffComparison.Row], names: (String, String), language: ReportLanguage = .en) -> ReportDocument {
        let t = ReportText(language)
        let header: [MessageKey] = [.compareColAttribute, .colGroup, .colHouseholds, .compareTariffColBillA, .compareTariffColBillB,
                                    .compareTariffColChange, .compareTariffColMore, .compareTariffColLess, .compareTariffColEffort]
        let table = ReportTable(
            caption: [.text(t(.compareTariffCaption))],
            header: header.map { [.text(t($0))] },
            numeric: [false, false, true, true, true, true, true, true, false],
            rows: rows.map { r in
                let effort = r.effortAbove3pctA.flatMap { a in r.effortAbove3pctB.map { t(.compareChange, ["from": t.percent(a), "to": t.percent($0)]) } } ?? ""
                return [[.label(r.attribute)], [.label(r.group)], [.text(t.count(r.households))], [.text(t.fixed(r.meanBillA, 2))],
                        [.text(t.fixed(r.meanBillB, 2))], [.text(t.signed(r.meanChange, 2))], [.text(t.percent(r.sharePayingMore))],
                        [.text(t.percent(r.sharePayingLess))], [.text(effort)]]
            })
        return ReportDocument(
            language: language, title: [.text(t(.compareTariffTitle))],
            preamble: [.paragraph(t.runs(.compareTariffIntro, ["a": .strong([.text(names.0)]), "b": .strong([.text(names.1)])])), .table(table)])
    }

    /// `compare.md`.
    public static func markdown(_ rows: [TariffComparison.Row], names: (String, String), language: ReportLanguage = .en) -> String {
        MarkdownReport.render(document(rows, names: names, language: language))
    }
}
