/// Validated times to allocation with right censoring, grouped, sorted once by time (a stable
/// radix sort, ``StableRadixSort``: the order of a comparison sort by (time, row), in linear time).
///
/// Per applicant: a waiting time (days or months, ≥ 0) and an event flag — 1 allocated at that
/// time, 0 still waiting (censored at that time). Rows with group code −1 are excluded.
public struct WaitingTimes: Sendable {
    public let groupLabels: [String]
    /// The caller's arrays, by input row: shared with the caller, not copied (a model audit
    /// analyses one list per protected attribute over the same million times).
    let time: [Double]
    let event: [UInt8]
    let groups: [Int32]
    /// The input row index of each analysed row, in ascending time (ties by row index): the
    /// caller's shared order itself when no row is excluded.
    let sortedRows: [Int32]
    /// Rows given (analysed and excluded).
    let inputRows: Int
    public let excluded: Int

    /// Every row, by ascending `time` (ties by row index): what ``init(groups:groupLabels:time:event:order:)``
    /// takes to skip its own sort when several groupings of the same rows are analysed.
    public static func ascendingOrder(time: [Double]) -> [Int32] {
        StableRadixSort.ascending((0..<Int32(clamping: time.count)).map { $0 }) { time[$0] }
    }

    /// - Parameter order: ``ascendingOrder(time:)`` of `time`, when the caller has it (the rows
    ///   analysed are then taken from it in its order: a stable sort of a subset is the sorted
    ///   whole with the other rows left out, so the result is the same).
    /// - Throws: ``WaitingListInputError`` naming the first invalid row.
    public init(groups: [Int32], groupLabels: [String], time: [Double], event: [UInt8], order ascending: [Int32]? = nil) throws {
        guard time.count == groups.count else { throw WaitingListInputError.lengthMismatch(argument: "time", expected: groups.count, found: time.count) }
        guard event.count == groups.count else { throw WaitingListInputError.lengthMismatch(argument: "event", expected: groups.count, found: event.count) }
        guard groups.count <= StableRadixSort.maximumCount else {
            throw WaitingListInputError.invalidParameter(name: "groups", expected: "at most \(StableRadixSort.maximumCount) rows")
        }
        let groupCount = groupLabels.count
        // The rows to sort, when no shared order is given.
        var rows: [Int32] = []
        if ascending == nil { rows.reserveCapacity(groups.count) }
        var excluded = 0
        for r in 0..<groups.count {
            let g = groups[r]
            guard g >= -1, Int(g) < groupCount else { throw WaitingListInputError.groupCodeOutOfRange(row: r, code: g, groupCount: groupCount) }
            guard time[r].isFinite, time[r] >= 0 else { throw WaitingListInputError.invalidTime(row: r, value: time[r]) }
            guard event[r] <= 1 else { throw WaitingListInputError.invalidEvent(row: r, value: event[r]) }
            if g < 0 { excluded += 1; continue }
            if ascending == nil { rows.append(Int32(r)) }
        }
        // Ascending time, ties by row index: a stable radix sort over rows in index order, or
        // the shared order with the left-out rows dropped (itself when none is).
        if let ascending {
            precondition(ascending.count == time.count, "the order of every row")
            if excluded == 0 {
                self.sortedRows = ascending
            } else {
                var kept: [Int32] = []
                kept.reserveCapacity(groups.count - excluded)
                for r in ascending where groups[Int(r)] >= 0 { kept.append(r) }
                self.sortedRows = kept
            }
        } else {
            self.sortedRows = StableRadixSort.ascending(rows) { time[$0] }
        }
        self.groupLabels = groupLabels
        self.time = time
        self.event = event
        self.groups = groups
        self.inputRows = groups.count
        self.excluded = excluded
    }

    /// Analysed rows.
    public var count: Int { sortedRows.count }

    /// The analysed rows' times, events and group codes, in ascending time (each written out
    /// on the call: `count` values).
    var sortedTimes: [Double] { sortedRows.map { time[Int($0)] } }
    var sortedEvents: [UInt8] { sortedRows.map { event[Int($0)] } }
    var sortedGroups: [Int32] { sortedRows.map { groups[Int($0)] } }

    /// The (time, event) pairs of group `code` (all rows when nil), ascending in time.
    func rows(ofGroup code: Int?) -> (times: [Double], events: [UInt8]) {
        guard let code else { return (sortedTimes, sortedEvents) }
        var t: [Double] = [], e: [UInt8] = []
        for r in sortedRows where Int(groups[Int(r)]) == code {
            t.append(time[Int(r)])
            e.append(event[Int(r)])
        }
        return (t, e)
    }

    /// Every group's (time, event) pairs, ascending in time — `rows(ofGroup: g)` for each
    /// group `g` in code order, in two passes over the rows whatever the number of groups
    /// (one to size each group's lists, one to fill them).
    func rowsByGroup() -> [(times: [Double], events: [UInt8])] {
        var sizes = [Int](repeating: 0, count: groupLabels.count)
        for r in sortedRows { sizes[Int(groups[Int(r)])] += 1 }
        var split: [(times: [Double], events: [UInt8])] = sizes.map { size in
            var t: [Double] = [], e: [UInt8] = []
            t.reserveCapacity(size)
            e.reserveCapacity(size)
            return (t, e)
        }
        for r in sortedRows {
            let g = Int(groups[Int(r)])
            split[g].times.append(time[Int(r)])
            split[g].events.append(event[Int(r)])
        }
        return split
    }
}
