/// Validated times to allocation with right censoring, grouped, sorted once by time (a stable
/// radix sort, ``StableRadixSort``: the order of a comparison sort by (time, row), in linear time).
///
/// Per applicant: a waiting time (days or months, ≥ 0) and an event flag — 1 allocated at that
/// time, 0 still waiting (censored at that time). Rows with group code −1 are excluded.
///
/// **What is kept per row** (issue 21). Built on a shared ``WaitingOrder``, a grouping holds no
/// list of its own: it reads the order's rows, times and events and skips the rows it
/// excludes. Every statistic reads the rows once, by runs of equal time
/// (``forEachTime(at:_:)``), as counts: per distinct time and group, the allocations and the
/// rows leaving the risk set — the sufficient statistics of the Kaplan–Meier curves and of the
/// log-rank tests, which they compute in the same order of operations as from the rows.
public struct WaitingTimes: Sendable {
    public let groupLabels: [String]
    /// Rows in ascending time (ties by row index): the shared ``WaitingOrder``'s own lists,
    /// excluded rows included (skipped on reading), or the analysed rows alone when sorted here.
    let sortedTimes: SortedTimes
    let sortedEvents: [UInt8]
    /// The input row index of each row of the lists, same order.
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
                  sortedTimes: SortedTimes(order.lazy.map { time[Int($0)] }), sortedEvents: order.map { event[Int($0)] })
    }

    /// The rows of `order` grouped by `groups` (one code per row, −1 excluded), reading the
    /// order's lists without a copy, with rows excluded or not (the times and events were
    /// checked when the order was built).
    /// - Throws: ``WaitingListInputError`` naming the first invalid group code, or a length mismatch.
    public init(groups: [Int32], groupLabels: [String], order: WaitingOrder) throws {
        guard groups.count == order.count else { throw WaitingListInputError.lengthMismatch(argument: "groups", expected: order.count, found: groups.count) }
        let excluded = try Self.checkGroups(groups, groupLabels: groupLabels)
        self.init(groups: groups, groupLabels: groupLabels, excluded: excluded, sortedRows: order.rows, sortedTimes: order.times, sortedEvents: order.events)
    }

    private init(groups: [Int32], groupLabels: [String], excluded: Int, sortedRows: [Int32], sortedTimes: SortedTimes, sortedEvents: [UInt8]) {
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
        var excluded = 0
        for r in 0..<groups.count {
            if try checkGroup(row: r, code: groups[r], groupCount: groupLabels.count) { excluded += 1 }
            try checkWait(row: r, time: time[r], event: event[r])
        }
        return excluded
    }

    /// Checks every group code and counts the rows excluded (group −1).
    private static func checkGroups(_ groups: [Int32], groupLabels: [String]) throws -> Int {
        var excluded = 0
        for r in 0..<groups.count where try checkGroup(row: r, code: groups[r], groupCount: groupLabels.count) { excluded += 1 }
        return excluded
    }

    /// Checks row `row`'s group code (−1 or in `0..<groupCount`); true when it is excluded (−1).
    @inline(__always)
    private static func checkGroup(row: Int, code: Int32, groupCount: Int) throws(WaitingListInputError) -> Bool {
        guard code >= -1, Int(code) < groupCount else { throw .groupCodeOutOfRange(row: row, code: code, groupCount: groupCount) }
        return code < 0
    }

    /// Checks row `row`'s wait: a finite time ≥ 0 and an event 0 or 1 (``WaitingOrder`` too).
    @inline(__always)
    static func checkWait(row: Int, time: Double, event: UInt8) throws(WaitingListInputError) {
        guard time.isFinite, time >= 0 else { throw .invalidTime(row: row, value: time) }
        guard event <= 1 else { throw .invalidEvent(row: row, value: event) }
    }

    /// Analysed rows.
    public var count: Int { inputRows - excluded }

    /// Analysed rows per group code.
    var groupSizes: [Int] {
        var sizes = [Int](repeating: 0, count: groupLabels.count)
        groups.withUnsafeBufferPointer { groups in
            for g in groups where g >= 0 { sizes[Int(g)] += 1 }
        }
        return sizes
    }

    /// The positions in the sorted lists of the analysed rows (every position when none is
    /// excluded, or when the lists hold the analysed rows alone), ascending.
    var analysedPositions: [Int32] {
        guard sortedRows.count != count else { return (0..<Int32(sortedRows.count)).map { $0 } }
        return (0..<Int32(sortedRows.count)).filter { groups[Int(sortedRows[Int($0)])] >= 0 }
    }

    /// Walks the analysed rows by runs of equal time, ascending: once per distinct time, `body`
    /// gets the groups with rows at that time (in the order their first row comes), and per
    /// group code the time of its first row in the run (equal to the others' as a number), its
    /// allocations and its rows at that time (the entries of groups not listed are 0; the
    /// buffers are valid for the call only and reset after it). `positions`: ascending
    /// positions in the sorted lists (analysed rows only) to walk instead of every analysed
    /// row — one stratum's rows.
    func forEachTime(at positions: UnsafeBufferPointer<Int32>? = nil,
                     _ body: (_ touched: UnsafeBufferPointer<Int>, _ time: UnsafeBufferPointer<Double>,
                              _ events: UnsafeBufferPointer<Int>, _ removed: UnsafeBufferPointer<Int>) -> Void) {
        let groupCount = groupLabels.count
        // The per-group tallies in raw buffers: the walk reads and writes them for every row.
        let touched = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(groupCount, 1))
        let firstTime = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(groupCount, 1))
        let events = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(groupCount, 1))
        let removed = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(groupCount, 1))
        defer { touched.deallocate(); firstTime.deallocate(); events.deallocate(); removed.deallocate() }
        _ = firstTime.initialize(from: repeatElement(0, count: firstTime.count))
        _ = events.initialize(from: repeatElement(0, count: events.count))
        _ = removed.initialize(from: repeatElement(0, count: removed.count))
        let ends = sortedTimes.ends ?? []
        sortedTimes.values.withUnsafeBufferPointer { t in
            ends.withUnsafeBufferPointer { ends in
                sortedEvents.withUnsafeBufferPointer { e in
                    sortedRows.withUnsafeBufferPointer { rows in
                        groups.withUnsafeBufferPointer { groups in
                            Self.walk(positions, count: sortedTimes.count, t: t, ends: sortedTimes.isByRuns ? ends : nil, e: e, rows: rows, groups: groups,
                                      touched: touched, firstTime: firstTime, events: events, removed: removed, body)
                        }
                    }
                }
            }
        }
    }

    /// The loop of ``forEachTime(at:_:)``, on raw buffers only.
    /// `t` holds a time per position, or per run when `ends` is given (``SortedTimes``): position
    /// `i`'s time is then read through a cursor over the runs, which moves forward (the
    /// positions walked ascend; one that did not would start it again from the first run).
    private static func walk(_ positions: UnsafeBufferPointer<Int32>?, count: Int, t: UnsafeBufferPointer<Double>,
                             ends: UnsafeBufferPointer<Int32>?, e: UnsafeBufferPointer<UInt8>,
                             rows: UnsafeBufferPointer<Int32>, groups: UnsafeBufferPointer<Int32>,
                             touched: UnsafeMutableBufferPointer<Int>, firstTime: UnsafeMutableBufferPointer<Double>,
                             events: UnsafeMutableBufferPointer<Int>, removed: UnsafeMutableBufferPointer<Int>,
                             _ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<Double>, UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int>) -> Void) {
        let n = positions?.count ?? count
        var cursor = 0
        @inline(__always) func time(_ i: Int) -> Double {
            guard let ends else { return t[i] }
            // Positions ascend; one that does not (never, today) starts the cursor again.
            if cursor > 0, Int(ends[cursor &- 1]) > i { cursor = 0 }
            while Int(ends[cursor]) <= i { cursor &+= 1 }
            return t[cursor]
        }
        var k = 0
        while k < n {
            let run = time(positions.map { Int($0[k]) } ?? k)
            var touchedCount = 0
            while k < n {
                let i = positions.map { Int($0[k]) } ?? k
                let ti = time(i)
                guard ti == run else { break }
                let g = Int(groups[Int(rows[i])])
                k += 1
                guard g >= 0 else { continue }
                if removed[g] == 0 { touched[touchedCount] = g; touchedCount += 1; firstTime[g] = ti }
                removed[g] += 1
                events[g] += Int(e[i])
            }
            guard touchedCount > 0 else { continue }
            body(UnsafeBufferPointer(rebasing: touched[0..<touchedCount]), UnsafeBufferPointer(firstTime),
                 UnsafeBufferPointer(events), UnsafeBufferPointer(removed))
            for j in 0..<touchedCount { events[touched[j]] = 0; removed[touched[j]] = 0 }
        }
    }

    /// The Kaplan–Meier counts of the analysed rows, together and by group code: at each
    /// distinct time (ascending) where the curve has rows, the allocations and the rows leaving
    /// the risk set — in one walk of the rows whatever the number of groups.
    func countsByGroup() -> (overall: KaplanMeier.Counts, groups: [KaplanMeier.Counts]) {
        var overall = KaplanMeier.Counts()
        var groups = [KaplanMeier.Counts](repeating: KaplanMeier.Counts(), count: groupLabels.count)
        forEachTime { touched, time, events, removed in
            var eventsAll = 0, removedAll = 0
            for g in touched {
                groups[g].append(time: time[g], events: events[g], removed: removed[g])
                eventsAll += events[g]
                removedAll += removed[g]
            }
            overall.append(time: time[touched[0]], events: eventsAll, removed: removedAll)
        }
        return (overall, groups)
    }

    /// The analysed rows in the order of the lists (input row indices), their times and events,
    /// written out on each call: what the tests compare between a grouping's own sort and the
    /// shared order (the statistics walk the lists instead, ``forEachTime(at:_:)``).
    var analysedRows: [Int32] { analysedPositions.map { sortedRows[Int($0)] } }
    var analysedTimes: [Double] { analysedPositions.map { sortedTimes.time(at: Int($0)) } }
    var analysedEvents: [UInt8] { analysedPositions.map { sortedEvents[Int($0)] } }
    /// The group code of each analysed row, in ascending time (written out on the call).
    var sortedGroups: [Int32] { analysedRows.map { groups[Int($0)] } }
}
