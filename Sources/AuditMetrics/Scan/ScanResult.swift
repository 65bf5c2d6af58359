/// What ``BiasScan/run(_:outcome:binary:options:)`` found in one scanned population.
public struct ScanResult: Sendable, Equatable {
    /// Applicants scanned, in the discovery half and in the held-out half.
    public let rows: Int
    public let discoveryRows: Int
    public let heldOutRows: Int
    public let minimumClusterSize: Int
    /// Splits kept, and leaves of the tree.
    public let splits: Int
    public let leaves: Int
    /// Leaves worse than the rest on the discovery half, and those among them too small on the held-out half to be tested.
    public let candidates: Int
    public let candidatesTooSmall: Int
    /// The candidates tested on the held-out half, in leaf order.
    public let clusters: [ScanCluster]
    /// The leaf of every scanned applicant (both halves), in the order of the rows given.
    public let leafOfRow: [Int]

    /// The clusters reported (held-out difference negative, significant after Bonferroni).
    public var reported: [ScanCluster] { clusters.filter(\.reported) }
}
