import AuditData

/// `scan: {on, decision, outcome, relative_wait, seed, min_cluster_size, alpha, allow_protected}`,
/// a mapping of its own (an unknown key is refused at its line and column); written in the
/// file's view only (`report.json` has its own `scan` object).
extension ScanSpec: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case columns = "on"
        case decision, outcome
        case relativeWait = "relative_wait"
        case seed
        case minClusterSize = "min_cluster_size"
        case alpha
        case allowProtected = "allow_protected"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let columns = try c.decode([String].self, forKey: .columns, missing: "missing: the columns to scan on (on: [COLUMN, …])",
                                   expected: "expected a list of column names")
        guard !columns.isEmpty else { throw c.failure(.columns, "expected at least one column to scan on") }
        let alpha = try c.decode(Double.self, forKey: .alpha, default: 0.05)
        guard alpha > 0, alpha < 1 else { throw c.failure(.alpha, "expected a number between 0 and 1, found \(alpha)") }
        let minClusterSize = try c.decodeIfPresent(Int.self, forKey: .minClusterSize)
        if let m = minClusterSize, m < 1 { throw c.failure(.minClusterSize, "expected a whole number of at least 1, found \(m)") }
        self.init(columns: columns, decision: try c.decodeIfPresent(String.self, forKey: .decision),
                  outcome: try c.decodeIfPresent(String.self, forKey: .outcome),
                  relativeWait: try c.decode(Bool.self, forKey: .relativeWait, default: false),
                  seed: try c.decode(UInt64.self, forKey: .seed, default: 1), minClusterSize: minClusterSize, alpha: alpha,
                  allowProtected: try c.decode(Bool.self, forKey: .allowProtected, default: false))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(columns, forKey: .columns)
        try c.encodeIfPresent(decision, forKey: .decision)
        try c.encodeIfPresent(outcome, forKey: .outcome)
        if relativeWait { try c.encode(relativeWait, forKey: .relativeWait) }
        try c.encode(seed, forKey: .seed)
        try c.encodeIfPresent(minClusterSize, forKey: .minClusterSize)
        try c.encode(alpha, forKey: .alpha)
        if allowProtected { try c.encode(allowProtected, forKey: .allowProtected) }
    }
}
