extension Matrix: CustomStringConvertible {
    /// A row-by-row rendering for debugging, e.g. `Matrix 2×2 [[1.0, 2.0], [3.0, 4.0]]`.
    /// Large matrices are abbreviated to the first 8 rows and columns.
    public var description: String {
        let shownRows = min(rows, 8)
        let shownColumns = min(columns, 8)
        var lines: [String] = []
        for i in 0..<shownRows {
            var cells = (0..<shownColumns).map { "\(storage[i + $0 * rows])" }
            if columns > shownColumns { cells.append("…") }
            lines.append("[" + cells.joined(separator: ", ") + "]")
        }
        if rows > shownRows { lines.append("…") }
        return "Matrix \(rows)×\(columns) [" + lines.joined(separator: ", ") + "]"
    }
}
