/// A reference rule in a spec: `largest`, `best`, `overall`, any other text as a named group,
/// or `{named: GROUP}`.
///
/// The file's view writes a named group always as `{named: GROUP}` (so a group called
/// "largest" stays a group); the report's writes `{rule, group}`.
extension ReferenceRule: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case named
    }

    enum ReportKeys: String, CodingKey {
        case rule, group
    }

    public init(from decoder: Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self.init(parsing: text)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard c.contains(.named) else { throw c.failure("expected 'largest', 'best', 'overall' or 'named: GROUP'") }
        self = .named(try c.decode(String.self, forKey: .named))
    }

    public func encode(to encoder: Encoder) throws {
        switch (encoder.specView, self) {
        case (.file, .named(let group)):
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(group, forKey: .named)
        case (.file, _):
            var c = encoder.singleValueContainer()
            try c.encode(label)
        case (.report, _):
            var c = encoder.container(keyedBy: ReportKeys.self)
            try c.encode(name, forKey: .rule)
            try c.encodeIfPresent(namedGroup, forKey: .group)
        }
    }
}
