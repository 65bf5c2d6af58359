import AuditData

/// Calendar arithmetic for the housing fixture's `date_depot` / `date_attribution`
/// columns (proleptic Gregorian calendar, days counted from 1970-01-01).
///
/// Months are counted as `year × 12 + (month − 1)`; the snapshot month is
/// December 2024, so an applicant with `anciennete_mois = a` filed in month
/// `snapshotMonth − a`, i.e. `a` is the number of whole months between
/// `date_depot` and 2024-12-31. Day conversion: H. Hinnant, *chrono-compatible
/// low-level date algorithms* (`days_from_civil` / `civil_from_days`).
enum HousingDates {
    /// December 2024 as `year × 12 + (month − 1)`: the date the seniority is measured at (2024-12-31).
    static let snapshotMonth = 2024 * 12 + 11
    /// 2025-01-01: allocations happen in the half-year after the snapshot.
    static let allocationStart = daysFromCivil(year: 2025, month: 1, day: 1)
    /// 2025-01-01 … 2025-06-30: 181 days.
    static let allocationWindowDays = 181

    /// Days since 1970-01-01 of a civil date (`ISODate.days(year:month:day:)`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int { ISODate.days(year: year, month: month, day: day) }

    /// The civil date of a day count (`ISODate.civil(fromDays:)`).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) { ISODate.civil(fromDays: days) }

    /// First day (days since 1970-01-01) of a month counted as `year × 12 + (month − 1)`.
    static func firstDay(ofMonth m: Int) -> Int {
        daysFromCivil(year: m / 12, month: m % 12 + 1, day: 1)
    }

    /// Number of days of a month counted as `year × 12 + (month − 1)`.
    static func daysIn(month m: Int) -> Int {
        firstDay(ofMonth: m + 1) - firstDay(ofMonth: m)
    }
}

extension CSVByteBuffer {
    /// Appends a day count (since 1970-01-01) as an ISO 8601 date `YYYY-MM-DD`.
    mutating func append(isoDate days: Int) {
        let (y, m, d) = HousingDates.civil(fromDays: days)
        append(unsigned: UInt64(y), minDigits: 4)
        append(byte: UInt8(ascii: "-"))
        append(unsigned: UInt64(m), minDigits: 2)
        append(byte: UInt8(ascii: "-"))
        append(unsigned: UInt64(d), minDigits: 2)
    }
}
