extension IdentifierColumn: Equatable {
    /// Equal when they hold the same values, row by row (`String` equality).
    public static func == (a: IdentifierColumn, b: IdentifierColumn) -> Bool {
        if a.isASCII && b.isASCII { return a.ends == b.ends && a.bytes == b.bytes }
        return a.elementsEqual(b)
    }
}
