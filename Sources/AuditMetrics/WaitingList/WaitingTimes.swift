/// Validated times to allocation with right censoring, grouped, sorted once by time (a stable
/// radix sort, ``StableRadixSort``: the order of a comparison sort by (time, row), in linear time).
///
/// Per applicant: a waiting time (days or months, ≥ 0) and an event flag — 1 allocated at that
/// time, 0 still waiting (censored at that time). Rows with group code −1 are excluded.
public struct WaitingTimes: Sendable {
    public let groupLabels: [String]
    /// Analysed rows in ascending time (ties by row index).
    let sortedTimes: [Double]
    let sortedEvents: [UInt8]
    let sortedGroups: [Int32]
    /// The input row index of each analysed row, same order.
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
        // the shared order with the left-out rows dropped (one pass, each list sized once).
        let order: [Int32]
        if let ascending {
            precondition(ascending.count == time.count, "the order of every row")
            let analysed = groups.count - excluded
            var kept: [Int32] = [], times: [Double] = [], events: [UInt8] = [], codes: [Int32] = []
            kept.reserveCapacity(analysed)
            times.reserveCapacity(analysed)
            events.reserveCapacity(analysed)
            codes.reserveCapacity(analysed)
            for r in ascending {
                let g = groups[Int(r)]
                guard g >= 0 else { continue }
                kept.append(r)
                times.append(time[Int(r)])
                events.append(event[Int(r)])
                codes.append(g)
            }
            order = kept
            self.sortedTimes = times
            self.sortedEvents = events
            self.sortedGroups = codes
        } else {
            order = StableRadixSort.ascending(rows) { time[$0] }
            self.sortedTimes = order.map { time[Int($0)] }
            self.sortedEvents = order.map { event[Int($0)] }
            self.sortedGroups = order.map { groups[Int($0)] }
        }
        self.groupLabels = groupLabels
        self.sortedRows = order
        self.inputRows = groups.count
        self.excluded = excluded
    }

    /// Analysed rows.
    public var count: Int { sortedTimes.count }

    /// The (time, event) pairs of group `code` (all rows when nil), ascending in time.
    func rows(ofGroup code: Int?) -> (times: [Double], events: [UInt8]) {
        guard let code else { return (sortedTimes, sortedEvents) }
        var t: [Double] = [], e: [UInt8] = []
        for i in 0..<count where Int(sortedGroups[i]) == code {
            t.append(sortedTimes[i])
            e.append(sortedEvents[i])
        }
        return (t, e)
    }

    /// Every group's (time, event) pairs, ascending in time — `rows(ofGroup: g)` for each
    /// group `g` in code order, in two passes over the rows whatever the number of groups
    /// (one to size each group's lists, one to fill them).
    func rowsByGroup() -> [(times: [Double], events: [UInt8])] {
        var sizes = [Int](repeating: 0, count: groupLabels.count)
        for g in sortedGroups { sizes[Int(g)] += 1 }
        var split: [(times: [Double], events: [UInt8])] = sizes.map { size in
            var t: [Double] = [], e: [UInt8] = []
            t.reserveCapacity(size)
            e.reserveCapacity(size)
            return (t, e)
        }
        for i in 0..<count {
            let g = Int(sortedGroups[i])
            split[g].times.append(sortedTimes[i])
            split[g].events.append(sortedEvents[i])
        }
        return split
    }
}
