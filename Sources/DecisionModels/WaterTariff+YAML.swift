import AuditData
import Foundation
import Yams

extension WaterTariff {
    /// Reads a tariff file (YAML; format in `Fixtures/water/README.md`).
    ///
    /// - Throws: `SpecError` naming the file, line, column and key of the problem:
    ///   unreadable file, invalid YAML, unknown or repeated key, wrong type,
    ///   negative price, unsorted or overlapping blocks, missing meter type.
    public init(contentsOfFile path: String) throws(SpecError) {
        try self.init(yaml: try ModelYAMLReader.text(ofFile: path, what: "tariff"), file: path)
    }

    /// Parses tariff text; `file` only labels errors.
    public init(yaml text: String, file: String = "<tariff>") throws(SpecError) {
        var reader = ModelYAMLReader(file: file)
        let root = try reader.root(of: text, what: "tariff")
        var name: String?
        var description: String?
        var meters: [MeterType: MeterTariff] = [:]
        var sanitation = 0.0, vat = 0.0, sanitationVAT = 0.0
        for (key, value) in try reader.mapping(root, "", allowed: ["name", "description", "meters", "sanitation", "vat", "sanitation_vat"]) {
            switch key {
            case "name": name = try reader.string(value, key)
            case "description": description = try reader.string(value, key)
            case "sanitation": sanitation = try reader.nonNegative(value, key, unit: "€/m³")
            case "vat": vat = try reader.nonNegative(value, key, unit: "a fraction, e.g. 0.055")
            case "sanitation_vat": sanitationVAT = try reader.nonNegative(value, key, unit: "a fraction, e.g. 0.10")
            default:
                let allowed = MeterType.allCases.map(\.rawValue)
                for (meterName, grid) in try reader.mapping(value, "meters", allowed: allowed) {
                    meters[MeterType(rawValue: meterName)!] = try Self.meterTariff(grid, "meters.\(meterName)", &reader)
                }
            }
        }
        guard let name else { throw reader.error(root, "name", "missing: give the tariff a name") }
        do {
            try self.init(name: name, description: description, meters: meters,
                          sanitation: sanitation, vat: vat, sanitationVAT: sanitationVAT)
        } catch {
            throw reader.locate(error)
        }
    }

    static func meterTariff(_ node: Node, _ key: String, _ reader: inout ModelYAMLReader) throws(SpecError) -> MeterTariff {
        var blocks: [TariffBlock]?
        var subscription: Double?
        for (name, value) in try reader.mapping(node, key, allowed: ["subscription", "blocks"]) {
            let path = "\(key).\(name)"
            if name == "subscription" {
                subscription = try reader.nonNegative(value, path, unit: "€/year")
                continue
            }
            guard let items = value.sequence else { throw reader.error(value, path, "expected a list of blocks") }
            var list: [TariffBlock] = []
            for (i, item) in items.enumerated() {
                let itemKey = "\(path)[\(i + 1)]"
                reader.remember(item, itemKey)
                var block = TariffBlock(price: 0)
                var hasPrice = false
                for (field, v) in try reader.mapping(item, itemKey, allowed: ["up_to", "up_to_per_person", "price"]) {
                    let fieldKey = "\(itemKey).\(field)"
                    reader.remember(v, fieldKey)
                    switch field {
                    case "up_to": block.upTo = try reader.nonNegative(v, fieldKey, unit: "m³/year")
                    case "up_to_per_person": block.upToPerPerson = try reader.nonNegative(v, fieldKey, unit: "m³ per person per year")
                    default:
                        block.price = try reader.nonNegative(v, fieldKey, unit: "€/m³")
                        hasPrice = true
                    }
                }
                guard hasPrice else { throw reader.error(item, "\(itemKey).price", "missing: give the price in €/m³ (0 for a free band)") }
                list.append(block)
            }
            blocks = list
        }
        guard let blocks else { throw reader.error(node, "\(key).blocks", "missing: give the list of blocks") }
        guard let subscription else { throw reader.error(node, "\(key).subscription", "missing: give the annual subscription in € (0 if none)") }
        return MeterTariff(blocks: blocks, subscription: subscription)
    }
}
