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

    /// `compare.md`: the same table in words.
    public static func markdown(_ rows: [TariffComparison.Row], names: (String, String)) -> String {
        var md = "# Tariff comparison\n\nA: **\(MarkdownReport.escapeText(names.0))**. B: **\(MarkdownReport.escapeText(names.1))**. The same households and volumes under both; bills in euros per year.\n\n"
        md += "| attribute | group | households | mean bill A | mean bill B | mean change | pay more | pay less | bill > 3 % income (A → B) |\n|---|---|---:|---:|---:|---:|---:|---:|---|\n"
        for r in rows {
            let effort = r.effortAbove3pctA.flatMap { a in r.effortAbove3pctB.map { "\(NumberFormat.percent(a)) → \(NumberFormat.percent($0))" } } ?? ""
            md += "| `\(MarkdownReport.escape(r.attribute))` | `\(MarkdownReport.escape(r.group))` | \(r.households) | \(NumberFormat.fixed(r.meanBillA, digits: 2)) | \(NumberFormat.fixed(r.meanBillB, digits: 2)) | \(r.meanChange >= 0 ? "+" : "")\(NumberFormat.fixed(r.meanChange, digits: 2)) | \(NumberFormat.percent(r.sharePayingMore)) | \(NumberFormat.percent(r.sharePayingLess)) | \(effort) |\n"
        }
        return md
    }
}
