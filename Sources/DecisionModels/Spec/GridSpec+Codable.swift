import AuditData

/// `{grid, application_date, allocation_date, as_of}`; the report does not write it (its
/// `model` section describes the grid).
extension GridSpec: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case path = "grid"
        case applicationDate = "application_date"
        case allocationDate = "allocation_date"
        case asOf = "as_of"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let path = try c.decode(String.self, forKey: .path, missing: "missing: the points-grid file")
        guard !path.isEmpty else { throw c.missing(.path, "missing: the points-grid file") }
        self.init(path: path, applicationDate: try c.decodeIfPresent(String.self, forKey: .applicationDate),
                  allocationDate: try c.decodeIfPresent(String.self, forKey: .allocationDate),
                  asOf: try c.decodeIfPresent(String.self, forKey: .asOf))
        if let asOf, ISODate.days(asOf) == nil { throw c.failure(.asOf, "expected a date YYYY-MM-DD, found '\(asOf)'") }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encodeIfPresent(applicationDate, forKey: .applicationDate)
        try c.encodeIfPresent(allocationDate, forKey: .allocationDate)
        try c.encodeIfPresent(asOf, forKey: .asOf)
    }
}
