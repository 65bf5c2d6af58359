import AuditData
import DecisionModels

extension FixturePaths {
    /// The design of `grid` on `csvPath` and the `protected` columns as groups, read in one
    /// pass into one store (as the model audit and `vigie compare --model` read them).
    static func designAndGroups(grid: PointsGrid, csvPath: String, protected: [String]) throws -> (GridDesign, [GroupColumn]) {
        let requests = protected.map { ColumnRequest($0, .group(.none, mapping: [:])) } + grid.columnRequests
        let store = try DataLoader.load(path: csvPath, dialect: CSVDialect(), requests: requests)
        return (try GridDesign(grid: grid, store: store), store.attributes)
    }
}
