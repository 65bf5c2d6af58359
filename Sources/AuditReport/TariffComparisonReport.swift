import AuditData
import DecisionModels
import Foundation

/// `compare.csv` and `compare.md` of `vigie compare --tariff A --tariff B`.
public enum TariffComparisonReport {
    /// `compare.csv`.
    public static func csv(_ rows: [TariffComparison.Row]) -> String {
        var out = TariffComparison.header.joined(separator: ",") + "\n"
        for r in rows {
            // A row hidden by disclosure control keeps its households only.
            let numbers = r.suppression != nil ? [String(r.households), "", "", "", "", "", "", ""] : [
                String(r.households), NumberFormat.exact(r.meanBillA), NumberFormat.exact(r.meanBillB),
                NumberFormat.exact(r.meanChange), NumberFormat.exact(r.sharePayingMore), NumberFormat.exact(r.sharePayingLess),
                r.effortAbove3pctA.map(NumberFormat.exact) ?? "", r.effortAbove3pctB.map(NumberFormat.exact) ?? "",
            ]
            out += CSVText.line([CSVText.text(r.attribute), CSVText.text(r.group)] + numbers + [r.suppression?.rawValue ?? ""])
        }
        return out
    }

    /// `compare.md` as a document: the two tariffs, then the table in words.
    /// `minimumCellSize`: the threshold the rows were controlled with, for the note on hidden rows.
    public static func document(_ rows: [TariffComparison.Row], names: (String, String), language: ReportLanguage = .en, minimumCellSize: Int = 10) -> ReportDocument {
        let t = ReportText(language)
        let header: [MessageKey] = [.compareColAttribute, .colGroup, .colHouseholds, .compareTariffColBillA, .compareTariffColBillB,
                                    .compareTariffColChange, .compareTariffColMore, .compareTariffColLess, .compareTariffColEffort]
        let table = ReportTable(
            caption: [.text(t(.compareTariffCaption))],
            header: header.map { [.text(t($0))] },
            numeric: [false, false, true, true, true, true, true, true, false],
            rows: rows.map { r in
                if r.suppression != nil {
                    return [[.label(r.attribute)], [.label(r.group)], [.text(t.count(r.households))]] + Array(repeating: [ReportInline.text("—")], count: 6)
                }
                let effort = r.effortAbove3pctA.flatMap { a in r.effortAbove3pctB.map { t(.compareChange, ["from": t.percent(a), "to": t.percent($0)]) } } ?? ""
                return [[.label(r.attribute)], [.label(r.group)], [.text(t.count(r.households))], [.text(t.fixed(r.meanBillA, 2))],
                        [.text(t.fixed(r.meanBillB, 2))], [.text(t.signed(r.meanChange, 2))], [.text(t.percent(r.sharePayingMore))],
                        [.text(t.percent(r.sharePayingLess))], [.text(effort)]]
            })
        var preamble: [ReportBlock] = [.paragraph(t.runs(.compareTariffIntro, ["a": .strong([.text(names.0)]), "b": .strong([.text(names.1)])])), .table(table)]
        let hidden = rows.filter { $0.suppression != nil }
        if !hidden.isEmpty {
            preamble.append(.paragraph([.text(t(.compareTariffSuppressed, [
                "min": t.count(minimumCellSize), "primary": t.count(hidden.filter { $0.suppression == .primary }.count),
                "complementary": t.count(hidden.filter { $0.suppression != .primary }.count),
            ]))]))
        }
        return ReportDocument(language: language, title: [.text(t(.compareTariffTitle))], preamble: preamble)
    }

    /// `compare.md`.
    public static func markdown(_ rows: [TariffComparison.Row], names: (String, String), language: ReportLanguage = .en, minimumCellSize: Int = 10) -> String {
        MarkdownReport.render(document(rows, names: names, language: language, minimumCellSize: minimumCellSize))
    }
}
