import AuditData

/// `tariff`, `drought`, `model` and `amend` in the file's view; the report writes `tariff` and
/// `drought` as `{file, column}` and leaves the grid to its `model` section.
extension DecisionModelSpec: ClosedKeyMapping, Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case tariff, drought, amend
        case grid = "model"
    }

    public static var mappingKeys: [String] { CodingKeys.names }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(tariff: try c.decodeIfPresent(TariffSpec.self, forKey: .tariff),
                  drought: try c.decodeIfPresent(DroughtSpec.self, forKey: .drought),
                  grid: try c.decodeIfPresent(GridSpec.self, forKey: .grid),
                  amend: try c.decodeIfPresent(AmendSpec.self, forKey: .amend))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(tariff, forKey: .tariff)
        try c.encodeIfPresent(drought, forKey: .drought)
        if encoder.specView == .file {
            try c.encodeIfPresent(grid, forKey: .grid)
            try c.encodeIfPresent(amend, forKey: .amend)
        }
    }
}
