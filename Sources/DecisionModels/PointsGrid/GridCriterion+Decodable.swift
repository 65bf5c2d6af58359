import AuditData

extension GridCriterion: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name
        case labelFR = "label_fr"
        case labelEN = "label_en"
        case column, flag
        case trueValues = "true_values"
        case categories
        case perUnit = "per_unit"
        case cap, bands, missing
    }

    /// The keys that give a criterion its points; a criterion has exactly one.
    static let kindKeys: [CodingKeys] = [.flag, .categories, .perUnit, .bands]

    /// One entry of `criteria:` (`docs/model.md`).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kinds = c.allKeys.filter(Self.kindKeys.contains)
        if kinds.count > 1 { throw c.failure(kinds[1], "a criterion has one kind: '\(kinds[0].stringValue)' is already given") }
        let name = try c.decode(String.self, forKey: .name, missing: "missing: give the criterion a name")
        let column = try c.decode(String.self, forKey: .column, missing: "missing: give the column criterion '\(name)' reads")
        var missingIsZero = false
        if c.contains(.missing) {
            guard try c.decode(Double.self, forKey: .missing) == 0 else {
                throw c.failure(.missing, "expected 0 (a missing value gives 0 points); omit the key to make a missing value an error")
            }
            missingIsZero = true
        }
        let trueValues = try c.decodeIfPresent([String].self, forKey: .trueValues, expected: "expected a list of values")
        if trueValues != nil, kinds.first != .flag { throw c.failure(.trueValues, "true_values applies only to a flag criterion") }
        if c.contains(.cap), kinds.first != .perUnit { throw c.failure(.cap, "cap applies only to a per_unit criterion") }
        let kind: GridCriterionKind
        switch kinds.first {
        case .flag?:
            kind = .flag(points: try c.decode(Double.self, forKey: .flag), trueValues: trueValues ?? ["oui", "1", "true"])
        case .categories?:
            let levels = try c.nestedContainer(keyedBy: AnyCodingKey.self, forKey: .categories)
            kind = .category(levels: try levels.allKeys.map { key in
                GridCategoryLevel(value: key.stringValue, points: try levels.decode(Double.self, forKey: key))
            })
        case .perUnit?:
            kind = .perUnit(pointsPerUnit: try c.decode(Double.self, forKey: .perUnit), cap: try c.decodeIfPresent(Double.self, forKey: .cap))
        case .bands?:
            kind = .bands(try c.decode([GridBand].self, forKey: .bands, expected: "expected a list of bands {from, to, points}"))
        default:
            throw c.failure("criterion '\(name)' has no points: expected one of flag, categories, per_unit, bands")
        }
        self.init(name: name, labelFR: try c.decodeIfPresent(String.self, forKey: .labelFR),
                  labelEN: try c.decodeIfPresent(String.self, forKey: .labelEN), column: column, kind: kind, missingIsZero: missingIsZero)
    }
}

extension GridBand: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case from, to, points
    }

    /// `{from, to, points}`: the interval [from, to) and its points.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(from: try c.decodeIfPresent(Double.self, forKey: .from), to: try c.decodeIfPresent(Double.self, forKey: .to),
                  points: try c.decode(Double.self, forKey: .points, missing: "missing: give the band's points"))
    }
}
