extension GroupCodes: Equatable {
    /// Equal when they hold the same codes, row by row, whatever their widths (a literal
    /// `[0, 1, 2]` equals a column of 3 groups, or of 300).
    public static func == (a: GroupCodes, b: GroupCodes) -> Bool {
        guard a.count == b.count else { return false }
        if a.shift == b.shift { return a.bytes == b.bytes }
        return a.elementsEqual(b)
    }
}
