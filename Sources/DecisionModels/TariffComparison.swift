import AuditData
import AuditMetrics
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

    /// Compares the bills of two tariffs on the same households, overall and for each
    /// attribute of `store` (not intersections): weighted means when the store has weights.
    /// `billsA[r]`, `billsB[r]`: household r's bill under each tariff (nil where its volume is missing);
    /// `income`: the income column, if any (effort rates).
    public static func compare(store: ColumnStore, billsA: [WaterBill?], billsB: [WaterBill?], income: [Double]?) -> [Row] {
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
        return rows
    }

}
