import AuditData
import Testing

/// The calendar: day counts checked against Python's `datetime.date` (values in comments),
/// invalid dates refused, and day count ↔ text round trips over 1900–2100.
@Suite struct ISODateTests {
    @Test func dayCountsMatchPython() {
        // (date(y, m, d) - date(1970, 1, 1)).days
        #expect(ISODate.days("1970-01-01") == 0)
        #expect(ISODate.days("2000-03-01") == 11_017)
        #expect(ISODate.days("2025-06-30") == 20_269)
        #expect(ISODate.days("1900-03-01") == -25_508)
        #expect(ISODate.days("2400-02-29") == 157_113)
    }

    @Test func invalidDatesAreRefused() {
        for text in ["2023-02-29", "1900-02-29", "2024-13-01", "2024-04-31", "2024-2-01", "2024/02/01", "", "2024-02-01T00:00", "２０２４-01-01"] {
            #expect(ISODate.days(text) == nil, "\(text)")
        }
        #expect(ISODate.days("2024-02-29") != nil)
    }

    @Test func roundTrips() {
        for days in stride(from: ISODate.days(year: 1900, month: 1, day: 1), through: ISODate.days(year: 2100, month: 12, day: 31), by: 1) {
            let text = ISODate.text(days: days)
            guard ISODate.days(text) == days else {
                Issue.record("\(days) → \(text) → \(String(describing: ISODate.days(text)))")
                return
            }
        }
    }
}
