/// The physical line (1-based, as an editor shows it) on which each data row starts, kept
/// compactly: rows usually follow each other one line apart, so only the rows where that
/// numbering jumps (an empty line skipped, a quoted field spanning lines) are stored.
///
/// `line(ofRow: r) = line_k + (r − row_k)` for the last jump `k` with `row_k ≤ r`. An
/// analysis that checks values after the load locates its errors with it.
package struct RowLines: Sendable, Equatable {
    /// Rows where the numbering restarts, ascending, and the line of each.
    private var rows: [Int] = []
    private var lines: [Int] = []
    /// Rows recorded so far.
    package private(set) var count = 0
    /// The line of the last row recorded.
    private var last = 0

    /// Rows starting at `firstLine`, one line apart (the usual file).
    package init(firstLine: Int = 2, count: Int = 0) {
        rows = [0]
        lines = [firstLine]
        self.count = count
        self.last = firstLine + count - 1
    }

    /// Records the next row, which starts on `line`.
    mutating func append(_ line: Int) {
        if count == 0 {
            lines[0] = line
        } else if line != last + 1 {
            rows.append(count)
            lines.append(line)
        }
        last = line
        count += 1
    }

    /// Records the rows of `other` after these: the rows of the segment that follows, read
    /// by another thread with lines counted from 0 at its start, which is on line
    /// `lineOffset`. The result is what recording each row in turn would give.
    mutating func append(_ other: RowLines, lineOffset: Int) {
        guard other.count > 0 else { return }
        let base = count
        append(other.lines[0] + lineOffset)
        for k in 1..<other.rows.count {
            rows.append(base + other.rows[k])
            lines.append(other.lines[k] + lineOffset)
        }
        count = base + other.count
        last = other.last + lineOffset
    }

    /// The line on which row `row` (0-based, in file order) starts.
    package func line(ofRow row: Int) -> Int {
        // The last jump at or before `row` (binary search).
        var lo = 0, hi = rows.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if rows[mid] <= row { lo = mid } else { hi = mid }
        }
        return lines[lo] + (row - rows[lo])
    }
}
