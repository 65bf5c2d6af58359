import Foundation
import Yams

extension AuditSpec {
    /// Reads a spec file. Relative `data:` paths are resolved against the spec's folder.
    /// Unknown keys, wrong types and bad values throw a `SpecError` naming file, line, column and key.
    public init(contentsOfFile path: String) throws(SpecError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SpecError(file: path, key: "spec", message: "cannot read the spec file as UTF-8 text (\(error.localizedDescription))")
        }
        try self.init(yaml: text, file: path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolve(_ relative: String) -> String {
            relative.hasPrefix("/") ? relative : folder.appendingPathComponent(relative).standardizedFileURL.path
        }
        if let data = dataPath { dataPath = resolve(data) }
        if let model = tariff?.model { tariff?.model = resolve(model) }
        if let rule = drought?.rule { drought?.rule = resolve(rule) }
        if let grid = model?.grid { model?.grid = resolve(grid) }
    }

    /// Parses spec text; `file` only labels errors.
    public init(yaml text: String, file: String = "<spec>") throws(SpecError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw SpecError(file: file, key: "spec", message: "not valid YAML: \(error)")
        }
        var reader = SpecReader(file: file)
        self = try reader.spec(from: root)
    }
}

/// Walks the YAML tree, keeping the file name for errors.
struct SpecReader {
    let file: String

    static let topKeys: [String] = [
        "version", "data", "csv", "protected", "label", "decision", "score", "weight",
        "reference", "intersections", "impact_ratio_threshold", "min_group_size", "min_cell_size", "decision_is",
        "interval", "level", "alpha", "adjust", "difference_tolerance", "min_denominator", "power", "bootstrap",
        "allocation", "rank_by", "income", "tariff", "drought", "model", "system", "lang",
    ]

    func error(_ node: Node?, _ key: String, _ message: String) -> SpecError {
        SpecError(file: file, line: node?.mark?.line, column: node?.mark?.column, key: key, message: message)
    }

    func mapping(_ node: Node, _ key: String, allowed: [String]) throws(SpecError) -> [(String, Node, Node)] {
        guard let mapping = node.mapping else { throw error(node, key, "expected a mapping of keys to values") }
        var result: [(String, Node, Node)] = []
        var seen = Set<String>()
        for (k, v) in mapping {
            guard let name = k.string else { throw error(k, key, "expected a text key") }
            let path = key.isEmpty ? name : "\(key).\(name)"
            guard allowed.contains(name) else {
                throw error(k, path, "unknown key; expected one of: \(allowed.joined(separator: ", "))")
            }
            guard seen.insert(name).inserted else { throw error(k, path, "key given twice") }
            result.append((name, k, v))
        }
        return result
    }

    func string(_ node: Node, _ key: String) throws(SpecError) -> String {
        guard case .scalar(let scalar) = node else { throw error(node, key, "expected a text value") }
        return scalar.string
    }

