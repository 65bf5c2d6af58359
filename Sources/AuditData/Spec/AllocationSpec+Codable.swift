/// An allocation in a spec: its column's name, or `{column, need, per}`; written as the
/// mapping in every view.
extension AllocationSpec: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case column, need, per
    }

    public init(from decoder: Decoder) throws {
        if let column = try? decoder.singleValueContainer().decode(String.self) {
            self.init(column: column)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(column: try c.decode(String.self, forKey: .column, missing: "missing: name the allocation column"),
                  need: try c.decodeIfPresent(String.self, forKey: .need), per: try c.decodeIfPresent(String.self, forKey: .per))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(column, forKey: .column)
        try c.encodeIfPresent(need, forKey: .need)
        try c.encodeIfPresent(per, forKey: .per)
    }
}
