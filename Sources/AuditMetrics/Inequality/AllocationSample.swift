/// A sample of non-negative allocations (water volumes, subsidies, bills) with optional weights,
/// sorted once.
///
/// The initialiser keeps the rows whose value and weight are both usable, sorts a copy in
/// ascending order of value (ties in their original order, so the order is deterministic), and
/// remembers each kept row's original position (for `Inequality.decompose`). Sorting costs
/// O(n log n); every index, curve and bootstrap replicate afterwards is O(n) on the sorted copy.
///
/// Rows:
/// * **missing** — value NaN or ±∞, or weight NaN: excluded and counted in `missing`;
/// * **weight 0** — excluded and not counted anywhere: such a row is not part of the population
///   and changes no index (counting it would make a zero allocation of weight 0 turn log-based
///   indices undefined);
/// * a negative or infinite weight is a programming error (precondition);
/// * a **negative value** is kept and flagged (`hasNegative`): every index is then undefined.
public struct AllocationSample: Sendable {
    /// Kept values, ascending.
    let values: [Double]
    /// Their weights (all 1 when unweighted), in the same order.
    let weights: [Double]
    /// Position of each kept row in the `values` array given to the initialiser.
    let originalIndex: [Int]
    /// Length of the `values` array given to the initialiser.
    let inputCount: Int
    /// Whether weights were given.
    public let isWeighted: Bool

    /// Rows kept (finite value, positive weight).
    public var count: Int { values.count }
    /// Rows excluded because the value was NaN or infinite, or the weight NaN.
    public let missing: Int
    /// `W = Σ w_i` over kept rows (their number when unweighted).
    public let totalWeight: Double
    /// `μ = Σ w_i x_i / W`; nil for an empty sample.
    public let mean: Double?
    /// Whether a kept row has value 0 (log-based indices are then undefined).
    public let hasZero: Bool
    /// Whether a kept row has a negative value (every index is then undefined).
    public let hasNegative: Bool

    /// - Parameters:
    ///   - values: allocations; NaN (or ±∞) marks a missing value.
    ///   - weights: optional survey or household weights, same length, finite and ≥ 0
    ///     (NaN = missing row).
    public init(values: [Double], weights: [Double]? = nil) {
        if let weights { precondition(weights.count == values.count, "AllocationSample: \(weights.count) weights for \(values.count) values") }
        var kept: [Int] = []
        kept.reserveCapacity(values.count)
        var missing = 0
        for i in values.indices {
            let x = values[i]
            let w = weights?[i] ?? 1
            if !x.isFinite || w.isNaN { missing += 1; continue }
            precondition(w >= 0 && w.isFinite, "AllocationSample: weight \(w) at row \(i) (weights must be finite and ≥ 0)")
            if w == 0 { continue }
            kept.append(i)
        }
        kept.sort { a, b in values[a] < values[b] || (values[a] == values[b] && a < b) }
        self.originalIndex = kept
        self.values = kept.map { values[$0] }
        self.weights = weights.map { w in kept.map { w[$0] } } ?? [Double](repeating: 1, count: kept.count)
        self.inputCount = values.count
        self.isWeighted = weights != nil
        self.missing = missing
        var total = 0.0, weighted = 0.0
        for i in self.values.indices {
            total += self.weights[i]
            weighted += self.weights[i] * self.values[i]
        }
        self.totalWeight = total
        self.mean = kept.isEmpty ? nil : weighted / total
        self.hasZero = self.values.contains(0)
        self.hasNegative = (self.values.first ?? 0) < 0
    }
}
