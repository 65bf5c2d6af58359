import AuditData

/// The columns an explanation shows and reads, and the applicant's values of them, taken
/// from the data store: the columns the grid reads (in order of first use, with their
/// uses), each one's text as written, and the waits of the allocated applications of the
/// applicant's segment. Keeps no other applicant's id or value.
struct ExplanationColumns {
    /// Columns read, in order of first use, with their uses.
    let columns: [(name: String, uses: [String])]

    /// The columns `grid` reads, in order of first use: id, criteria, segments, tie-break
    /// keys, the capacity column, the dates.
    init(grid: PointsGrid) {
        var columns: [(name: String, uses: [String])] = []
        func use(_ name: String, _ what: String) {
            if let i = columns.firstIndex(where: { $0.name == name }) {
                if !columns[i].uses.contains(what) { columns[i].uses.append(what) }
            } else {
                columns.append((name, [what]))
            }
        }
        use(grid.idColumn, "id")
        for criterion in grid.criteria { use(criterion.column, "criterion") }
        for column in grid.segmentBy { use(column, "segment") }
        for key in grid.tieBreak.dropLast() { use(key.column, "tie_break") }
        if let column = grid.capacityColumn { use(column, "capacity") }
        if let dates = grid.dates {
            use(dates.application, "dates")
            use(dates.allocation, "dates")
        }
        self.columns = columns
    }

    /// The store requests: the grid's, every shown column's text (a category; the id is
    /// the grid's identifier), and the dates.
    func requests(grid: PointsGrid) -> [ColumnRequest] {
        var requests = grid.columnRequests
        for column in columns where column.name != grid.idColumn {
            requests.append(ColumnRequest(column.name, .category, reader: "the grid"))
        }
        if let dates = grid.dates {
            requests.append(ColumnRequest(dates.application, .date, reader: "the grid"))
            requests.append(ColumnRequest(dates.allocation, .date, reader: "the grid"))
        }
        return requests
    }

    /// The applicant's value of each column as written (`nil` = missing).
    func values(row: Int, grid: PointsGrid, store: ColumnStore) -> [String?] {
        columns.map { column in
            column.name == grid.idColumn ? store.identifiers[column.name]?[row] : store.categories[column.name]?.value(row)
        }
    }

    /// The data items of the explanation (CRPA R311-3-1-2 2°), with the declared sources.
    func dataItems(grid: PointsGrid, values: [String?]) -> [ExplanationDataItem] {
        columns.enumerated().map { i, column in
            let declared = grid.dataSources.first { $0.column == column.name }
            return ExplanationDataItem(column: column.name, source: declared?.source, description: declared?.description,
                                       value: values[i], uses: column.uses)
        }
    }

    /// Waits in days of the allocated applications of segment `segment`; `nil` without `dates:`.
    /// Every allocated application (of any segment) must have an application date, both
    /// dates must be real `YYYY-MM-DD` dates and the allocation must not precede the application.
    static func waitDays(grid: PointsGrid, store: ColumnStore, segmentCodes: [Int32], segment: Int32) throws -> [Int]? {
        guard let names = grid.dates else { return nil }
        guard let filed = store.dates[names.application], let allocated = store.dates[names.allocation] else {
            throw SpecError(key: "dates", problem: .sentence(.gridDatesNotRead, arguments: ["name": "\(grid.name)"]))
        }
        func bad(_ row: Int, _ column: String, _ message: String) -> ExplanationError {
            .badDate(file: store.source.path, line: store.rowLines.line(ofRow: row), column: column, message: message)
        }
        var waits: [Int] = []
        for row in 0..<store.rowCount where !allocated.isMissing(row) {
            guard let applicationText = filed.text(row) else {
                throw bad(row, names.application, "missing application date on an allocated application")
            }
            guard let start = filed.days(row) else {
                throw bad(row, names.application, "expected a date YYYY-MM-DD, found '\(applicationText)'")
            }
            let allocationText = allocated.text(row) ?? ""
            guard let end = allocated.days(row) else {
                throw bad(row, names.allocation, "expected a date YYYY-MM-DD, found '\(allocationText)'")
            }
            guard end >= start else {
                throw bad(row, names.allocation, "allocation date \(allocationText) precedes the application date \(applicationText)")
            }
            if segmentCodes[row] == segment { waits.append(end - start) }
        }
        return waits
    }
}
