import AuditData
import Foundation
import Yams

extension PointsGrid {
    /// Reads a grid file (YAML; format in `docs/model.md`).
    ///
    /// - Throws: `SpecError` naming the file, line, column and key of the problem:
    ///   unreadable file, invalid YAML, unknown or repeated key, wrong type, and
    ///   every check of ``validate()`` (overlapping bands, cap not positive,
    ///   unknown criterion in an exclusive group, criterion in two groups, empty grid…).
    public static func load(path: String) throws(SpecError) -> PointsGrid {
        try PointsGrid(yaml: try ModelYAMLReader.text(ofFile: path, what: "grid"), file: path)
    }

    /// Parses grid text; `file` only labels errors.
    public init(yaml text: String, file: String = "<grid>") throws(SpecError) {
        var reader = ModelYAMLReader(file: file)
        let root = try reader.root(of: text, what: "grid")
        var name: String?, role: String?, description: String?, id: String?
        var criteria: [GridCriterion] = []
        var groupNodes: Node?
        var minimumScore: Double?
        var allocationNode: Node?
        var tieBreak: [GridTieBreakKey]?
        var sources: [GridDataSource] = []
        var dates: GridDateColumns?
        let allowed = ["name", "role", "description", "id", "criteria", "exclusive_groups", "minimum_score", "allocation", "tie_break", "data", "dates"]
        for (key, value) in try reader.mapping(root, "", allowed: allowed) {
            switch key {
            case "name": name = try reader.string(value, key)
            case "role": role = try reader.string(value, key)
            case "description": description = try reader.string(value, key)
            case "id": id = try reader.string(value, key)
            case "minimum_score": minimumScore = try reader.double(value, key)
            case "criteria":
                guard let items = value.sequence else { throw reader.error(value, key, "expected a list of criteria") }
                for (i, item) in items.enumerated() {
                    criteria.append(try Self.criterion(item, "criteria[\(i + 1)]", &reader))
                }
            case "exclusive_groups": groupNodes = value
            case "allocation": allocationNode = value
            case "tie_break": tieBreak = try Self.tieBreak(value, &reader)
            case "dates": dates = try Self.dates(value, &reader)
            default: sources = try Self.dataSources(value, &reader)
            }
        }
        guard let name else { throw reader.error(root, "name", "missing: give the grid a name") }
        guard let id else { throw reader.error(root, "id", "missing: give the applicant id column (id: demande_id)") }
        guard !criteria.isEmpty else {
            let error = SpecError(key: "criteria", message: "empty grid: expected at least one criterion")
            throw reader.marks["criteria"] == nil ? reader.error(root, "criteria", error.message) : reader.locate(error)
        }
        var groups: [GridExclusiveGroup] = []
        if let groupNodes { groups = try Self.groups(groupNodes, criteria, &reader) }
        var segmentBy: [String] = []
        var allocation: GridAllocationRule?
        if let allocationNode { (segmentBy, allocation) = try Self.allocation(allocationNode, &reader) }
        do {
            try self.init(name: name, role: role, description: description, idColumn: id, criteria: criteria,
                          exclusiveGroups: groups, minimumScore: minimumScore, segmentBy: segmentBy,
                          allocation: allocation, tieBreak: tieBreak, dataSources: sources, dates: dates)
        } catch {
            throw reader.locate(error)
        }
    }

