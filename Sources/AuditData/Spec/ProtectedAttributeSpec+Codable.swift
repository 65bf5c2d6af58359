/// A protected attribute in a spec: the short form `sexe`, `age:18,26,36` or `revenu:q4`, or
/// a mapping `{column, bands | quantiles, reference, mapping}`.
///
/// Written as a mapping: in the file's view with `bands` or `quantiles`, in the report's with
/// `binning: {kind, edges, quantiles}`.
extension ProtectedAttributeSpec: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case column, bands, quantiles, reference, mapping
    }

    enum ReportKeys: String, CodingKey {
        case column, binning, reference, mapping
    }

    public init(from decoder: Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            do {
                try self.init(parsing: text)
            } catch {
                throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.message))
            }
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(column: try c.decode(String.self, forKey: .column, missing: "missing: name the column"))
        let binnings = c.allKeys.filter { $0 == .bands || $0 == .quantiles }
        if binnings.count > 1 { throw c.failure(binnings[1], "give either 'bands' or 'quantiles', not both") }
        if let edges = try c.decodeIfPresent([Double].self, forKey: .bands, expected: "expected a list of band edges") {
            do { try Self.validateBands(edges, key: "bands") } catch { throw c.failure(.bands, error.message) }
            binning = .bands(edges)
        }
        if let k = try c.decodeIfPresent(Int.self, forKey: .quantiles) {
            guard k >= 2 else { throw c.failure(.quantiles, "expected at least 2 quantile groups, found \(k)") }
            binning = .quantiles(k)
        }
        reference = try c.decodeIfPresent(ReferenceRule.self, forKey: .reference)
        mapping = try c.decodeIfPresent([String: String].self, forKey: .mapping, expected: "expected a mapping of raw values to group names") ?? [:]
    }

    public func encode(to encoder: Encoder) throws {
        switch encoder.specView {
        case .file:
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(column, forKey: .column)
            switch binning {
            case .none: break
            case .bands(let edges): try c.encode(edges, forKey: .bands)
            case .quantiles(let k): try c.encode(k, forKey: .quantiles)
            }
            try c.encodeIfPresent(reference, forKey: .reference)
            if !mapping.isEmpty { try c.encode(mapping, forKey: .mapping) }
        case .report:
            var c = encoder.container(keyedBy: ReportKeys.self)
            try c.encode(column, forKey: .column)
            try c.encode(binning, forKey: .binning)
            try c.encodeIfPresent(reference, forKey: .reference)
            if !mapping.isEmpty { try c.encode(mapping, forKey: .mapping) }
        }
    }
}

/// A binning as `report.json` writes it: `{kind: categorical | bands | quantiles, edges, quantiles}`.
extension Binning: Encodable {
    enum CodingKeys: String, CodingKey {
        case kind, edges, quantiles
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .none: try c.encode("categorical", forKey: .kind)
        case .bands(let edges): try c.encode("bands", forKey: .kind); try c.encode(edges, forKey: .edges)
        case .quantiles(let k): try c.encode("quantiles", forKey: .kind); try c.encode(k, forKey: .quantiles)
        }
    }
}
