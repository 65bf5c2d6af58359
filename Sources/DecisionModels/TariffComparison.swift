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
        /// Hidden by disclosure control (`SuppressionPlan`, the audit's `min_cell_size`): the
        /// row shows its households only. `nil` when published.
        public var suppression: SuppressedCell.Kind? = nil
        /// Unweighted counts behind the published shares, for the attribute-disclosure check.
        var profile: [Int] = []
    }

    public static let header = ["attribute", "group", "households", "bill_mean_a", "bill_mean_b", "bill_change_mean",
                                "share_paying_more", "share_paying_less", "effort_above_3pct_share_a", "effort_above_3pct_share_b", "suppressed"]

    /// Compares the bills of two tariffs on the same households, overall and for each
    /// attribute of `store` (not intersections): weighted means when the store has weights.
    /// `billsA[r]`, `billsB[r]`: household r's bill under each tariff (nil where its volume is missing);
    /// `income`: the income column, if any (effort rates). The rows go through the audit's
    /// disclosure control with threshold `minimumCellSize` (primary and complementary
    /// suppression, attribute disclosure: `SuppressionPlan`; 0 turns it off): a hidden row keeps
    /// its households and nothing else.
    public static func compare(store: ColumnStore, billsA: [WaterBill?], billsB: [WaterBill?], income: [Double]?, minimumCellSize: Int = 10) -> [Row] {
        func row(_ attribute: String, _ group: String, _ rows: [Int]) -> Row? {
            let usable = rows.filter { billsA[$0] != nil && billsB[$0] != nil }
            guard !usable.isEmpty else { return nil }
            var w = 0.0, sa = 0.0, sb = 0.0, more = 0.0, less = 0.0, wi = 0.0, ea = 0.0, eb = 0.0
            var counts = [Int](repeating: 0, count: 8)   // more, not more, less, not less, incomes above 3 % under A, B, not
            for r in usable {
                let weight = store.weight?[r] ?? 1
                let x = billsA[r]!.total, y = billsB[r]!.total
                w += weight; sa += weight * x; sb += weight * y
                if y > x + 0.01 { more += weight; counts[0] += 1 } else if y < x - 0.01 { less += weight; counts[2] += 1 }
                if let income, income[r].isFinite, income[r] > 0 {
                    wi += weight
                    if x / income[r] > AllocationAnalysis.affordabilityThreshold { ea += weight; counts[4] += 1 } else { counts[5] += 1 }
                    if y / income[r] > AllocationAnalysis.affordabilityThreshold { eb += weight; counts[6] += 1 } else { counts[7] += 1 }
                }
            }
            counts[1] = usable.count - counts[0]
            counts[3] = usable.count - counts[2]
            var row = Row(attribute: attribute, group: group, households: usable.count, meanBillA: sa / w, meanBillB: sb / w,
                       meanChange: (sb - sa) / w, sharePayingMore: more / w, sharePayingLess: less / w,
                       effortAbove3pctA: wi > 0 ? ea / wi : nil, effortAbove3pctB: wi > 0 ? eb / wi : nil)
            row.profile = counts
            return row
        }
        guard let all = row("overall", "all", Array(0..<store.rowCount)) else { return [] }
        var perAttribute: [[Row]] = []
        for column in store.attributes {
            var byGroup = [[Int]](repeating: [], count: column.groups.count)
            for r in 0..<store.rowCount { byGroup[Int(column.codes[r])].append(r) }
            perAttribute.append(column.groups.indices.compactMap { row(column.attribute, column.groups[$0], byGroup[$0]) })
        }
        // The published table's totals: each attribute's rows add up to the overall row.
        let plan = SuppressionPlan(tables: zip(store.attributes, perAttribute).map { column, rows in
                                       SuppressionPlan.Table(name: column.attribute, components: [column.attribute], counts: rows.map(\.households), profiles: rows.map(\.profile))
                                   },
                                   overallCount: all.households, overallProfile: all.profile, minimumCellSize: minimumCellSize)
        var rows = [all]
        rows[0].suppression = plan.suppressed[SuppressionPlan.Cell(table: -1, group: 0)]
        for (t, group) in perAttribute.enumerated() {
            for (g, var r) in group.enumerated() {
                r.suppression = plan.suppressed[SuppressionPlan.Cell(table: t, group: g)]
                rows.append(r)
            }
        }
        return rows
    }

}
