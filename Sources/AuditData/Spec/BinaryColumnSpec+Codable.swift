/// A yes/no column in a spec: its name, or `{column, positive | threshold}`; written as the
/// mapping in every view.
extension BinaryColumnSpec: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case column, positive, threshold
    }

    public init(from decoder: Decoder) throws {
        if let column = try? decoder.singleValueContainer().decode(String.self) {
            self.init(column: column)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(column: try c.decode(String.self, forKey: .column, missing: "missing: name the column"),
                  positive: try c.decodeIfPresent(String.self, forKey: .positive),
                  threshold: try c.decodeIfPresent(Double.self, forKey: .threshold))
        if positive != nil && threshold != nil { throw c.failure("give either 'positive' or 'threshold', not both") }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(column, forKey: .column)
        try c.encodeIfPresent(positive, forKey: .positive)
        try c.encodeIfPresent(threshold, forKey: .threshold)
    }
}
