/// ISO 8601 calendar dates (`YYYY-MM-DD`) as whole days since 1970-01-01, in the proleptic
/// Gregorian calendar — no time zone, no locale, so results do not depend on the machine.
/// The one calendar of Vigie: the spec's `as_of`, waiting times (`ModelAudit`), the
/// explanation's waits (`CivilDate`), the housing generator's dates.
///
/// Algorithms: `days_from_civil` and `civil_from_days` (H. Hinnant, "chrono-Compatible
/// Low-Level Date Algorithms", 2013), exact for every Gregorian date.
public enum ISODate {
    /// Days per month when waits are given in months: 365.25 / 12 (the waits of
    /// `vigie explain` and of the model audit's Kaplan–Meier curves).
    public static let daysPerMonth = 30.4375

    /// Days since 1970-01-01, or nil when `text` is not a valid `YYYY-MM-DD` date
    /// (exactly 4-2-2 digits, a real calendar day).
    public static func days(_ text: some StringProtocol) -> Int? {
        guard let (y, m, d) = civil(text) else { return nil }
        return days(year: y, month: m, day: d)
    }

    /// The year, month and day of `YYYY-MM-DD` text, or nil when it is not a real date.
    public static func civil(_ text: some StringProtocol) -> (year: Int, month: Int, day: Int)? {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var x = 0
            for i in r {
                guard u[i] >= UInt8(ascii: "0"), u[i] <= UInt8(ascii: "9") else { return nil }
                x = x * 10 + Int(u[i] - UInt8(ascii: "0"))
            }
            return x
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10), (1...12).contains(m), d >= 1,
              d <= daysIn(month: m, year: y) else { return nil }
        return (y, m, d)
    }

    /// Days in month `m` (1–12) of year `y`.
    public static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a civil date (`days_from_civil`).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01 (`civil_from_days`).
    public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `YYYY-MM-DD` of a day count since 1970-01-01 (years 0–9999).
    public static func text(days: Int) -> String {
        let (y, m, d) = civil(fromDays: days)
        func pad(_ x: Int, _ width: Int) -> String {
            let s = String(x)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }
}
