/// How a numeric protected attribute (age, income) is turned into groups.
public enum Binning: Sendable, Hashable {
    /// The column is categorical: each distinct value is a group.
    case none
    /// Fixed cut points `e1 < e2 < … < ek`: groups `<e1`, `[e1,e2)`, …, `>=ek`.
    /// Written `age:18,26,36,51,66` on the command line or `bands: [...]` in a spec.
    case bands([Double])
    /// `k` groups of (about) equal size, cut at the empirical quantiles of the column
    /// (type 7, as numpy's default); written `income:q4` or `quantiles: 4`.
    /// Tied cut points are merged, so fewer than `k` groups may result (reported as a warning).
    case quantiles(Int)
}
