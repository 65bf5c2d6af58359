/// Waiting times in ascending order (``WaitingOrder``, ``WaitingTimes``), held by runs of
/// equal times when that is smaller: each distinct time once, with the position just past
/// its last row (issue 21, memory at 10 million rows).
///
/// **Why.** Sorted, the waits of a waiting list repeat: in days, a few thousand distinct values
/// over millions of applicants. Held as one `Double` per row they took 80 MB at 10 million
/// applicants, alive through the whole model audit; by runs, 12 bytes per distinct time
/// (a value and a 4-byte end), some 60 KB. A list of mostly distinct times (waits to the
/// second) stays one `Double` per row: runs are kept only when `12 · runs < 8 · count`.
///
/// **Exact.** A run is a stretch of times with the same bit pattern, so every position reads
/// back the very `Double` it held (`time(at:)`); the walk of the survival statistics
/// (`WaitingTimes.forEachTime`) reads each position's time through a cursor that only moves
/// forward (its positions ascend), and compares them as it did on the array.
struct SortedTimes: Sendable {
    /// The times, one per run (`ends` non-nil) or one per position (`ends` nil).
    let values: [Double]
    /// The position just past each run's last row: run `j` holds positions
    /// `ends[j − 1] ..< ends[j]` (from 0 for the first); nil when every position is held.
    let ends: [Int32]?
    /// Number of positions.
    let count: Int

    /// The times of `sorted` (ascending; at most `Int32.max` of them), by runs when smaller:
    /// the runs written in one pass over `sorted` (the times gathered from scattered rows once),
    /// which stops at the run that makes them no smaller; the times are then one per position.
    init<Times: RandomAccessCollection>(_ sorted: Times) where Times.Element == Double, Times.Index == Int {
        count = sorted.count
        var values: [Double] = [], ends: [Int32] = []
        var byRuns = count > 0 && count <= Int(Int32.max)
        if byRuns {
            for (i, t) in sorted.enumerated() {
                if let last = values.last, last.bitPattern == t.bitPattern {
                    ends[ends.count - 1] = Int32(i + 1)
                    continue
                }
                guard 12 * (values.count + 1) < 8 * count else {
                    byRuns = false
                    break
                }
                values.append(t)
                ends.append(Int32(i + 1))
            }
        }
        guard byRuns else {
            self.values = Array(sorted)
            self.ends = nil
            return
        }
        self.values = values
        self.ends = ends
    }

    /// The time at `position` (a binary search over the runs: for tests and single reads;
    /// the walk reads positions in order through a cursor).
    func time(at position: Int) -> Double {
        precondition(position >= 0 && position < count, "a position in the list")
        guard let ends else { return values[position] }
        var lo = 0, hi = ends.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(ends[mid]) <= position { lo = mid + 1 } else { hi = mid }
        }
        return values[lo]
    }

    /// Whether the times are held by runs (for tests and the memory figures).
    var isByRuns: Bool { ends != nil }
}
