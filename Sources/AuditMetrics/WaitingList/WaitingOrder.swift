/// Every row by ascending waiting time (ties by row index), with the times and events in that
/// order: checked, sorted and gathered once, then shared by every grouping of the same rows
/// (``WaitingTimes/init(groups:groupLabels:order:)``). A model audit analyses the same million
/// waits by each protected attribute and each cell of the human stage: each grouping then
/// reads the times in order, without its own copy of them (issue 21: 5 bytes a row once —
/// the row and its event; the times by runs of equal values, ``SortedTimes`` — instead of 13
/// bytes a row once, and no scattered reads of the times per grouping). The
/// times and events by row are not kept: the caller may release them once the order is built.
public struct WaitingOrder: Sendable {
    /// The rows, ascending in time (ties by row index): ``WaitingTimes/ascendingOrder(time:)``.
    public let rows: [Int32]
    /// `time[rows[i]]` (by runs when smaller: ``SortedTimes``) and `event[rows[i]]`.
    let times: SortedTimes
    let events: [UInt8]

    /// The order of `time` (one per row: finite, ≥ 0), and `event` (1 allocated, 0 still
    /// waiting) beside it.
    /// - Throws: ``WaitingListInputError`` naming the first invalid row:
    ///   ``WaitingListInputError/lengthMismatch(argument:expected:found:)`` when `event` has not
    ///   one value per time, `invalidTime`, `invalidEvent`, or more rows than
    ///   ``StableRadixSort/maximumCount``.
    public init(time: [Double], event: [UInt8]) throws(WaitingListInputError) {
        guard event.count == time.count else { throw .lengthMismatch(argument: "event", expected: time.count, found: event.count) }
        guard time.count <= StableRadixSort.maximumCount else {
            throw .invalidParameter(name: "time", expected: "at most \(StableRadixSort.maximumCount) rows")
        }
        for r in 0..<time.count { try WaitingTimes.checkWait(row: r, time: time[r], event: event[r]) }
        let rows = WaitingTimes.ascendingOrder(time: time)
        self.rows = rows
        self.times = SortedTimes(rows.lazy.map { time[Int($0)] })
        self.events = rows.map { event[Int($0)] }
    }

    /// Number of rows.
    public var count: Int { rows.count }
}
