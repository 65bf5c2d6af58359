/// An ISO `YYYY-MM-DD` date column (`ColumnRequest.Kind.date`): each row's text as a code
/// (`GroupColumn`, missing values coded `unknownCode`) and each distinct text read once as
/// days since 1970-01-01 (`ISODate.days`). An unreadable date is not an error here: the
/// analysis reading the column decides (`WaitingDates` refuses one on any row, an
/// explanation only on allocated applications).
public struct DateColumn: Sendable, Equatable {
    /// The texts, coded.
    public let texts: GroupColumn
    /// Days since 1970-01-01 of each code; nil for the missing code and for text that is not a date.
    public let daysOfCode: [Int?]

    public init(texts: GroupColumn) {
        self.texts = texts
        self.daysOfCode = texts.groups.indices.map { code in
            UInt32(code) == texts.unknownCode ? nil : ISODate.days(texts.groups[code])
        }
    }

    /// Whether row `row` has no value.
    public func isMissing(_ row: Int) -> Bool { texts.codes[row] == texts.unknownCode }

    /// The text of row `row` as written; nil when missing.
    public func text(_ row: Int) -> String? { texts.value(row) }

    /// Days since 1970-01-01 of row `row`; nil when missing or not a date.
    public func days(_ row: Int) -> Int? { daysOfCode[Int(texts.codes[row])] }
}
