/// Validated times to allocation with right censoring, grouped, sorted once by time (a stable
/// radix sort, ``StableRadixSort``: the order of a comparison sort by (time, row), in linear time).
///
/// Per applicant: a waiting time (days or months, ≥ 0) and an event flag — 1 allocated at that
/// time, 0 still waiting (censored at that time). Rows with group code −1 are excluded.
public struct WaitingTimes: Sendable {
    public let groupLabels: [String]
    /// Analysed rows in ascending time (ties by row index): the shared ``WaitingOrder``'s own
    /// lists when no row is excluded.
    let sortedTimes: [Double]
    let sortedEvents: [UInt8]
    /// The input row index of each analysed row, same order.
    let sortedRows: [Int32]
    /// The group code of each input row, as given (shared with the caller, not copied).
    let groups: [Int32]
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
        let excluded = try Self.check(groups: groups, groupLabels: groupLabels, time: time, event: event)
        // Ascending time, ties by row index: a stable radix sort over the analysed rows in index
        // order, or the shared order with the left-out rows dropped.
        let order: [Int32]
        if let ascending {
            precondition(ascending.count == time.count, "the order of every row")
            order = excluded == 0 ? ascending : ascending.filter { groups[Int($0)] >= 0 }
        } else {
            order = StableRadixSort.ascending((0..<Int32(clamping: groups.count)).filter { groups[Int($0)] >= 0 }) { time[$0] }
        }
        self.init(groups: groups, groupLabels: groupLabels, excluded: excluded, sortedRows: order,
                  sortedTimes: order.map { time[Int($0)] }, sortedEvents: order.map { event[Int($0)] })
    }

    /// The rows of `order` grouped by `groups` (one code per row, −1 excluded): with no row
    /// excluded, the order's own sorted lists, shared; else those of the rows analysed.
    /// - Throws: ``WaitingListInputError`` naming the first invalid row.
    public init(groups: [Int32], groupLabels: [String], order: WaitingOrder) throws {
        let excluded = try Self.check(groups: groups, groupLabels: groupLabels, time: order.time, event: order.event)
        guard excluded > 0 else {
            self.init(groups: groups, groupLabels: groupLabels, excluded: 0, sortedRows: order.rows, sortedTimes: order.times, sortedEvents: order.events)
            return
        }
        var rows: [Int32] = [], times: [Double] = [], events: [UInt8] = []
        rows.reserveCapacity(groups.count - excluded)
        times.reserveCapacity(groups.count - excluded)
        events.reserveCapacity(groups.count - excluded)
        for (i, r) in order.rows.enumerated() where groups[Int(r)] >= 0 {
            rows.append(r)
            times.append(order.times[i])
            events.append(order.events[i])
        }
        self.init(groups: groups, groupLabels: groupLabels, excluded: excluded, sortedRows: rows, sortedTimes: times, sortedEvents: events)
    }

    private init(groups: [Int32], groupLabels: [String], excluded: Int, sortedRows: [Int32], sortedTimes: [Double], sortedEvents: [UInt8]) {
        self.groupLabels = groupLabels
        self.groups = groups
        self.inputRows = groups.count
        self.excluded = excluded
        self.sortedRows = sortedRows
        self.sortedTimes = sortedTimes
        self.sortedEvents = sortedEvents
    }

    /// Checks every row (group code, time, event) and counts the rows excluded (group −1).
    private static func check(groups: [Int32], groupLabels: [String], time: [Double], event: [UInt8]) throws -> Int {
        guard time.count == groups.count else { throw WaitingListInputError.lengthMismatch(argument: "time", expected: groups.count, found: time.count) }
        guard event.count == groups.count else { throw WaitingListInputError.lengthMismatch(argument: "event", expected: groups.count, found: event.count) }
        guard groups.count <= StableRadixSort.maximumCount else {
            throw WaitingListInputError.invalidParameter(name: "groups", expected: "at most \(StableRadixSort.maximumCount) rows")
        }
        let groupCount = groupLabels.count
        var excluded = 0
        for r in 0..<groups.count {
            let g = groups[r]
            guard g >= -1, Int(g) < groupCount else { throw WaitingListInputError.groupCodeOutOfRange(row: r, code: g, groupCount: groupCount) }
            guard time[r].isFinite, time[r] >= 0 else { throw WaitingListInputError.invalidTime(row: r, value: time[r]) }
            guard event[r] <= 1 else { throw WaitingListInputError.invalidEvent(row: r, value: event[r]) }
            if g < 0 { excluded += 1 }
        }
        return excluded
    }

    /// Analysed rows.
    public var count: Int { sortedRows.count }

    /// The group code of each analysed row, in ascending time (written out on the call).
    var sortedGroups: [Int32] { sortedRows.map { groups[Int($0)] } }

    /// The (time, event) pairs of group `code` (all rows when nil), ascending in time.
    func rows(ofGroup code: Int?) -> (times: [Double], events: [UInt8]) {
        guard let code else { return (sortedTimes, sortedEvents) }
        var t: [Double] = [], e: [UInt8] = []
        for i in 0..<count where Int(groups[Int(sortedRows[i])]) == code {
            t.append(sortedTimes[i])
            e.append(sortedEvents[i])
        }
        return (t, e)
    }

    /// Every group's (time, event) pairs, ascending in time — `rows(ofGroup: g)` for each
    /// group `g` in code order, in two passes over the rows whatever the number of groups
    /// (one to size each group's lists, one to fill them).
    func rowsByGroup() -> [(times: [Double], events: [UInt8])] {
        let groupCount = groupLabels.count
        var sizes = [Int](repeating: 0, count: groupCount)
        var times: [[Double]] = [], events: [[UInt8]] = []
        groups.withUnsafeBufferPointer { groups in
            for r in sortedRows { sizes[Int(groups[Int(r)])] += 1 }
            times = sizes.map { size in var t: [Double] = []; t.reserveCapacity(size); return t }
            events = sizes.map { size in var e: [UInt8] = []; e.reserveCapacity(size); return e }
            for i in 0..<sortedRows.count {
                let g = Int(groups[Int(sortedRows[i])])
                times[g].append(sortedTimes[i])
                events[g].append(sortedEvents[i])
            }
        }
        return (0..<groupCount).map { (times[$0], events[$0]) }
    }
}