    func double(_ node: Node, _ key: String) throws(SpecError) -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite else {
            throw error(node, key, "expected a number")
        }
        return value
    }

    func int(_ node: Node, _ key: String) throws(SpecError) -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            throw error(node, key, "expected a whole number")
        }
        return value
    }

    /// One of an enumeration's raw values.
    func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ key: String) throws(SpecError) -> T where T.RawValue == String {
        let text = try string(node, key)
        guard let value = T(rawValue: text) else {
            throw error(node, key, "expected one of \(T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")), found '\(text)'")
        }
        return value
    }

    func strings(_ node: Node, _ key: String) throws(SpecError) -> [String] {
        guard let sequence = node.sequence else { throw error(node, key, "expected a list") }
        var out: [String] = []
        for item in sequence { out.append(try string(item, key)) }
        return out
    }

    mutating func spec(from root: Node?) throws(SpecError) -> AuditSpec {
        guard let root else { throw error(nil, "spec", "the spec is empty") }
        var spec = AuditSpec()
        var protectedNode: Node?
        for (name, k, v) in try mapping(root, "", allowed: Self.topKeys) {
            switch name {
            case "version":
                guard try int(v, name) == 1 else { throw error(v, name, "this Vigie reads spec version 1") }
            case "data": spec.dataPath = try string(v, name)
            case "csv": spec.csv = try dialect(v)
            case "protected": protectedNode = v
            case "label": spec.label = try binary(v, name)
            case "decision": spec.decision = try binary(v, name)
            case "score": spec.score = try string(v, name)
            case "weight": spec.weight = try string(v, name)
            case "reference": spec.defaultReference = try reference(v, name)
            case "intersections": spec.intersections = try int(v, name)
            case "impact_ratio_threshold": spec.impactRatioThreshold = try double(v, name)
            case "min_group_size": spec.minGroupSize = try int(v, name)
            case "min_cell_size": spec.minCellSize = try int(v, name)
            case "decision_is":
                let text = try string(v, name)
                guard let value = Favourability(rawValue: text) else {
                    throw error(v, name, "expected 'favourable' or 'unfavourable', found '\(text)'")
                }
                spec.decisionIs = value
            case "interval": spec.inference.interval = try choice(v, name)
            case "level": spec.inference.level = try double(v, name)
            case "alpha": spec.inference.alpha = try double(v, name)
            case "adjust": spec.inference.adjust = try choice(v, name)
            case "difference_tolerance": spec.inference.differenceTolerance = try double(v, name)
            case "min_denominator": spec.inference.minDenominator = try int(v, name)
            case "power": spec.inference.power = try double(v, name)
            case "allocation":
                if case .scalar = v {
                    spec.allocation = AllocationSpec(column: try string(v, name))
                } else {
                    var allocation = AllocationSpec(column: "")
                    var hasColumn = false
                    for (key, _, value) in try mapping(v, name, allowed: ["column", "need", "per"]) {
                        switch key {
                        case "column": allocation.column = try string(value, "allocation.column"); hasColumn = true
                        case "need": allocation.need = try string(value, "allocation.need")
                        default: allocation.per = try string(value, "allocation.per")
                        }
                    }
                    guard hasColumn else { throw error(v, "allocation.column", "missing: name the allocation column") }
                    spec.allocation = allocation
                }
            case "rank_by": spec.rankBy = try string(v, name)
            case "income": spec.income = try string(v, name)
            case "tariff":
                var model: String?, meter: String?
                for (key, _, value) in try mapping(v, name, allowed: ["model", "meter"]) {
                    if key == "model" { model = try string(value, "tariff.model") } else { meter = try string(value, "tariff.meter") }
                }
                guard let model else { throw error(v, "tariff.model", "missing: the tariff file") }
                guard let meter else { throw error(v, "tariff.meter", "missing: the meter-type column") }
                spec.tariff = TariffSpec(model: model, meter: meter)
            case "drought":
                var rule: String?, level: String?
                for (key, _, value) in try mapping(v, name, allowed: ["rule", "level"]) {
                    if key == "rule" { rule = try string(value, "drought.rule") } else { level = try string(value, "drought.level") }
                }
                guard let rule else { throw error(v, "drought.rule", "missing: the restriction rule file") }
                guard let level else { throw error(v, "drought.level", "missing: the restriction-level column") }
                spec.drought = DroughtSpec(rule: rule, level: level)
            case "model":
                var m = ModelSpec(grid: "")
                for (key, _, value) in try mapping(v, name, allowed: ["grid", "application_date", "allocation_date", "as_of"]) {
                    let text = try string(value, "model.\(key)")
                    switch key {
                    case "grid": m.grid = text
                    case "application_date": m.applicationDate = text
                    case "allocation_date": m.allocationDate = text
                    default:
                        guard ISODate.days(text) != nil else { throw error(value, "model.as_of", "expected a date YYYY-MM-DD, found '\(text)'") }
                        m.asOf = text
                    }
                }
                guard !m.grid.isEmpty else { throw error(v, "model.grid", "missing: the points-grid file") }
                spec.model = m
            case "system": spec.system = try systemCard(v)
            case "lang": spec.language = try choice(v, name)
            case "bootstrap":
                for (key, _, value) in try mapping(v, name, allowed: ["replicates", "seed", "method"]) {
                    let path = "bootstrap.\(key)"
                    switch key {
                    case "replicates": spec.inference.bootstrapReplicates = try int(value, path)
                    case "seed":
                        guard case .scalar(let scalar) = value, let seed = UInt64(scalar.string) else {
                            throw error(value, path, "expected a whole number from 0 to 2^64 − 1")
                        }
                        spec.inference.seed = seed
                    default: spec.inference.bootstrapMethod = try choice(value, path)
                    }
                }
            default:
                throw error(k, name, "unknown key")
            }
        }
        if let protectedNode {
            guard let items = protectedNode.sequence else { throw error(protectedNode, "protected", "expected a list of attributes") }
            for (i, item) in items.enumerated() {
                spec.protected.append(try protectedAttribute(item, "protected[\(i + 1)]"))
            }
        }
        do {
            try spec.validate()
        } catch {
            var located = error
            located.file = file
            if located.line == nil {
                let node: Node? = root.mapping?[located.key.components(separatedBy: ".").first ?? ""]
                located.line = node?.mark?.line
                located.column = node?.mark?.column
            }
            throw located
        }
        return spec
    }

    func dialect(_ node: Node) throws(SpecError) -> CSVDialect {
        var dialect = CSVDialect()
        for (name, _, v) in try mapping(node, "csv", allowed: ["delimiter", "decimal", "missing"]) {
            let key = "csv.\(name)"
            switch name {
            case "delimiter":
                do {
                    dialect.delimiter = try CSVDialect.delimiter(named: try string(v, key), key: key)
                } catch {
                    throw self.error(v, key, error.message)
                }
            case "decimal":
                let text = try string(v, key)
                guard text == "." || text == "," else { throw error(v, key, "expected '.' or ',', found '\(text)'") }
                dialect.decimalComma = text == ","
            default:
                dialect.missingValues = Set(try strings(v, key)).union([""])
            }
        }
        return dialect
    }

    func binary(_ node: Node, _ key: String) throws(SpecError) -> BinaryColumnSpec {
        if case .scalar = node { return BinaryColumnSpec(column: try string(node, key)) }
        var spec = BinaryColumnSpec(column: "")
        var hasColumn = false
        for (name, _, v) in try mapping(node, key, allowed: ["column", "positive", "threshold"]) {
            switch name {
            case "column": spec.column = try string(v, "\(key).column"); hasColumn = true
            case "positive": spec.positive = try string(v, "\(key).positive")
            default: spec.threshold = try double(v, "\(key).threshold")
            }
        }
        guard hasColumn else { throw error(node, "\(key).column", "missing: name the column") }
        if spec.positive != nil && spec.threshold != nil {
            throw error(node, key, "give either 'positive' or 'threshold', not both")
        }
        return spec
    }

    func reference(_ node: Node, _ key: String) throws(SpecError) -> ReferenceRule {
        if case .scalar = node { return ReferenceRule(parsing: try string(node, key)) }
        let entries = try mapping(node, key, allowed: ["named"])
        guard let (_, _, v) = entries.first else { throw error(node, key, "expected 'largest', 'best', 'overall' or 'named: GROUP'") }
        return .named(try string(v, "\(key).named"))
    }

    func protectedAttribute(_ node: Node, _ key: String) throws(SpecError) -> ProtectedAttributeSpec {
        if case .scalar = node {
            do { return try ProtectedAttributeSpec(parsing: try string(node, key)) } catch {
                throw self.error(node, key, error.message)
            }
        }
        var attribute = ProtectedAttributeSpec(column: "")
        var hasColumn = false
        for (name, _, v) in try mapping(node, key, allowed: ["column", "bands", "quantiles", "reference", "mapping"]) {
            let path = "\(key).\(name)"
            switch name {
            case "column": attribute.column = try string(v, path); hasColumn = true
            case "bands":
                guard let items = v.sequence else { throw error(v, path, "expected a list of band edges") }
                var edges: [Double] = []
                for item in items { edges.append(try double(item, path)) }
                do { try ProtectedAttributeSpec.validateBands(edges, key: path) } catch { throw self.error(v, path, error.message) }
                guard attribute.binning == .none else { throw error(v, path, "give either 'bands' or 'quantiles', not both") }
                attribute.binning = .bands(edges)
            case "quantiles":
                let k = try int(v, path)
                guard k >= 2 else { throw error(v, path, "expected at least 2 quantile groups, found \(k)") }
                guard attribute.binning == .none else { throw error(v, path, "give either 'bands' or 'quantiles', not both") }
                attribute.binning = .quantiles(k)
            case "reference": attribute.reference = try reference(v, path)
            default:
                guard let pairs = v.mapping else { throw error(v, path, "expected a mapping of raw values to group names") }
                for (from, to) in pairs {
                    attribute.mapping[try string(from, path)] = try string(to, path)
                }
            }
        }
        guard hasColumn else { throw error(node, "\(key).column", "missing: name the column") }
        return attribute
    }
}
