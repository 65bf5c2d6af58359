import AuditData

/// A tariff file (YAML; format in `Fixtures/water/README.md`), read with
/// `init(contentsOfFile:)` or `init(yaml:file:)` (`YAMLDocument`): errors name the file,
/// line, column and key — unreadable file, invalid YAML, unknown or repeated key, wrong type,
/// negative price, unsorted or overlapping blocks, missing meter type.
extension WaterTariff: YAMLDocument {
    public static let documentName = "tariff"

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, description, meters, sanitation, vat
        case sanitationVAT = "sanitation_vat"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var meters: [MeterType: MeterTariff] = [:]
        if c.contains(.meters) {
            let grids = try c.nestedContainer(keyedBy: MeterType.self, forKey: .meters)
            for meter in grids.allKeys { meters[meter] = try grids.decode(MeterTariff.self, forKey: meter) }
        }
        try self.init(
            name: try c.decode(String.self, forKey: .name, missing: "missing: give the tariff a name"),
            description: try c.decodeIfPresent(String.self, forKey: .description), meters: meters,
            sanitation: c.contains(.sanitation) ? try c.decodeNonNegative(forKey: .sanitation, unit: "€/m³") : 0,
            vat: c.contains(.vat) ? try c.decodeNonNegative(forKey: .vat, unit: "a fraction, e.g. 0.055") : 0,
            sanitationVAT: c.contains(.sanitationVAT) ? try c.decodeNonNegative(forKey: .sanitationVAT, unit: "a fraction, e.g. 0.10") : 0
        )
    }
}

/// The meter types are the keys of a tariff's `meters:` mapping.
extension MeterType: CodingKey {}

extension MeterTariff: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case subscription, blocks
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let blocks = try c.decode([TariffBlock].self, forKey: .blocks, missing: "missing: give the list of blocks", expected: "expected a list of blocks")
        guard c.contains(.subscription) else { throw c.missing(.subscription, "missing: give the annual subscription in € (0 if none)") }
        self.init(blocks: blocks, subscription: try c.decodeNonNegative(forKey: .subscription, unit: "€/year"))
    }
}

extension TariffBlock: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case upTo = "up_to"
        case upToPerPerson = "up_to_per_person"
        case price
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard c.contains(.price) else { throw c.missing(.price, "missing: give the price in €/m³ (0 for a free band)") }
        self.init(upTo: c.contains(.upTo) ? try c.decodeNonNegative(forKey: .upTo, unit: "m³/year") : nil,
                  upToPerPerson: c.contains(.upToPerPerson) ? try c.decodeNonNegative(forKey: .upToPerPerson, unit: "m³ per person per year") : nil,
                  price: try c.decodeNonNegative(forKey: .price, unit: "€/m³"))
    }
}
