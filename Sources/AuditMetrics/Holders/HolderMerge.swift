import AuditData

/// Several data holders' statistics united into those of the union of their rows
/// (`vigie merge`, `docs/holders.md`).
///
/// **Categories are united**: an attribute's groups are the union of every holder's labels
/// (after the declared ``mapping`` of differently spelled ones), ordered as one read of the
/// pooled rows orders them (``GroupOrder``), the missing group last; a group a holder does not
/// have counts zero there. Bands must be the same everywhere. Each holder's cells are then
/// re-indexed into the united groupings — an intersection cell by its components' new codes —
/// and added.
///
/// **Exactness**: row counts add exactly, so every count, rate, difference, ratio, interval and
/// test computed from counts equals the pooled audit's bit for bit; weight and score sums are
/// added holder by holder, where one pass over the pooled file adds them in blocks of 65,536
/// rows: equal when the sums are exact in binary (integer or dyadic weights and scores), within
/// a few units in the last place otherwise.
public struct HolderMerge: Sendable {
    /// The united statistics of every holder's rows (holders added in the order given).
    public let pooled: AuditStatistics
    /// Each holder's statistics re-indexed into the united groupings, in the order given.
    public let holders: [AuditStatistics]
    /// The holders' names, in the order given.
    public let names: [String]

    /// Unites `bundles`.
    /// - Parameter mapping: per attribute, a holder's spelling → the united label
    ///   (`--map commune:Montpellier Nord=Montpellier-Nord`), applied to every holder.
    public init(_ bundles: [HolderStatistics], mapping: [String: [String: String]] = [:]) throws(HolderMergeError) {
        guard let first = bundles.first else { throw HolderMergeError(.sentence(.holderNothing, arguments: [:])) }
        for b in bundles { try b.validate() }
        let names = first.attributes.map(\.name)
        for (i, b) in bundles.enumerated() {
            guard b.attributes.map(\.name) == names else {
                throw HolderMergeError(.sentence(.holderAttributes, arguments: ["holder": "\(b.holder)", "bundle": "\(i + 1)", "attributes": "\(b.attributes.map(\.name))", "first": "\(names)"]))
            }
            guard b.tables.map(\.components) == first.tables.map(\.components) else {
                throw HolderMergeError(.sentence(.holderIntersections, arguments: ["holder": "\(b.holder)", "bundle": "\(i + 1)"]))
            }
            guard b.hasLabel == first.hasLabel, b.hasDecision == first.hasDecision, b.weighted == first.weighted else {
                throw HolderMergeError(.sentence(.holderColumns, arguments: ["holder": "\(b.holder)", "bundle": "\(i + 1)"]))
            }
        }
        for name in mapping.keys where !names.contains(name) {
            throw HolderMergeError(.sentence(.holderMapName, arguments: ["name": "\(name)", "names": "\(names.joined(separator: ", "))"]))
        }
        // United groups of each attribute, and each bundle's code → united code.
        var united: [HolderStatistics.Attribute] = []
        var codeMaps: [[[Int]]] = bundles.map { _ in [] }
        for (a, name) in names.enumerated() {
            let map = mapping[name] ?? [:]
            let bands = first.attributes[a].bands
            var literal = Set<String>()
            var anyMissing = false
            for b in bundles {
                let attribute = b.attributes[a]
                guard attribute.bands == bands else {
                    throw HolderMergeError(.sentence(.holderBands, arguments: ["name": "\(name)", "holder": "\(b.holder)", "bands": "\(attribute.bands.map { "at \($0)" } ?? "not at all")", "first": "\(bands.map { "at \($0)" } ?? "not at all")"]))
                }
                for (c, label) in attribute.groups.enumerated() where c != attribute.missing { literal.insert(map[label] ?? label) }
                anyMissing = anyMissing || attribute.missing != nil
            }
            var groups: [String]
            if bands != nil {
                // Every band is a group, empty or not: the holders' labels are the same.
                groups = first.attributes[a].groups.enumerated().filter { $0.offset != first.attributes[a].missing }.map(\.element)
                guard Set(groups) == literal else { throw HolderMergeError(.sentence(.holderBandsDiffer, arguments: ["name": "\(name)"])) }
            } else {
                groups = GroupOrder.sorted(Array(literal))
            }
            let missingLabel = bands != nil ? GroupColumn.unknownLabel : GroupOrder.missingLabel(avoiding: literal)
            if anyMissing { groups.append(missingLabel) }
            let position = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($0.element, $0.offset) })
            for (i, b) in bundles.enumerated() {
                let attribute = b.attributes[a]
                codeMaps[i].append(attribute.groups.enumerated().map { c, label in
                    c == attribute.missing ? groups.count - 1 : position[map[label] ?? label]!
                })
            }
            united.append(HolderStatistics.Attribute(name: name, groups: groups, missing: anyMissing ? groups.count - 1 : nil, bands: bands))
        }
        let unitedTables = first.tables.map { HolderStatistics.Table(components: $0.components, cells: []) }
        var template = first
        template.attributes = united
        template.tables = unitedTables
        let groupings = template.groupings
        var holders: [AuditStatistics] = []
        var pooled = AuditStatistics(empty: groupings)
        for (i, b) in bundles.enumerated() {
            var mine = AuditStatistics(empty: groupings)
            for (t, table) in b.tables.enumerated() {
                let oldRadices = table.components.map { b.attributes[$0].groups.count }
                var cells = [GroupStatistics](repeating: .zero, count: groupings[t].groups.count)
                for (code, cell) in table.cells.enumerated() where cell.count > 0 || cell.totalWeight != 0 {
                    // Digits of the old code (last component fastest), mapped, recomposed.
                    var rest = code
                    var digits = [Int](repeating: 0, count: oldRadices.count)
                    for k in stride(from: oldRadices.count - 1, through: 0, by: -1) {
                        digits[k] = rest % oldRadices[k]
                        rest /= oldRadices[k]
                    }
                    let mapped = table.components.enumerated().map { k, attribute in codeMaps[i][attribute][digits[k]] }
                    cells[groupings[t].code(components: mapped)] += cell
                }
                for (c, cell) in cells.enumerated() { mine.setGroup(t, c, cell) }
            }
            mine.setOverall(b.overall)
            pooled.merge(mine)
            holders.append(mine)
        }
        self.pooled = pooled
        self.holders = holders
        self.names = bundles.map(\.holder)
    }
}
