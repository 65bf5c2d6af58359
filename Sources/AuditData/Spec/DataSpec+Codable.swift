extension DataSpec: ClosedKeyMapping, Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case path = "data"
        case csv, protected, label, decision, score, weight, allocation
        case rankBy = "rank_by"
        case income
        case maxGroups = "max_groups"
    }

    public static var mappingKeys: [String] { CodingKeys.names }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            path: try c.decodeIfPresent(String.self, forKey: .path),
            csv: try c.decode(CSVDialect.self, forKey: .csv, default: CSVDialect()),
            protected: try c.decode([ProtectedAttributeSpec].self, forKey: .protected, default: [], expected: "expected a list of attributes"),
            label: try c.decodeIfPresent(BinaryColumnSpec.self, forKey: .label),
            decision: try c.decodeIfPresent(BinaryColumnSpec.self, forKey: .decision),
            score: try c.decodeIfPresent(String.self, forKey: .score),
            weight: try c.decodeIfPresent(String.self, forKey: .weight),
            allocation: try c.decodeIfPresent(AllocationSpec.self, forKey: .allocation),
            rankBy: try c.decodeIfPresent(String.self, forKey: .rankBy),
            income: try c.decodeIfPresent(String.self, forKey: .income),
            maxGroups: try c.decodeIfPresent(Int.self, forKey: .maxGroups)
        )
    }

    /// Every key in both views, but the data path only in the file's (the report names the
    /// data file by its base name, in `input`).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if encoder.specView == .file { try c.encodeIfPresent(path, forKey: .path) }
        try c.encode(csv, forKey: .csv)
        try c.encode(protected, forKey: .protected)
        try c.encodeIfPresent(label, forKey: .label)
        try c.encodeIfPresent(decision, forKey: .decision)
        try c.encodeIfPresent(score, forKey: .score)
        try c.encodeIfPresent(weight, forKey: .weight)
        try c.encodeIfPresent(allocation, forKey: .allocation)
        try c.encodeIfPresent(rankBy, forKey: .rankBy)
        try c.encodeIfPresent(income, forKey: .income)
        try c.encodeIfPresent(maxGroups, forKey: .maxGroups)
    }
}
