import AuditData

/// `{rule, level}` in the file's view; `{file: base name, column}` in the report's.
extension DroughtSpec: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case path = "rule"
        case level
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(path: try c.decode(String.self, forKey: .path, missing: "missing: the restriction rule file"),
                  level: try c.decode(String.self, forKey: .level, missing: "missing: the restriction-level column"))
    }

    public func encode(to encoder: Encoder) throws {
        switch encoder.specView {
        case .file:
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encode(level, forKey: .level)
        case .report:
            try AppliedModel(path: path, column: level).encode(to: encoder)
        }
    }
}
