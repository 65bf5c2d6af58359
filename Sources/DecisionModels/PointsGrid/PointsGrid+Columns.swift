import AuditData

extension PointsGrid {
    /// The columns the grid reads, as store requests: the id (an identifier), each
    /// criterion's column (a category for flags and categories, a number for per-unit and
    /// band criteria, missing refused unless the criterion declares `missing: 0`), the
    /// segment columns, the numeric tie-break keys and the `from_data` capacity column (0/1).
    /// ``GridDesign/init(grid:store:)`` builds the design from a store read with them.
    public var columnRequests: [ColumnRequest] {
        var requests = [ColumnRequest(idColumn, .identifier, reader: "the id")]
        for criterion in criteria {
            let who = "criterion '\(criterion.name)'"
            guard criterion.isNumeric else {
                requests.append(ColumnRequest(criterion.column, .category, reader: who))
                continue
            }
            let what = "criterion '\(criterion.name)' (\(criterion.kind.name))"
            requests.append(ColumnRequest(criterion.column, .number(NumberRule(
                missing: criterion.missingIsZero ? .kept(warning: nil) : .refused { _ in Self.missingMessage(what) },
                notANumber: { "expected a number for \(what), found '\($0)'" })), reader: who))
        }
        for column in segmentBy { requests.append(ColumnRequest(column, .category, reader: "allocation.segment_by")) }
        for key in tieBreak.dropLast() {
            let message: @Sendable (String) -> String = { "expected a number for tie-break key '\(key.column)', found '\($0)'" }
            requests.append(ColumnRequest(key.column, .number(NumberRule(missing: .refused(message), notANumber: message)), reader: "tie_break"))
        }
        if let column = capacityColumn {
            let message: @Sendable (String) -> String = { "expected 0 or 1 (an actual allocation) for the capacity column, found '\($0)'" }
            requests.append(ColumnRequest(column, .number(NumberRule(missing: .refused(message), notANumber: message, range: .zeroOrOne)),
                                          reader: "allocation.capacity.from_data"))
        }
        return requests
    }

    /// The column of actual allocations that sets the capacities (`capacity: {from_data: …}`), if any.
    var capacityColumn: String? {
        switch allocation {
        case .capacity(.fromData(let column)), .proposals(.fromData(let column), _): column
        default: nil
        }
    }

    /// The error for a missing value in a criterion that does not declare `missing: 0`.
    static func missingMessage(_ criterion: String) -> String {
        "missing value for \(criterion); declare `missing: 0` in the grid to give 0 points"
    }
}
