import AuditData
import Yams

extension PointsGrid {
    /// The grid file `original` (this grid's YAML text) with other points: each criterion's flag,
    /// level, band or points-per-unit set to `weights` (one per design feature, in
    /// ``GridCriterion/features`` order), the cap of a capped per-unit criterion rescaled so that
    /// its cap in units is unchanged (`cap' = capUnits × |ppu'|`, in decimal), each band's `from`
    /// and `to` set to this grid's where they differ (moved edges), and `name` replaced.
    /// Every other key (labels, allocation, tie-break, data sources) is kept as written; comments
    /// are not. The result reads back (``init(yaml:file:)``) as a grid on the same design.
    ///
    /// - Throws: `SpecError` when `original` is not this grid's YAML (a criterion or level is
    ///   missing) or a rescaled cap is not a finite decimal.
    public func amendedYAML(original: String, weights: [Double], name newName: String) throws -> String {
        guard var root = try Yams.compose(yaml: original), case .sequence(var list)? = root["criteria"] else {
            throw SpecError(key: "criteria", problem: .sentence(.amendYAMLNoCriteria, arguments: [:]))
        }
        guard list.count == criteria.count else {
            throw SpecError(key: "criteria", problem: .sentence(.amendYAMLCriteria, arguments: ["count": "\(list.count)", "grid": "\(criteria.count)"]))
        }
        func scalar(_ x: Double) -> Node { Node(x.pointsText) }
        var f = 0
        for (c, criterion) in criteria.enumerated() {
            var node = list[c]
            let key = "criteria[\(c + 1)]"
            switch criterion.kind {
            case .flag:
                node["flag"] = scalar(weights[f])
            case .category(let levels):
                guard case .mapping(var map)? = node["categories"] else { throw SpecError(key: key, problem: .sentence(.amendYAMLCategories, arguments: [:])) }
                for (l, level) in levels.enumerated() {
                    guard let i = map.firstIndex(where: { $0.key.string == level.value }) else {
                        throw SpecError(key: key, problem: .sentence(.amendYAMLLevel, arguments: ["value": "\(level.value)"]))
                    }
                    map[i] = (map[i].key, scalar(weights[f + l]))
                }
                node["categories"] = .mapping(map)
            case .perUnit(let perUnit, let cap):
                node["per_unit"] = scalar(weights[f])
                if let cap {
                    guard let units = AmendmentSpace.capUnits(criterion.features[0]), let p = GridDecimal(abs(weights[f])),
                          let newCap = units.multiplied(by: p) else {
                        if weights[f] == perUnit { break }
                        throw SpecError(key: key, problem: .sentence(.amendYAMLCap, arguments: ["cap": "\(cap)", "points": "\(weights[f])"]))
                    }
                    node["cap"] = scalar(newCap.doubleValue)
                }
            case .bands(let bands):
                guard case .sequence(var seq)? = node["bands"], seq.count == bands.count else { throw SpecError(key: key, problem: .sentence(.amendYAMLBands, arguments: [:])) }
                for b in bands.indices {
                    var band = seq[b]
                    band["points"] = scalar(weights[f + b])
                    // Moved edges (--allow band-edges): a bound written only where it differs.
                    if let from = bands[b].from, band["from"].flatMap({ $0.string }).flatMap(Double.init) != from { band["from"] = scalar(from) }
                    if let to = bands[b].to, band["to"].flatMap({ $0.string }).flatMap(Double.init) != to { band["to"] = scalar(to) }
                    seq[b] = band
                }
                node["bands"] = .sequence(seq)
            }
            list[c] = node
            f += criterion.features.count
        }
        root["criteria"] = .sequence(list)
        root["name"] = Node(newName, Tag(.str), .doubleQuoted)
        return try Yams.serialize(node: root, allowUnicode: true)
    }
}
