import AuditData
import LinearAlgebra

extension ApplicantExplanation {
    /// Days per month for waits in months: `ISODate.daysPerMonth` (365.25 / 12).
    public static var daysPerMonth: Double { ISODate.daysPerMonth }

    /// Explains the grid's treatment of applicant `id` in `csvPath`: reads the file once
    /// (``columnRequests(grid:)``) and explains from the store (``explain(grid:store:id:minimumWaitCount:)``).
    ///
    /// - Throws: as ``explain(grid:store:id:minimumWaitCount:)``, and the `CSVError`s of
    ///   reading the data against the grid (a repeated id names both lines).
    public static func explain(grid: PointsGrid, csvPath: String, id: String, dialect: CSVDialect = CSVDialect(),
                               minimumWaitCount: Int = 10) throws -> ApplicantExplanation {
        let store = try DataLoader.load(path: csvPath, dialect: dialect, requests: columnRequests(grid: grid))
        return try explain(grid: grid, store: store, id: id, minimumWaitCount: minimumWaitCount)
    }

    /// The columns an explanation reads: the grid's (``PointsGrid/columnRequests``), the text
    /// of every column it shows, and the `dates:` columns.
    public static func columnRequests(grid: PointsGrid) -> [ColumnRequest] {
        ExplanationColumns(grid: grid).requests(grid: grid)
    }

    /// Explains the grid's treatment of applicant `id`, from a store read with
    /// ``columnRequests(grid:)``.
    ///
    /// The applicant's values of the columns the grid reads are taken as written;
    /// ``GridDesign/init(grid:store:)`` scores every application (BLAS) and
    /// ``GridAllocation`` ranks them within segments; when the grid declares `dates:`,
    /// the waits of the allocated applications of the applicant's segment are averaged.
    /// Each criterion's points are recomputed from the applicant's value by
    /// ``GridCriterion/points(forRawValue:)`` and must add up to the BLAS score.
    ///
    /// - Parameter minimumWaitCount: the average wait is given only over at least
    ///   this many comparable allocated applications (default 10).
    /// - Throws: ``ExplanationError`` (unknown id, bad date), and the errors of
    ///   ``GridDesign/init(grid:store:)``.
    public static func explain(grid: PointsGrid, store: ColumnStore, id: String, minimumWaitCount: Int = 10) throws -> ApplicantExplanation {
        let design = try GridDesign(grid: grid, store: store)
        guard let row = design.ids.firstIndex(of: id) else {
            throw ExplanationError.unknownID(id: id, file: store.source.path, idColumn: grid.idColumn)
        }
        let shown = ExplanationColumns(grid: grid)
        let values = shown.values(row: row, grid: grid, store: store)
        let waitDays = try ExplanationColumns.waitDays(grid: grid, store: store, segmentCodes: design.segmentCodes, segment: design.segmentCodes[row])
        let scores = try design.scores()
        let result = try GridAllocation.allocate(scores: scores, design: design, rule: grid.allocation ?? .threshold(.infinity))

        let (criteria, groups) = try applyCriteria(grid: grid, row: row, store: store)
        let sum = criteria.reduce(0) { $0 + $1.countedPoints }
        let total = grid.minimumScore.map { max($0, sum) } ?? sum
        let operations = ExplanationOperations(sum: sum, minimumScore: grid.minimumScore,
                                               floorApplied: grid.minimumScore.map { sum < $0 } ?? false, total: total)
        guard abs(total - scores[row]) <= 1e-9 * max(1, abs(total)) else {
            throw ExplanationError.inconsistent("the criteria add up to \(total) but the grid scores \(scores[row])")
        }

        let segment = Int(design.segmentCodes[row])
        let comparable = design.segmentCodes.reduce(0) { $0 + (Int($1) == segment ? 1 : 0) }
        let capacity = design.capacities?[segment]
        let limit: Int? = switch grid.allocation {
        case .capacity: capacity
        case .proposals(_, let perUnit): capacity.map { $0 * perUnit }
        case .threshold, nil: nil
        }
        let standing = ExplanationStanding(
            segmentColumns: grid.segmentBy, segmentValues: design.segmentLabels[segment], comparableCount: comparable,
            rank: result.rank(row), tieBreak: grid.tieBreak, rule: grid.allocation, capacity: capacity,
            selectionLimit: limit, selected: grid.allocation == nil ? nil : result.isSelected(row))

        return ApplicantExplanation(
            applicantID: id, line: store.rowLines.line(ofRow: row), gridName: grid.name, role: grid.role,
            data: shown.dataItems(grid: grid, values: values),
            criteria: criteria, groups: groups, operations: operations, standing: standing,
            wait: ExplanationWait(waitDays: waitDays, minimumCount: minimumWaitCount))
    }

    /// Each criterion's points for the applicant's values, then the exclusive groups
    /// (the highest member counts; the first declared on a tie).
    static func applyCriteria(grid: PointsGrid, row: Int, store: ColumnStore) throws -> ([ExplanationCriterion], [ExplanationGroup]) {
        let groupOf = grid.groupOfCriterion
        var criteria: [ExplanationCriterion] = []
        for (c, criterion) in grid.criteria.enumerated() {
            let raw = store.categories[criterion.column]?.value(row)
            let number = store.numbers[criterion.column].flatMap { $0[row].isNaN ? nil : $0[row] }
            // Numeric criteria read the number as the loader parsed it (decimal comma honoured).
            let normalized: String? = criterion.isNumeric ? number.map { String($0) } : raw
            guard let points = criterion.points(forRawValue: normalized) else {
                throw ExplanationError.inconsistent("criterion '\(criterion.name)' has no points for value '\(raw ?? "")'")
            }
            var cap: ExplanationCap?
            var matched: String?
            switch criterion.kind {
            case .perUnit(let perUnit, let capPoints):
                if let capPoints, let number {
                    let capUnits = capPoints / abs(perUnit)
                    cap = ExplanationCap(units: number, unitsCounted: min(number, capUnits), capUnits: capUnits, capPoints: capPoints)
                }
            case .category(let levels):
                matched = levels.first { $0.value == raw }?.value
            case .bands(let bands):
                matched = number.flatMap { x in bands.first { $0.contains(x) }?.interval }
            case .flag:
                break
            }
            criteria.append(ExplanationCriterion(
                name: criterion.name, labelFR: criterion.labelFR, labelEN: criterion.labelEN, column: criterion.column,
                kind: criterion.kind, value: raw,
                missingGivesZero: raw == nil, points: points, counted: true, countedPoints: points,
                group: groupOf[c], cap: cap, matched: matched))
        }
        var groups: [ExplanationGroup] = []
        for group in grid.exclusiveGroups {
            var best = group.members[0]
            for c in group.members.dropFirst() where criteria[c].points > criteria[best].points { best = c }
            for c in group.members where c != best {
                criteria[c].counted = false
                criteria[c].countedPoints = 0
            }
            groups.append(ExplanationGroup(name: group.name, members: group.members, countedMember: best, points: criteria[best].points))
        }
        return (criteria, groups)
    }
}
