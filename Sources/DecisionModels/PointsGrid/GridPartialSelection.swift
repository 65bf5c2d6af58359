import AuditData

/// Who a grid selects, without ranking everyone (`docs/amend.md`, "Search"): the same set as
/// ``GridAllocation`` (score descending, then the tie-break, top `k_s` per segment; or
/// `score ≥ t`), found in linear expected time per segment by a selection of the `k`-th
/// largest score (Hoare's *find*, median-of-three pivot) instead of a sort.
///
/// With `T` the `k_s`-th largest score of segment `s`, every row scoring above `T` is selected,
/// and the remaining `k_s − |{score > T}|` places go to the rows scoring exactly `T` that come
/// first in the tie-break order — which is what the full ranking gives, since it orders equal
/// scores by the tie-break.
public struct GridPartialSelection: Sendable {
    /// Rows of each segment, in tie-break order.
    public let segmentRows: [[Int32]]
    /// Per segment, the number of rows selected (capacity or proposals); `nil` for a threshold rule.
    public let limits: [Int]?
    /// The threshold rule's threshold, in points.
    public let threshold: Double?

    /// The selection under `design`'s own rule and capacities.
    public init(design: GridDesign) throws {
        guard let rule = design.grid.allocation else {
            throw SpecError(key: "allocation", problem: .sentence(.gridNoAllocationRule, arguments: ["name": "\(design.grid.name)"]))
        }
        limits = try GridAllocation.selectionLimits(rule, design)
        if case .threshold(let t) = rule { self.threshold = t } else { self.threshold = nil }
        var order = [Int32](repeating: 0, count: design.rows)
        for i in 0..<design.rows { order[Int(design.tieRank[i])] = Int32(i) }
        var rows = [[Int32]](repeating: [], count: design.segmentLabels.count)
        for row in order { rows[Int(design.segmentCodes[Int(row)])].append(row) }
        segmentRows = rows
    }

    /// Sets `selected[i]` for every row (true when selected) for one score column of exact
    /// scores in units of 10^−`decimals` points (``GridScores/scaled``).
    public func select(scores: UnsafeBufferPointer<Double>, decimals: Int, into selected: UnsafeMutableBufferPointer<Bool>, scratch: inout [Double]) {
        // The threshold in the scores' units, exactly (it is a decimal with at most D decimals).
        let scaledThreshold = threshold.flatMap(GridDecimal.init).flatMap { $0.scaled(toDecimals: max(decimals, $0.decimals)) }.map(Double.init)
        for (s, members) in segmentRows.enumerated() {
            if let threshold = scaledThreshold {
                for row in members { selected[Int(row)] = scores[Int(row)] >= threshold }
                continue
            }
            let k = min(limits?[s] ?? 0, members.count)
            if k == 0 || k == members.count {
                for row in members { selected[Int(row)] = k > 0 }
                continue
            }
            scratch.removeAll(keepingCapacity: true)
            for row in members { scratch.append(scores[Int(row)]) }
            let t = Self.kthLargest(&scratch, k)
            var quota = k
            for row in members where scores[Int(row)] > t { quota -= 1 }
            for row in members {
                let x = scores[Int(row)]
                if x > t {
                    selected[Int(row)] = true
                } else if x == t && quota > 0 {
                    selected[Int(row)] = true
                    quota -= 1
                } else {
                    selected[Int(row)] = false
                }
            }
        }
    }

    /// The `k`-th largest value (1 ≤ k ≤ count); reorders `values`.
    static func kthLargest(_ values: inout [Double], _ k: Int) -> Double {
        var lo = 0, hi = values.count - 1
        let target = k - 1  // position in descending order
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            // Median of three as pivot.
            let a = values[lo], b = values[mid], c = values[hi]
            let pivot = max(min(a, b), min(max(a, b), c))
            var i = lo, j = hi
            while i <= j {
                while values[i] > pivot { i += 1 }
                while values[j] < pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if target <= j {
                hi = j
            } else if target >= i {
                lo = i
            } else {
                return values[target]
            }
        }
        return values[target]
    }
}
