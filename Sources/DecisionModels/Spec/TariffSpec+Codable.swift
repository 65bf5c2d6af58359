import AuditData

/// `{model, meter}` in the file's view; `{file: base name, column}` in the report's.
extension TariffSpec: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case path = "model"
        case meter
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(path: try c.decode(String.self, forKey: .path, missing: "missing: the tariff file"),
                  meter: try c.decode(String.self, forKey: .meter, missing: "missing: the meter-type column"))
    }

    public func encode(to encoder: Encoder) throws {
        switch encoder.specView {
        case .file:
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encode(meter, forKey: .meter)
        case .report:
            try AppliedModel(path: path, column: meter).encode(to: encoder)
        }
    }
}
