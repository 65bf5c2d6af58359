import AuditData
import AuditMetrics
import DecisionModels
import Foundation

/// Two tariffs on the same households (`vigie compare --tariff A --tariff B`): who pays more,
/// who pays less, by group and by income decile, and how affordability changes.
public enum TariffComparison {
    /// One group's comparison.
    public struct Row: Sendable, Equatable {
        public let attribute: String
        public let group: String
        public let households: Int
        public let meanBillA: Double
        public let meanBillB: Double
        /// Mean of (bill B − bill A).
        public let meanChange: Double
        /// Shares of households whose bill rises (by more than one cent) or falls.
        public let sharePayingMore: Double
        public let sharePayingLess: Double
        /// Shares above 3 % of income under each tariff (nil without an income column).
        public let effortAbove3pctA: Double?
        public let effortAbove3pctB: Double?
    }

    public static let header = ["attribute", "group", "households", "bill_mean_a", "bill_mean_b", "bill_change_mean",
                                "share_paying_more", "share_paying_less", "effort_above_3pct_share_a", "effort_above_3pct_share_b"]

    /// Loads the data of `spec` and compares the two tariffs on it, overall and for each
    /// attribute (not intersections). Weighted means when the spec has weights.
    public static func run(spec: AuditSpec, tariffA: String, tariffB: String) throws -> (rows: [Row], names: (String, String)) {
        guard let meter = spec.tariff?.meter else { throw SpecError(key: "--meter", message: "name the meter-type column (--meter or tariff.meter)") }
        guard let allocation = spec.allocation else { throw SpecError(key: "--allocation", message: "name the volume column (--allocation)") }
        let a = try WaterTariff(contentsOfFile: tariffA), b = try WaterTariff(contentsOfFile: tariffB)
        let store = try DataLoader.load(spec)
        guard let volumes = store.numbers[allocation.column] else {
            throw SpecError(key: "allocation", message: "the volume column '\(allocation.column)' was not loaded")
        }
        let persons = allocation.per.flatMap { store.numbers[$0] }
        let billsA = try AllocationPipeline.bills(a, store: store, volumes: volumes, meterColumn: meter, persons: persons)
        let billsB = try AllocationPipeline.bills(b, store: store, volumes: volumes, meterColumn: meter, persons: persons)
        let income = spec.income.flatMap { store.numbers[$0] }
        func row(_ attribute: String, _ group: String, _ rows: [Int]) -> Row? {
            let usable = rows.filter { billsA[$0] != nil && billsB[$0] != nil }
            guard !usable.isEmpty else { return nil }
            var w = 0.0, sa = 0.0, sb = 0.0, more = 0.0, less = 0.0, wi = 0.0, ea = 0.0, eb = 0.0
            for r in usable {
                let weight = store.weight?[r] ?? 1
                let x = billsA[r]!.total, y = billsB[r]!.total
                w += weight; sa += weight * x; sb += weight * y
                if y > x + 0.01 { more += weight } else if y < x - 0.01 { less += weight }
                if let income, income[r].isFinite, income[r] > 0 {
                    wi += weight
                    if x / income[r] > AllocationAnalysis.affordabilityThreshold { ea += weight }
                    if y / income[r] > AllocationAnalysis.affordabilityThreshold { eb += weight }
                }
            }
            return Row(attribute: attribute, group: group, households: usable.count, meanBillA: sa / w, meanBillB: sb / w,
                       meanChange: (sb - sa) / w, sharePayingMore: more / w, sharePayingLess: less / w,
                       effortAbove3pctA: wi > 0 ? ea / wi : nil, effortAbove3pctB: wi > 0 ? eb / wi : nil)
        }
        var rows: [Row] = []
        if let all = row("overall", "all", Array(0..<store.rowCount)) { rows.append(all) }
        for column in store.attributes {
            var byGroup = [[Int]](repeating: [], count: column.groups.count)
            for r in 0..<store.rowCount { byGroup[Int(column.codes[r])].append(r) }
            for (c, label) in column.groups.enumerated() {
                if let r = row(column.attribute, label, byGroup[c]) { rows.append(r) }
            }
        }
        return (rows, (a.name, b.name))
    }

    /// `compare.csv`.
    public static func csv(_ rows: [Row]) -> String {
        var out = header.joined(separator: ",") + "\n"
        for r in rows {
            let fields = [r.attribute, r.group, String(r.households), NumberFormat.exact(r.meanBillA), NumberFormat.exact(r.meanBillB),
                          NumberFormat.exact(r.meanChange), NumberFormat.exact(r.sharePayingMore), NumberFormat.exact(r.sharePayingLess),
                          r.effortAbove3pctA.map(NumberFormat.exact) ?? "", r.effortAbove3pctB.map(NumberFormat.exact) ?? ""]
            out += fields.map(MetricsCSV.escape).joined(separator: ",") + "\n"
        }
        return out
    }

    /// `compare.md`: the same table in words.
    public static func markdown(_ rows: [Row], names: (String, String)) -> String {
        var md = "# Tariff comparison\n\nA: **\(MarkdownReport.escapeText(names.0))**. B: **\(MarkdownReport.escapeText(names.1))**. The same households and volumes under both; bills in euros per year.\n\n"
        md += "| attribute | group | households | mean bill A | mean bill B | mean change | pay more | pay less | bill > 3 % income (A → B) |\n|---|---|---:|---:|---:|---:|---:|---:|---|\n"
        for r in rows {
            let effort = r.effortAbove3pctA.flatMap { a in r.effortAbove3pctB.map { "\(NumberFormat.percent(a)) → \(NumberFormat.percent($0))" } } ?? ""
            md += "| `\(MarkdownReport.escape(r.attribute))` | `\(MarkdownReport.escape(r.group))` | \(r.households) | \(NumberFormat.fixed(r.meanBillA, digits: 2)) | \(NumberFormat.fixed(r.meanBillB, digits: 2)) | \(r.meanChange >= 0 ? "+" : "")\(NumberFormat.fixed(r.meanChange, digits: 2)) | \(NumberFormat.percent(r.sharePayingMore)) | \(NumberFormat.percent(r.sharePayingLess)) | \(effort) |\n"
        }
        return md
    }
}
