import AuditData

/// One pass over the data for an explanation: the applicant's values of the
/// columns the grid reads, and the waits of allocated applications of the
/// applicant's segment. Keeps no other applicant's id or value beyond the
/// duplicate check (ids → line, in memory only).
struct ExplanationScan {
    /// Columns read, in order of first use, with their uses.
    var columns: [(name: String, uses: [String])]
    /// The applicant's raw value of each column (`nil` = missing).
    var values: [String?]
    /// The applicant's value of each column as a number, when it is one.
    var numbers: [Double?]
    /// The applicant's line.
    var line: Int
    /// Waits in days of the allocated applications of the applicant's segment; `nil` without `dates:`.
    var waitDays: [Int]?

    func value(of column: String) -> String? {
        columns.firstIndex { $0.name == column }.flatMap { values[$0] }
    }

    func number(of column: String) -> Double? {
        columns.firstIndex { $0.name == column }.flatMap { numbers[$0] }
    }

    static func read(grid: PointsGrid, csvPath: String, id target: String, dialect: CSVDialect) throws -> ExplanationScan {
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
        switch grid.allocation {
        case .capacity(.fromData(let column)), .proposals(.fromData(let column), _): use(column, "capacity")
        default: break
        }
        if let dates = grid.dates {
            use(dates.application, "dates")
            use(dates.allocation, "dates")
        }

        let reader = try CSVReader(path: csvPath, dialect: dialect)
        var slots: [Int] = []
        for column in columns {
            guard let index = reader.header.firstIndex(of: column.name) else {
                throw CSVError(file: csvPath, line: 1, column: nil, columnName: column.name,
                               message: "the grid reads column '\(column.name)', which is not in the header; available columns: "
                                   + reader.header.map { "'\($0)'" }.joined(separator: ", "))
            }
            slots.append(index)
        }
        let segmentSlots = grid.segmentBy.map { name in columns.firstIndex { $0.name == name } ?? 0 }
        let dateSlots = grid.dates.map { dates in
            (columns.firstIndex { $0.name == dates.application } ?? 0, columns.firstIndex { $0.name == dates.allocation } ?? 0)
        }

        var lineOfID: [String: Int] = [:]
        var found: (line: Int, values: [String?], numbers: [Double?])?
        var allocatedWaits: [(segment: [String], days: Int)] = []
        try reader.forEachRow(selecting: slots) { row in
            let id = try row.validatedString(0)
            if let first = lineOfID[id] {
                throw ExplanationError.duplicatedID(id: id, file: csvPath, firstLine: first, secondLine: row.line(of: 0))
            }
            lineOfID[id] = row.line(of: 0)
            if id == target {
                found = (row.line, slots.indices.map { row.isMissing($0) ? nil : row.string($0) },
                         slots.indices.map { row.isMissing($0) ? nil : row.double($0) })
            }
            guard let (application, allocation) = dateSlots, !row.isMissing(allocation) else { return }
            let days = try waitDays(row, application: application, allocation: allocation, file: csvPath, columns: columns)
            allocatedWaits.append((segmentSlots.map { row.isMissing($0) ? "" : row.string($0) }, days))
        }
        guard let found else { throw ExplanationError.unknownID(id: target, file: csvPath, idColumn: grid.idColumn) }
        var waits: [Int]?
        if grid.dates != nil {
            let segment = segmentSlots.map { found.values[$0] ?? "" }
            waits = allocatedWaits.filter { $0.segment == segment }.map(\.days)
        }
        return ExplanationScan(columns: columns, values: found.values, numbers: found.numbers, line: found.line, waitDays: waits)
    }

    /// Days from the application date to the allocation date of one allocated row.
    private static func waitDays(_ row: CSVRow, application: Int, allocation: Int, file: String,
                                 columns: [(name: String, uses: [String])]) throws -> Int {
        func date(_ slot: Int) throws -> CivilDate {
            guard !row.isMissing(slot) else {
                throw ExplanationError.badDate(file: file, line: row.line(of: slot), column: columns[slot].name,
                                               message: "missing application date on an allocated application")
            }
            guard let date = CivilDate(iso: row.string(slot)) else {
                throw ExplanationError.badDate(file: file, line: row.line(of: slot), column: columns[slot].name,
                                               message: "expected a date YYYY-MM-DD, found '\(row.string(slot))'")
            }
            return date
        }
        let filed = try date(application), allocated = try date(allocation)
        guard allocated >= filed else {
            throw ExplanationError.badDate(file: file, line: row.line(of: allocation), column: columns[allocation].name,
                                           message: "allocation date \(row.string(allocation)) precedes the application date \(row.string(application))")
        }
        return allocated.dayNumber - filed.dayNumber
    }

    /// The data items of the explanation (CRPA R311-3-1-2 2°), with the declared sources.
    func dataItems(grid: PointsGrid) -> [ExplanationDataItem] {
        columns.enumerated().map { i, column in
            let declared = grid.dataSources.first { $0.column == column.name }
            return ExplanationDataItem(column: column.name, source: declared?.source, description: declared?.description,
                                       value: values[i], uses: column.uses)
        }
    }

    /// Mean and median wait in months, or why they are not given.
    func wait(minimumCount: Int) -> ExplanationWait {
        guard let waitDays else { return .notDeclared }
        guard waitDays.count >= max(minimumCount, 1) else { return .suppressed(count: waitDays.count, minimumCount: minimumCount) }
        let months = waitDays.sorted().map { Double($0) / ApplicantExplanation.daysPerMonth }
        let n = months.count
        let mean = months.reduce(0, +) / Double(n)
        let median = n % 2 == 1 ? months[n / 2] : (months[n / 2 - 1] + months[n / 2]) / 2
        return .available(count: n, meanMonths: mean, medianMonths: median)
    }
}
