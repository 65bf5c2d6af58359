import AuditData

extension PointsGrid: YAMLDocument {
    public static let documentName = "grid"

    /// Reads a grid file (YAML; format in `docs/model.md`).
    ///
    /// - Throws: `SpecError` naming the file, line, column and key of the problem:
    ///   unreadable file, invalid YAML, unknown or repeated key, wrong type, and
    ///   every check of ``validate()`` (overlapping bands, cap not positive,
    ///   unknown criterion in an exclusive group, criterion in two groups, empty grid…).
    public static func load(path: String) throws(SpecError) -> PointsGrid {
        try PointsGrid(contentsOfFile: path)
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, role, description, id, criteria
        case exclusiveGroups = "exclusive_groups"
        case minimumScore = "minimum_score"
        case allocation
        case tieBreak = "tie_break"
        case data, dates
    }

    /// The keys of `docs/model.md`; the checks of ``validate()`` are keyed by YAML path, so
    /// `LocatedYAMLDecoder` puts them at their line.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .name, missing: "missing: give the grid a name")
        let id = try c.decode(String.self, forKey: .id, missing: "missing: give the applicant id column (id: demande_id)")
        let criteria = try c.decode([GridCriterion].self, forKey: .criteria, missing: "empty grid: expected at least one criterion", expected: "expected a list of criteria")
        let declared = try c.decode([GridExclusiveGroup.Declared].self, forKey: .exclusiveGroups, default: [], expected: "expected a list of groups {name, criteria}")
        var groups: [GridExclusiveGroup] = []
        for (g, group) in declared.enumerated() {
            var members: [Int] = []
            for (m, member) in group.criteria.enumerated() {
                guard let index = criteria.firstIndex(where: { $0.name == member }) else {
                    let path = c.codingPath + [CodingKeys.exclusiveGroups, AnyCodingKey(index: g), AnyCodingKey("criteria"), AnyCodingKey(index: m)]
                    throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: path, debugDescription: "unknown criterion '\(member)'; criteria: \(criteria.map(\.name).joined(separator: ", "))"))
                }
                members.append(index)
            }
            groups.append(GridExclusiveGroup(name: group.name ?? "group \(g + 1)", members: members))
        }
        let allocation = try c.decodeIfPresent(GridAllocationSection.self, forKey: .allocation)
        let tieBreak = try c.decodeIfPresent([GridTieBreakKey].self, forKey: .tieBreak, expected: "expected a list like [anciennete_mois desc, demande_id asc]")
        let sources = try c.decodeIfPresent(GridDataSource.Declared.self, forKey: .data)?.sources ?? []
        try self.init(name: name, role: try c.decodeIfPresent(String.self, forKey: .role),
                      description: try c.decodeIfPresent(String.self, forKey: .description), idColumn: id,
                      criteria: criteria, exclusiveGroups: groups, minimumScore: try c.decodeIfPresent(Double.self, forKey: .minimumScore),
                      segmentBy: allocation?.segmentBy ?? [], allocation: allocation?.rule, tieBreak: tieBreak,
                      dataSources: sources, dates: try c.decodeIfPresent(GridDateColumns.self, forKey: .dates))
    }
}

extension KeyedDecodingContainer {
    /// A number that must not be negative (`unit` says what it measures).
    func decodeNonNegative(forKey key: Key, unit: String) throws -> Double {
        let value = try decode(Double.self, forKey: key)
        guard value >= 0 else { throw failure(key, "expected a number ≥ 0 (\(unit)), found \(value)") }
        return value
    }
}
