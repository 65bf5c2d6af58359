import AuditData

/// The spec's `scan:` block (`docs/scan.md`, `docs/spec.md`): the audit also looks for groups
/// no one declared where the decision treats people worse (``BiasScan``), with the same meaning
/// as `vigie scan`'s flags. What is scanned follows from the rest of the spec:
/// - with a grid (`model:`) and the audit's decision column: the applicants the grid selects,
///   on whether the decision kept them, and the others, on whether it added them;
/// - with a grid and its dates, when `relative_wait` is asked: the allocated applicants, on
///   their wait relative to applicants of similar score (`docs/scan.md`, "relative wait");
/// - without a grid: the declared `outcome` column (a number, higher = better) over everyone.
///
/// The disclosure threshold is the spec's `min_cell_size`.
public struct ScanSpec: Sendable, Equatable {
    /// The columns to scan on (`on:`), never a protected attribute unless `allowProtected`.
    public var columns: [String]
    /// The decision column (`decision:`): with a grid; in an audit spec, the audit's decision column.
    public var decision: String?
    /// Without a grid: the outcome column, a number, higher = better (`outcome:`).
    public var outcome: String?
    /// With a grid and dates: scan the wait relative to applicants of similar score (`relative_wait: true`).
    public var relativeWait: Bool
    /// The seed of the split into halves and of k-means (`seed:`, default 1).
    public var seed: UInt64
    /// The smallest cluster the discovery may form (`min_cluster_size:`); by default
    /// ``BiasScan/minimumClusterSize(discoveryRows:minimumCellSize:)``; never below the disclosure threshold.
    public var minClusterSize: Int?
    /// Significance of the candidates and of the held-out test after Bonferroni (`alpha:`, default 0.05).
    public var alpha: Double
    /// Scanning on a protected attribute must be asked for (`allow_protected: true`): the
    /// scan is for groups no one declared.
    public var allowProtected: Bool

    public init(columns: [String], decision: String? = nil, outcome: String? = nil, relativeWait: Bool = false, seed: UInt64 = 1,
                minClusterSize: Int? = nil, alpha: Double = 0.05, allowProtected: Bool = false) {
        self.columns = columns
        self.decision = decision
        self.outcome = outcome
        self.relativeWait = relativeWait
        self.seed = seed
        self.minClusterSize = minClusterSize
        self.alpha = alpha
        self.allowProtected = allowProtected
    }

    /// Checks what the block alone can (the keys as `scan.on`, `scan.alpha`, …): at least one
    /// column, each once, never the decision or the outcome; protected attributes only when
    /// allowed; a minimum cluster size no smaller than the disclosure threshold `minCellSize`;
    /// alpha strictly between 0 and 1.
    public func validate(protected: [String], minCellSize: Int) throws(SpecError) {
        guard !columns.isEmpty else { throw SpecError(key: "scan.on", problem: .sentence(.scanNoColumn, arguments: [:])) }
        var seen = Set<String>()
        for (i, c) in columns.enumerated() {
            guard seen.insert(c).inserted else { throw SpecError(key: "scan.on[\(i + 1)]", problem: .sentence(.specColumnGivenTwice, arguments: ["column": "\(c)"])) }
            if c == decision { throw SpecError(key: "scan.on[\(i + 1)]", problem: .sentence(.scanIsDecision, arguments: ["column": "\(c)"])) }
            if c == outcome { throw SpecError(key: "scan.on[\(i + 1)]", problem: .sentence(.scanIsOutcome, arguments: ["column": "\(c)"])) }
            if !allowProtected, protected.contains(c) {
                throw SpecError(key: "scan.on[\(i + 1)]", problem: .sentence(.scanProtectedSpec, arguments: ["column": "\(c)"]))
            }
        }
        if let m = minClusterSize, m < max(1, minCellSize) {
            throw SpecError(key: "scan.min_cluster_size", problem: .sentence(.scanClusterSpec, arguments: ["threshold": "\(max(1, minCellSize))", "found": "\(m)"]))
        }
        guard alpha > 0, alpha < 1 else { throw SpecError(key: "scan.alpha", problem: .sentence(.specBetweenZeroOne, arguments: ["found": "\(alpha)"])) }
    }
}