    static func criterion(_ node: Node, _ key: String, _ reader: inout ModelYAMLReader) throws(SpecError) -> GridCriterion {
        reader.remember(node, key)
        var name: String?, column: String?, labelFR: String?, labelEN: String?
        var kind: GridCriterionKind?
        var kindKey: String?
        var trueValues: [String]?
        var perUnit: Double?, cap: Double?
        var missingIsZero = false
        let allowed = ["name", "label_fr", "label_en", "column", "flag", "true_values", "categories", "per_unit", "cap", "bands", "missing"]
        for (field, value) in try reader.mapping(node, key, allowed: allowed) {
            let path = "\(key).\(field)"
            if ["flag", "categories", "per_unit", "bands"].contains(field) {
                if let kindKey { throw reader.error(value, path, "a criterion has one kind: '\(kindKey)' is already given") }
                kindKey = field
            }
            switch field {
            case "name": name = try reader.string(value, path)
            case "label_fr": labelFR = try reader.string(value, path)
            case "label_en": labelEN = try reader.string(value, path)
            case "column": column = try reader.string(value, path)
            case "flag": kind = .flag(points: try reader.double(value, path), trueValues: [])
            case "true_values": trueValues = try Self.strings(value, path, reader)
            case "per_unit": perUnit = try reader.double(value, path)
            case "cap": cap = try reader.double(value, path)
            case "missing":
                guard try reader.double(value, path) == 0 else {
                    throw reader.error(value, path, "expected 0 (a missing value gives 0 points); omit the key to make a missing value an error")
                }
                missingIsZero = true
            case "categories":
                var levels: [GridCategoryLevel] = []
                for (level, points) in try reader.openMapping(value, path) {
                    levels.append(GridCategoryLevel(value: level, points: try reader.double(points, "\(path).\(level)")))
                }
                kind = .category(levels: levels)
            default:
                guard let items = value.sequence else { throw reader.error(value, path, "expected a list of bands {from, to, points}") }
                var bands: [GridBand] = []
                for (b, item) in items.enumerated() {
                    let bandKey = "\(path)[\(b + 1)]"
                    reader.remember(item, bandKey)
                    var band = GridBand(points: 0)
                    var hasPoints = false
                    for (bandField, v) in try reader.mapping(item, bandKey, allowed: ["from", "to", "points"]) {
                        let fieldKey = "\(bandKey).\(bandField)"
                        switch bandField {
                        case "from": band.from = try reader.double(v, fieldKey)
                        case "to": band.to = try reader.double(v, fieldKey)
                        default: band.points = try reader.double(v, fieldKey); hasPoints = true
                        }
                    }
                    guard hasPoints else { throw reader.error(item, "\(bandKey).points", "missing: give the band's points") }
                    bands.append(band)
                }
                kind = .bands(bands)
            }
        }
        guard let name else { throw reader.error(node, "\(key).name", "missing: give the criterion a name") }
        guard let column else { throw reader.error(node, "\(key).column", "missing: give the column criterion '\(name)' reads") }
        if let perUnit { kind = .perUnit(pointsPerUnit: perUnit, cap: cap) }
        guard let kind else {
            throw reader.error(node, key, "criterion '\(name)' has no points: expected one of flag, categories, per_unit, bands")
        }
        if cap != nil, perUnit == nil { throw reader.error(node, "\(key).cap", "cap applies only to a per_unit criterion") }
        if case .flag(let points, _) = kind {
            return GridCriterion(name: name, labelFR: labelFR, labelEN: labelEN, column: column,
                                 kind: .flag(points: points, trueValues: trueValues ?? ["oui", "1", "true"]), missingIsZero: missingIsZero)
        }
        if trueValues != nil { throw reader.error(node, "\(key).true_values", "true_values applies only to a flag criterion") }
        return GridCriterion(name: name, labelFR: labelFR, labelEN: labelEN, column: column, kind: kind, missingIsZero: missingIsZero)
    }

    static func strings(_ node: Node, _ key: String, _ reader: ModelYAMLReader) throws(SpecError) -> [String] {
        guard let items = node.sequence else { throw reader.error(node, key, "expected a list of values") }
        var result: [String] = []
        for item in items { result.append(try reader.string(item, key)) }
        return result
    }

    static func groups(_ node: Node, _ criteria: [GridCriterion], _ reader: inout ModelYAMLReader) throws(SpecError) -> [GridExclusiveGroup] {
        guard let items = node.sequence else { throw reader.error(node, "exclusive_groups", "expected a list of groups {name, criteria}") }
        var groups: [GridExclusiveGroup] = []
        for (g, item) in items.enumerated() {
            let key = "exclusive_groups[\(g + 1)]"
            reader.remember(item, key)
            var name: String?
            var members: [Int]?
            for (field, value) in try reader.mapping(item, key, allowed: ["name", "criteria"]) {
                let path = "\(key).\(field)"
                if field == "name" { name = try reader.string(value, path); continue }
                guard let list = value.sequence else { throw reader.error(value, path, "expected a list of criterion names") }
                var indices: [Int] = []
                for (m, memberNode) in list.enumerated() {
                    let memberKey = "\(path)[\(m + 1)]"
                    reader.remember(memberNode, memberKey)
                    let member = try reader.string(memberNode, memberKey)
                    guard let index = criteria.firstIndex(where: { $0.name == member }) else {
                        throw reader.error(memberNode, memberKey, "unknown criterion '\(member)'; criteria: \(criteria.map(\.name).joined(separator: ", "))")
                    }
                    indices.append(index)
                }
                members = indices
            }
            guard let members else { throw reader.error(item, "\(key).criteria", "missing: list the group's criteria") }
            groups.append(GridExclusiveGroup(name: name ?? "group \(g + 1)", members: members))
        }
        return groups
    }

    static func tieBreak(_ node: Node, _ reader: inout ModelYAMLReader) throws(SpecError) -> [GridTieBreakKey] {
        guard let items = node.sequence else { throw reader.error(node, "tie_break", "expected a list like [anciennete_mois desc, demande_id asc]") }
        var keys: [GridTieBreakKey] = []
        for (k, item) in items.enumerated() {
            let key = "tie_break[\(k + 1)]"
            reader.remember(item, key)
            let words = try reader.string(item, key).split(separator: " ").map(String.init)
            guard (1...2).contains(words.count), words.count == 1 || ["asc", "desc"].contains(words[1]) else {
                throw reader.error(item, key, "expected 'column', 'column asc' or 'column desc'")
            }
            keys.append(GridTieBreakKey(column: words[0], descending: words.count == 2 && words[1] == "desc"))
        }
        return keys
    }

