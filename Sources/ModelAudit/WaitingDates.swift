import AuditData

/// Times to allocation read from two date columns, with right censoring.
///
/// time = allocation date − application date (in months of 30.4375 days, 365.25 / 12, as `vigie explain`)
/// for an allocated applicant (event 1); as-of date − application date for one still waiting
/// (event 0, censored). The as-of date is the declared one, else the latest date in either
/// column. An allocation date before the application date, or an application after the
/// as-of date, is an error naming the line.
public struct WaitingDates: Sendable, Equatable {
    public let months: [Double]
    public let allocated: [UInt8]
    /// The censoring date, as written (`YYYY-MM-DD`).
    public let asOf: String

    public static func load(csvPath: String, dialect: CSVDialect, application: String, allocation: String, asOf declared: String?) throws -> WaitingDates {
        let reader = try CSVReader(path: csvPath, dialect: dialect)
        let a = try reader.columnIndex(named: application), b = try reader.columnIndex(named: allocation)
        var start: [Int] = [], end: [Int?] = []
        try reader.forEachRow(selecting: [a, b]) { row in
            let s = row.string(0)
            guard let d = ISODate.days(s) else { throw row.error(0, "expected an application date YYYY-MM-DD, found '\(s)'") }
            start.append(d)
            if row.isMissing(1) {
                end.append(nil)
            } else {
                let e = row.string(1)
                guard let d2 = ISODate.days(e) else { throw row.error(1, "expected an allocation date YYYY-MM-DD or an empty field (still waiting), found '\(e)'") }
                guard d2 >= d else { throw row.error(1, "allocation date \(e) is before the application date \(s)") }
                end.append(d2)
            }
        }
        var cutoff: Int
        var asOfText: String
        if let declared, let d = ISODate.days(declared) {
            cutoff = d
            asOfText = declared
        } else {
            cutoff = max(start.max() ?? 0, end.compactMap { $0 }.max() ?? 0)
            asOfText = ISODate.text(days: cutoff)
        }
        if let late = start.firstIndex(where: { $0 > cutoff }) {
            throw ModelAuditError("\(csvPath): data row \(late + 1): the application date is after the as-of date \(asOfText)")
        }
        var months = [Double](), allocated = [UInt8]()
        months.reserveCapacity(start.count)
        for i in start.indices {
            if let e = end[i], e <= cutoff {
                months.append(Double(e - start[i]) / ISODate.daysPerMonth)
                allocated.append(1)
            } else {
                months.append(Double(cutoff - start[i]) / ISODate.daysPerMonth)
                allocated.append(0)
            }
        }
        return WaitingDates(months: months, allocated: allocated, asOf: asOfText)
    }
}
