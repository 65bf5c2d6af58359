import AuditData

/// One data holder's sufficient statistics: everything `vigie merge` needs to audit the
/// union of several holders' rows without seeing a row (`docs/holders.md`).
///
/// It is ``AuditStatistics`` with the structure that gives it meaning — each protected
/// attribute's group labels, its missing group, its bands — in a form that can be written,
/// read back exactly, and united with other holders' (``HolderMerge``). It holds exact counts
/// per cell: it is for the coordinator of a multi-holder audit, never for publication.
public struct HolderStatistics: Sendable, Equatable, Codable {
    /// One protected attribute as this holder read it.
    public struct Attribute: Sendable, Equatable, Codable {
        /// The column's name.
        public var name: String
        /// Group labels by code, the missing group (if any) included.
        public var groups: [String]
        /// The code of the missing values' group, if any row had one.
        public var missing: Int?
        /// `bands` (fixed edges, `cut_points`) or absent for a categorical attribute.
        public var bands: [Double]?

        enum CodingKeys: String, CodingKey { case name, groups, missing, bands }

        public init(name: String, groups: [String], missing: Int?, bands: [Double]?) {
            self.name = name
            self.groups = groups
            self.missing = missing
            self.bands = bands
        }
    }

    /// One grouping of the audit (an attribute or an intersection) and its cells.
    public struct Table: Sendable, Equatable, Codable {
        /// Indices into ``attributes``, in spec order.
        public var components: [Int]
        /// Statistics per group code (mixed radix of the components' codes, last fastest).
        public var cells: [GroupStatistics]
    }

    /// The holder's name (`--holder`), as `holders.csv` shows it.
    public var holder: String
    public var attributes: [Attribute]
    /// Every grouping of the audit, in the audit's order (attributes, then intersections).
    public var tables: [Table]
    /// All the holder's rows.
    public var overall: GroupStatistics
    public var hasLabel: Bool
    public var hasDecision: Bool
    public var weighted: Bool
    /// The warnings the holder's data gave when read.
    public var warnings: [String]

    enum CodingKeys: String, CodingKey {
        case holder, attributes, tables, overall, warnings, weighted
        case hasLabel = "has_label"
        case hasDecision = "has_decision"
    }

    /// The statistics of one holder's audit, as `Audit.run` computes them.
    /// - Throws: ``HolderMergeError`` when an attribute is binned by quantiles (its cut points
    ///   depend on every holder's rows: the pooled audit would band differently).
    public init(holder: String, statistics: AuditStatistics, hasLabel: Bool, hasDecision: Bool, weighted: Bool, warnings: [String]) throws(HolderMergeError) {
        var attributes: [Attribute] = []
        for grouping in statistics.groupings where !grouping.isIntersection {
            let bands: [Double]?
            switch grouping.binning {
            case .none: bands = nil
            case .bands(let edges): bands = edges
            case .quantiles(let k):
                throw HolderMergeError(.sentence(.holderQuantiles, arguments: ["name": "\(grouping.name)", "count": "\(k)"]))
            }
            attributes.append(Attribute(name: grouping.name, groups: grouping.groups, missing: grouping.componentMissingCodes[0], bands: bands))
        }
        self.holder = holder
        self.attributes = attributes
        self.tables = statistics.groupings.indices.map { Table(components: statistics.groupings[$0].components, cells: statistics.groups[$0]) }
        self.overall = statistics.overall
        self.hasLabel = hasLabel
        self.hasDecision = hasDecision
        self.weighted = weighted
        self.warnings = warnings
    }

    /// The groupings these statistics describe (``Grouping/init(names:components:componentGroups:componentMissingCodes:cutPoints:binning:)``).
    public var groupings: [Grouping] {
        tables.map { table in
            let parts = table.components.map { attributes[$0] }
            let single = parts.count == 1 ? parts[0] : nil
            return Grouping(names: parts.map(\.name), components: table.components, componentGroups: parts.map(\.groups),
                            componentMissingCodes: parts.map(\.missing), cutPoints: single?.bands ?? [],
                            binning: single?.bands.map { .bands($0) } ?? .none)
        }
    }

    /// The statistics as the audit takes them.
    public var statistics: AuditStatistics {
        var result = AuditStatistics(empty: groupings)
        for (t, table) in tables.enumerated() {
            for (c, cell) in table.cells.enumerated() { result.setGroup(t, c, cell) }
        }
        result.setOverall(overall)
        return result
    }

    /// Checks what decoding cannot: codes and components in range, each table the full
    /// product of its components' groups, single attributes first and in order, each table's
    /// cells adding up to the whole population's.
    public func validate() throws(HolderMergeError) {
        guard !attributes.isEmpty else { throw HolderMergeError(.sentence(.holderNoAttribute, arguments: [:])) }
        for (i, a) in attributes.enumerated() {
            guard !a.groups.isEmpty, Set(a.groups).count == a.groups.count else { throw HolderMergeError(.sentence(.holderDistinctLabels, arguments: ["index": "\(i)", "name": "\(a.name)"])) }
            if let m = a.missing, !(0..<a.groups.count).contains(m) { throw HolderMergeError(.sentence(.holderMissingCode, arguments: ["index": "\(i)", "name": "\(a.name)", "code": "\(m)"])) }
        }
        for (t, table) in tables.enumerated() {
            guard !table.components.isEmpty, table.components.allSatisfy({ (0..<attributes.count).contains($0) }),
                  Set(table.components).count == table.components.count, table.components == table.components.sorted() else {
                throw HolderMergeError(.sentence(.holderTableIndices, arguments: ["index": "\(t)"]))
            }
            if t < attributes.count, table.components != [t] { throw HolderMergeError(.sentence(.holderTableAlone, arguments: ["index": "\(t)", "name": "\(attributes[t].name)"])) }
            var size = 1
            for c in table.components {
                let (product, overflow) = size.multipliedReportingOverflow(by: attributes[c].groups.count)
                guard !overflow, product <= 1 << 24 else { throw HolderMergeError(.sentence(.holderTableCells, arguments: ["index": "\(t)"])) }
                size = product
            }
            guard table.cells.count == size else { throw HolderMergeError(.sentence(.holderTableCellCount, arguments: ["index": "\(t)", "expected": "\(size)", "found": "\(table.cells.count)"])) }
            var rows = 0
            for cell in table.cells {
                let (sum, overflow) = rows.addingReportingOverflow(cell.count)
                guard !overflow else { throw HolderMergeError(.sentence(.holderTableRows, arguments: ["index": "\(t)"])) }
                rows = sum
            }
            guard rows == overall.count else { throw HolderMergeError(.sentence(.holderTableTotal, arguments: ["index": "\(t)", "rows": "\(rows)", "total": "\(overall.count)"])) }
        }
        guard tables.count >= attributes.count else { throw HolderMergeError(.sentence(.holderTableEach, arguments: [:])) }
    }
}
