import AuditData
import AuditMetrics

/// Times to allocation read from two date columns, with right censoring.
///
/// time = allocation date − application date (in months of 30.4375 days, 365.25 / 12, as `vigie explain`)
/// for an allocated applicant (event 1); as-of date − application date for one still waiting
/// (event 0, censored). The as-of date is the declared one, else the latest date in either
/// column. A missing or unreadable application date, an unreadable allocation date, an
/// allocation date before the application date, or an application after the as-of date, is
/// an error naming the line.
public struct WaitingDates: Sendable, Equatable {
    public let months: [Double]
    public let allocated: [UInt8]
    /// The censoring date, as written (`YYYY-MM-DD`).
    public let asOf: String

    /// The store requests for the two date columns.
    public static func columnRequests(application: String, allocation: String) -> [ColumnRequest] {
        [ColumnRequest(application, .date), ColumnRequest(allocation, .date)]
    }

    /// The waits of every row of `store`, read with ``columnRequests(application:allocation:)``.
    public init(store: ColumnStore, application: String, allocation: String, asOf declared: String?) throws {
        guard let filed = store.dates[application], let allocated = store.dates[allocation] else {
            throw ModelAuditError(.sentence(.modelDatesNotRead, arguments: ["application": "\(application)", "allocation": "\(allocation)", "source": "\(store.source.path)"]))
        }
        // Two passes over the dates, no list of them (issue 21: 24 bytes a row): the first
        // checks every row and finds the latest date, the second computes the waits.
        var latest = Int.min
        for row in 0..<store.rowCount {
            guard let d = filed.days(row) else {
                throw store.error(row: row, column: application, "expected an application date YYYY-MM-DD, found '\(filed.text(row) ?? "")'")
            }
            latest = max(latest, d)
            guard let e = allocated.text(row) else { continue }
            guard let d2 = allocated.days(row) else {
                throw store.error(row: row, column: allocation, "expected an allocation date YYYY-MM-DD or an empty field (still waiting), found '\(e)'")
            }
            guard d2 >= d else { throw store.error(row: row, column: allocation, "allocation date \(e) is before the application date \(filed.text(row) ?? "")") }
            latest = max(latest, d2)
        }
        var cutoff: Int
        var asOfText: String
        if let declared, let d = ISODate.days(declared) {
            cutoff = d
            asOfText = declared
        } else {
            cutoff = store.rowCount == 0 ? 0 : latest
            asOfText = ISODate.text(days: cutoff)
        }
        var months = [Double](), allocatedFlags = [UInt8]()
        months.reserveCapacity(store.rowCount)
        allocatedFlags.reserveCapacity(store.rowCount)
        for row in 0..<store.rowCount {
            let start = filed.days(row)!
            guard start <= cutoff else {
                throw ModelAuditError(.sentence(.modelDateAfterAsOf, arguments: ["source": "\(store.source.path)", "row": "\(row + 1)", "date": "\(asOfText)"]))
            }
            if allocated.text(row) != nil, let e = allocated.days(row), e <= cutoff {
                months.append(Double(e - start) / ISODate.daysPerMonth)
                allocatedFlags.append(1)
            } else {
                months.append(Double(cutoff - start) / ISODate.daysPerMonth)
                allocatedFlags.append(0)
            }
        }
        self.months = months
        self.allocated = allocatedFlags
        self.asOf = asOfText
    }
}

extension WaitingOrder {
    /// The order of `waiting`'s times, with its allocation flags as events (its lists are
    /// released with it: the order keeps its own, sorted).
    /// - Throws: ``WaitingListInputError`` naming the first invalid row (none for dates read by ``WaitingDates``).
    init(waiting: consuming WaitingDates) throws {
        try self.init(time: waiting.months, event: waiting.allocated)
    }
}
