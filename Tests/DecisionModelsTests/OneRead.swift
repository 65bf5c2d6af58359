import AuditData
import DecisionModels

/// Reading a grid's design and protected groups together, as the model audit and
/// `vigie compare --model` do.
enum OneRead {
    /// The design of `grid` on `csvPath` and the `protected` columns as groups, read in one
    /// pass into one store.
    static func designAndGroups(grid: PointsGrid, csvPath: String, protected: [String]) throws -> (GridDesign, [GroupColumn]) {
        let requests = protected.map { ColumnRequest($0, .group(.none, mapping: [:])) } + grid.columnRequests
        let store = try DataLoader.load(path: csvPath, dialect: CSVDialect(), requests: requests)
        return (try GridDesign(grid: grid, store: store), store.attributes)
    }
}
