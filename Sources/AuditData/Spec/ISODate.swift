/// ISO 8601 calendar dates (`YYYY-MM-DD`) as whole days since 1970-01-01, in the proleptic
/// Gregorian calendar — no time zone, no locale, so results do not depend on the machine.
public enum ISODate {
    /// Days since 1970-01-01, or nil when `text` is not a valid `YYYY-MM-DD` date.
    ///
    /// Formula: the days-from-civil algorithm (H. Hinnant, "chrono-Compatible Low-Level Date
    /// Algorithms", 2013), exact for every Gregorian date.
    public static func days(_ text: some StringProtocol) -> Int? {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == 45, u[7] == 45 else { return nil }  // '-'
        func number(_ r: Range<Int>) -> Int? {
            var x = 0
            for i in r {
                guard u[i] >= 48, u[i] <= 57 else { return nil }
                x = x * 10 + Int(u[i] - 48)
            }
            return x
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10), (1...12).contains(m), d >= 1 else { return nil }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard d <= lengths[m - 1] else { return nil }
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