    static func dataSources(_ node: Node, _ reader: inout ModelYAMLReader) throws(SpecError) -> [GridDataSource] {
        var sources: [GridDataSource] = []
        for (column, value) in try reader.openMapping(node, "data") {
            let key = "data.\(column)"
            var source: String?, description: String?
            for (field, v) in try reader.mapping(value, key, allowed: ["source", "description"]) {
                if field == "source" { source = try reader.string(v, "\(key).source") } else { description = try reader.string(v, "\(key).description") }
            }
            guard let source else { throw reader.error(value, "\(key).source", "missing: say where the column comes from") }
            sources.append(GridDataSource(column: column, source: source, description: description))
        }
        return sources
    }

    /// `dates: {application: date_depot, allocation: date_attribution}`.
    static func dates(_ node: Node, _ reader: inout ModelYAMLReader) throws(SpecError) -> GridDateColumns {
        var application: String?, allocation: String?
        for (field, value) in try reader.mapping(node, "dates", allowed: ["application", "allocation"]) {
            if field == "application" { application = try reader.string(value, "dates.application") } else { allocation = try reader.string(value, "dates.allocation") }
        }
        guard let application else { throw reader.error(node, "dates.application", "missing: give the application date column (application: date_depot)") }
        guard let allocation else { throw reader.error(node, "dates.allocation", "missing: give the allocation date column (allocation: date_attribution)") }
        return GridDateColumns(application: application, allocation: allocation)
    }

    static func allocation(_ node: Node, _ reader: inout ModelYAMLReader) throws(SpecError) -> ([String], GridAllocationRule) {
        var ruleName: String?, ruleNode: Node?
        var segmentBy: [String] = []
        var threshold: Double?
        var perUnit: Int?
        var capacityNode: Node?
        for (field, value) in try reader.mapping(node, "allocation", allowed: ["rule", "segment_by", "threshold", "capacity", "per_unit"]) {
            let path = "allocation.\(field)"
            switch field {
            case "rule": ruleName = try reader.string(value, path); ruleNode = value
            case "segment_by": segmentBy = try strings(value, path, reader)
            case "threshold": threshold = try reader.double(value, path)
            case "per_unit": perUnit = try integer(value, path, reader)
            default: capacityNode = value
            }
        }
        func capacity() throws(SpecError) -> GridCapacity {
            guard let capacityNode else { throw reader.error(node, "allocation.capacity", "missing: give capacity {from_data: column} or {default, segments}") }
            return try Self.capacity(capacityNode, segmentBy, &reader)
        }
        switch ruleName ?? "" {
        case "threshold":
            guard let threshold else { throw reader.error(node, "allocation.threshold", "missing: give the score threshold") }
            return (segmentBy, .threshold(threshold))
        case "capacity":
            return (segmentBy, .capacity(try capacity()))
        case "proposals":
            return (segmentBy, .proposals(try capacity(), perUnit: perUnit ?? 3))
        default:
            throw reader.error(ruleNode ?? node, "allocation.rule", "expected threshold, capacity or proposals")
        }
    }

    static func capacity(_ node: Node, _ segmentBy: [String], _ reader: inout ModelYAMLReader) throws(SpecError) -> GridCapacity {
        let entries = try reader.mapping(node, "allocation.capacity", allowed: ["from_data", "default", "segments"])
        if let fromData = entries.first(where: { $0.0 == "from_data" }) {
            guard entries.count == 1 else { throw reader.error(node, "allocation.capacity", "from_data excludes default and segments") }
            return .fromData(column: try reader.string(fromData.1, "allocation.capacity.from_data"))
        }
        var fallback = 0
        var segments: [GridSegmentCapacity] = []
        for (field, value) in entries {
            let path = "allocation.capacity.\(field)"
            if field == "default" { fallback = try integer(value, path, reader); continue }
            guard let items = value.sequence else { throw reader.error(value, path, "expected a list like [{typologie: T3, k: 12}]") }
            for (s, item) in items.enumerated() {
                let key = "\(path)[\(s + 1)]"
                reader.remember(item, key)
                var values = [String?](repeating: nil, count: segmentBy.count)
                var k: Int?
                for (column, v) in try reader.mapping(item, key, allowed: segmentBy + ["k"]) {
                    if column == "k" { k = try integer(v, "\(key).k", reader); continue }
                    if let position = segmentBy.firstIndex(of: column) { values[position] = try reader.string(v, "\(key).\(column)") }
                }
                guard let k else { throw reader.error(item, "\(key).k", "missing: give the number of dwellings k") }
                let given = values.compactMap { $0 }
                guard given.count == segmentBy.count else {
                    throw reader.error(item, key, "expected a value for each segment_by column: \(segmentBy.joined(separator: ", "))")
                }
                segments.append(GridSegmentCapacity(segment: given, k: k))
            }
        }
        return .declared(segments, default: fallback)
    }

    static func integer(_ node: Node, _ key: String, _ reader: ModelYAMLReader) throws(SpecError) -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            throw reader.error(node, key, "expected a whole number")
        }
        return value
    }
}
