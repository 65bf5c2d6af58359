import AuditData

/// A calendar date read from ISO 8601 `YYYY-MM-DD` text, as a day count, for
/// waits between two dates (proleptic Gregorian calendar, no time zone).
///
/// `dayNumber` is days since 1970-01-01, by H. Hinnant's `days_from_civil`
/// algorithm ("chrono-Compatible Low-Level Date Algorithms", 2013).
public struct CivilDate: Sendable, Equatable, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Parses `YYYY-MM-DD` (exactly 4-2-2 digits, a real calendar day); `nil` otherwise.
    public init?(iso text: String) {
        guard let (y, m, d) = ISODate.civil(text) else { return nil }
        year = y
        month = m
        day = d
    }

    /// Days since 1970-01-01 (`ISODate.days(year:month:day:)`).
    public var dayNumber: Int { ISODate.days(year: year, month: month, day: day) }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }
}
