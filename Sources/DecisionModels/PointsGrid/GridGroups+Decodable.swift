import AuditData

extension GridExclusiveGroup {
    /// An exclusive group as written, `{name, criteria: [names]}`; the names become indices
    /// once the criteria are known (`PointsGrid.init(from:)`).
    struct Declared: Decodable {
        var name: String?
        var criteria: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, criteria
        }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decodeIfPresent(String.self, forKey: .name)
            criteria = try c.decode([String].self, forKey: .criteria, missing: "missing: list the group's criteria", expected: "expected a list of criterion names")
        }
    }
}

extension GridTieBreakKey: Decodable {
    /// `column`, `column asc` or `column desc`.
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let words = try c.decode(String.self).split(separator: " ").map(String.init)
        guard (1...2).contains(words.count), words.count == 1 || ["asc", "desc"].contains(words[1]) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected 'column', 'column asc' or 'column desc'")
        }
        self.init(column: words[0], descending: words.count == 2 && words[1] == "desc")
    }
}

extension GridDateColumns: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case application, allocation
    }

    /// `dates: {application: date_depot, allocation: date_attribution}`.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(application: try c.decode(String.self, forKey: .application, missing: "missing: give the application date column (application: date_depot)"),
                  allocation: try c.decode(String.self, forKey: .allocation, missing: "missing: give the allocation date column (allocation: date_attribution)"))
    }
}

extension GridDataSource {
    /// `data:`: the origin of each column, in declared order (`{column: {source, description}}`).
    struct Declared: Decodable {
        var sources: [GridDataSource]

        enum Field: String, CodingKey, CaseIterable {
            case source, description
        }

        init(from decoder: Decoder) throws {
            let columns = try decoder.container(keyedBy: AnyCodingKey.self)
            sources = try columns.allKeys.map { column in
                let c = try columns.nestedContainer(keyedBy: Field.self, forKey: column)
                return GridDataSource(column: column.stringValue,
                                      source: try c.decode(String.self, forKey: .source, missing: "missing: say where the column comes from"),
                                      description: try c.decodeIfPresent(String.self, forKey: .description))
            }
        }
    }
}
