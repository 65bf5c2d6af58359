import AuditData
import AuditMetrics
import LinearAlgebra

/// Two points grids run on the same applicants (`vigie compare --model A --model B`,
/// `docs/model.md`, "Comparing two grids"): each grid scores and allocates under its own
/// rule, then ``GridComparisonRow`` compares selections, scores and ranks overall and
/// per group of each protected attribute.
///
/// When B can be expressed on A's design (same criteria features, groups and floor:
/// ``GridDesign/weights(of:)``) both are scored in one BLAS `dgemm`; otherwise B is
/// scored on its own design. B's design is always built (its segments, tie-break and
/// capacities), from the same store, and both must read the same id column.
public struct GridComparison: Sendable {
    /// The default `min_cell_size` (as the audit's): groups with fewer rows show their size only.
    public static let disclosureThreshold = 10

    public let nameA: String
    public let nameB: String
    /// Overall first, then each attribute (given order) and its groups (sorted).
    public let rows: [GridComparisonRow]
    /// Whether both grids were scored in one `dgemm` on A's design.
    public let sharedDesign: Bool
    /// The disclosure threshold applied (`min_cell_size`).
    public let minimumCellSize: Int

    public init(nameA: String, nameB: String, rows: [GridComparisonRow], sharedDesign: Bool, minimumCellSize: Int = disclosureThreshold) {
        self.nameA = nameA
        self.nameB = nameB
        self.rows = rows
        self.sharedDesign = sharedDesign
        self.minimumCellSize = minimumCellSize
    }

    /// The columns a comparison reads besides the protected attributes: both grids'.
    public static func columnRequests(gridA: PointsGrid, gridB: PointsGrid) -> [ColumnRequest] {
        gridA.columnRequests + gridB.columnRequests
    }

    /// Scores and allocates both grids on the applicants of `store` (read with
    /// ``columnRequests(gridA:gridB:)`` and the protected attributes as groups), and compares
    /// them overall and per group of each protected attribute (`store.attributes`).
    ///
    /// - Throws: the errors of ``GridDesign/init(grid:store:)`` and ``GridAllocation``;
    ///   `SpecError` when the two grids read other id columns.
    /// - Parameter minimumCellSize: the audit's `min_cell_size` (`--min-cell-size`): the rows go
    ///   through the same disclosure control (`SuppressionPlan`: primary, complementary and
    ///   attribute disclosure; 0 turns it off).
    public static func run(gridA: PointsGrid, gridB: PointsGrid, store: ColumnStore, minimumCellSize: Int = disclosureThreshold) throws -> GridComparison {
        let attributes = store.attributes
        let designA = try GridDesign(grid: gridA, store: store)
        let designB = try GridDesign(grid: gridB, store: store)
        guard designA.ids == designB.ids else {
            throw SpecError(key: "id", problem: .sentence(.gridIdColumns, arguments: ["a": "\(gridA.name)", "b": "\(gridB.name)", "id_a": "\(gridA.idColumn)", "id_b": "\(gridB.idColumn)"]))
        }
        let n = designA.rows
        let scoresA: [Double], scoresB: [Double], shared: Bool
        if let wB = try? designA.weights(of: gridB) {
            let both = try designA.scores(weights: Matrix(rows: wB.count, columns: 2, columnMajor: designA.weights + wB))
            scoresA = Array(both.storage[0..<n])
            scoresB = Array(both.storage[n..<(2 * n)])
            shared = true
        } else {
            scoresA = try designA.scores()
            scoresB = try designB.scores()
            shared = false
        }
        let allocationA = try GridAllocation.allocate(scores: scoresA, design: designA)
        let allocationB = try GridAllocation.allocate(scores: scoresB, design: designB)
        return GridComparison(nameA: gridA.name, nameB: gridB.name,
                              rows: compare(scoresA: scoresA, scoresB: scoresB, allocationA: allocationA, allocationB: allocationB,
                                            attributes: attributes, minimumCellSize: minimumCellSize),
                              sharedDesign: shared, minimumCellSize: minimumCellSize)
    }

    /// The rows from scores and allocations (one column each) and row-aligned attributes.
    public static func compare(scoresA: [Double], scoresB: [Double], allocationA: GridAllocationResult, allocationB: GridAllocationResult,
                               attributes: [GroupColumn], minimumCellSize: Int = disclosureThreshold) -> [GridComparisonRow] {
        let n = scoresA.count
        func row(_ attribute: String, _ group: String, _ members: [Int]) -> GridComparisonRow {
            var selA = 0, selB = 0, gain = 0, lose = 0
            var sumA = 0.0, sumB = 0.0, rankChange = 0.0
            for i in members {
                let a = allocationA.isSelected(i), b = allocationB.isSelected(i)
                if a { selA += 1 }
                if b { selB += 1 }
                if b && !a { gain += 1 }
                if a && !b { lose += 1 }
                sumA += scoresA[i]
                sumB += scoresB[i]
                rankChange += Double(allocationB.rank(i) - allocationA.rank(i))
            }
            let m = Double(members.count), empty = "empty group: n = 0"
            let rateA = MetricValue.ratio(Double(selA), m, reason: empty), rateB = MetricValue.ratio(Double(selB), m, reason: empty)
            let meanA = MetricValue.ratio(sumA, m, reason: empty), meanB = MetricValue.ratio(sumB, m, reason: empty)
            return GridComparisonRow(attribute: attribute, group: group, count: members.count, selectedA: selA, selectedB: selB,
                                     rateA: rateA, rateB: rateB, rateChange: GridGroupDisparity.difference(rateB, rateA),
                                     gainers: gain, losers: lose, meanScoreA: meanA, meanScoreB: meanB,
                                     meanScoreChange: GridGroupDisparity.difference(meanB, meanA),
                                     meanRankChange: .ratio(rankChange, m, reason: empty),
                                     suppressed: false)
        }
        var rows = [row("overall", "all", Array(0..<n))]
        var tables: [SuppressionPlan.Table] = []
        for attribute in attributes {
            var members = [[Int]](repeating: [], count: attribute.groups.count)
            for (i, code) in attribute.codes.enumerated() { members[Int(code)].append(i) }
            let groupRows = attribute.groups.indices.map { row(attribute.attribute, attribute.groups[$0], members[$0]) }
            rows += groupRows
            tables.append(SuppressionPlan.Table(name: attribute.attribute, components: [attribute.attribute], counts: groupRows.map(\.count),
                                                profiles: groupRows.map(\.disclosureProfile)))
        }
        // The audit's disclosure control on the published table (its totals: each attribute's
        // groups add up to the overall row).
        let plan = SuppressionPlan(tables: tables, overallCount: rows[0].count, overallProfile: rows[0].disclosureProfile, minimumCellSize: minimumCellSize)
        var index = 1
        if let kind = plan.suppressed[SuppressionPlan.Cell(table: -1, group: 0)] { rows[0] = rows[0].suppressed(kind) }
        for (t, attribute) in attributes.enumerated() {
            for g in attribute.groups.indices {
                if let kind = plan.suppressed[SuppressionPlan.Cell(table: t, group: g)] { rows[index] = rows[index].suppressed(kind) }
                index += 1
            }
        }
        return rows
    }
}
