/// Every row by ascending waiting time (ties by row index), with the times and events in that
/// order: sorted and gathered once, then shared by every grouping of the same rows
/// (``WaitingTimes/init(groups:groupLabels:order:)``). A model audit analyses the same million
/// waits by each protected attribute and each cell of the human stage: each grouping then
/// reads the times in order, without its own copy of them (issue 21: 13 bytes a row once,
/// instead of once per grouping, and no scattered reads of the times per grouping).
public struct WaitingOrder: Sendable {
    /// The rows, ascending in time (ties by row index): ``WaitingTimes/ascendingOrder(time:)``.
    public let rows: [Int32]
    /// `time[rows[i]]` and `event[rows[i]]`.
    let times: [Double]
    let events: [UInt8]
    /// The times and events by input row, as given (shared, not copied).
    let time: [Double]
    let event: [UInt8]

    /// The order of `time` (one per row), and `event` (1 allocated, 0 still waiting) beside it;
    /// the values are checked by each ``WaitingTimes`` built on it.
    /// - Throws: ``WaitingListInputError/lengthMismatch(argument:expected:found:)`` when `event`
    ///   has not one value per time.
    public init(time: [Double], event: [UInt8]) throws(WaitingListInputError) {
        guard event.count == time.count else { throw .lengthMismatch(argument: "event", expected: time.count, found: event.count) }
        let rows = WaitingTimes.ascendingOrder(time: time)
        self.rows = rows
        self.times = rows.map { time[Int($0)] }
        self.events = rows.map { event[Int($0)] }
        self.time = time
        self.event = event
    }

    /// Number of rows.
    public var count: Int { rows.count }
}
