extension NumberColumn: Equatable {
    /// Equal when they hold the same values, row by row, bit for bit, whatever their forms: a
    /// NaN equals a NaN of the same payload (where `==` on `Double` says no), −0.0 differs from
    /// +0.0 (where `==` says yes). A column equals itself, and the store's equality
    /// (`ColumnStore`) tells a value changed in any way.
    public static func == (a: NumberColumn, b: NumberColumn) -> Bool {
        guard a.count == b.count else { return false }
        switch (a.storage, b.storage) {
        case (.coded(let codesA, let tableA), .coded(let codesB, let tableB)):
            // Same values in order of first appearance: same tables, then same codes.
            if tableA.elementsEqual(tableB, by: { $0.bitPattern == $1.bitPattern }) { return codesA == codesB }
        case (.dense(let valuesA), .dense(let valuesB)):
            return valuesA.elementsEqual(valuesB) { $0.bitPattern == $1.bitPattern }
        default:
            break
        }
        return a.elementsEqual(b) { $0.bitPattern == $1.bitPattern }
    }
}
