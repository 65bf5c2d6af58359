/// A candidate cluster of ``BiasScan``: worse than the rest on the discovery half, then tested
/// on the held-out half.
public struct ScanCluster: Sendable, Equatable {
    /// Its leaf in the tree of bisections (the ``ScanResult/leafOfRow`` value of its applicants).
    public let node: Int
    /// Against the rest of the discovery half (how it was found; not a test).
    public let discovery: ScanComparison
    /// Against the rest of the held-out half: the reported size, difference, interval and p-value.
    public let heldOut: ScanComparison
    /// Bonferroni over the candidates tested.
    public let pAdjusted: Double
    /// Held-out difference below 0 with `pAdjusted` below alpha.
    public let reported: Bool
}
