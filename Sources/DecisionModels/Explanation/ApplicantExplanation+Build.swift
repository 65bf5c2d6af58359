import AuditData
import LinearAlgebra

extension ApplicantExplanation {
    /// Days per month for waits in months: `ISODate.daysPerMonth` (365.25 / 12).
    public static var daysPerMonth: Double { ISODate.daysPerMonth }

    /// Explains the grid's treatment of applicant `id` in `csvPath`.
    ///
    /// Two passes over the file: one reads the id column (refusing a repeated
    /// id, naming both lines), the applicant's values and, when the grid
    /// declares `dates:`, the waits of allocated applications; then
    /// ``GridDesign/load(grid:csvPath:dialect:)`` scores every application
    /// (BLAS) and ``GridAllocation`` ranks them within segments. Each criterion's
    /// points are recomputed from the applicant's value by
    /// ``GridCriterion/exactPoints(forRawValue:)`` (in decimal) and must add up exactly
    /// to the grid's score (``GridDesign/exactScores()``).
    ///
    /// - Parameter minimumWaitCount: the average wait is given only over at least
    ///   this many comparable allocated applications (default 10).
    /// - Throws: ``ExplanationError`` (unknown id, repeated id, bad date), and
    ///   the `CSVError`/`SpecError` of reading the data against the grid.
    public static func explain(grid: PointsGrid, csvPath: String, id: String, dialect: CSVDialect = CSVDialect(),
                               minimumWaitCount: Int = 10) throws -> ApplicantExplanation {
        let scan = try ExplanationScan.read(grid: grid, csvPath: csvPath, id: id, dialect: dialect)
        let design = try GridDesign.load(grid: grid, csvPath: csvPath, dialect: dialect)
        guard let row = design.ids.firstIndex(of: id) else {
            throw ExplanationError.unknownID(id: id, file: csvPath, idColumn: grid.idColumn)
        }
        let exact = try design.exactScores()
        let scores = exact.points.storage
        let result = try GridAllocation.allocate(scores: scores, design: design, rule: grid.allocation ?? .threshold(.infinity))

        let (criteria, groups) = try applyCriteria(grid: grid, scan: scan)
        // The sum in decimal, as the grid scores it: exactly equal to the BLAS score.
        var exactSum = GridDecimal(significand: 0, decimals: 0)
        for c in criteria {
            guard let points = GridDecimal(c.countedPoints), let next = exactSum.adding(points) else {
                throw ExplanationError.inconsistent("criterion '\(c.name)' gives \(c.countedPoints) points, not a decimal that adds up exactly")
            }
            exactSum = next
        }
        let sum = exactSum.doubleValue
        let total = grid.minimumScore.map { max($0, sum) } ?? sum
        let operations = ExplanationOperations(sum: sum, minimumScore: grid.minimumScore,
                                               floorApplied: grid.minimumScore.map { sum < $0 } ?? false, total: total)
        guard total == scores[row] else {
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
            applicantID: id, line: scan.line, gridName: grid.name, role: grid.role, data: scan.dataItems(grid: grid),
            criteria: criteria, groups: groups, operations: operations, standing: standing,
            wait: scan.wait(minimumCount: minimumWaitCount), scoreDecimals: exact.decimals)
    }

    /// Each criterion's points for the applicant's values, then the exclusive groups
    /// (the highest member counts; the first declared on a tie).
    static func applyCriteria(grid: PointsGrid, scan: ExplanationScan) throws -> ([ExplanationCriterion], [ExplanationGroup]) {
        let groupOf = grid.groupOfCriterion
        var criteria: [ExplanationCriterion] = []
        for (c, criterion) in grid.criteria.enumerated() {
            let raw = scan.value(of: criterion.column)
            let number = scan.number(of: criterion.column)
            // Numeric criteria read the number as the loader parsed it (decimal comma honoured).
            let normalized: String? = criterion.isNumeric ? number.map { String($0) } : raw
            guard let points = criterion.exactPoints(forRawValue: normalized)?.doubleValue else {
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
