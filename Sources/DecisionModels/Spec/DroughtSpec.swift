import AuditData

/// A drought restriction applied to the allocation (volumes) (spec `drought:`).
public struct DroughtSpec: Sendable, Equatable {
    /// Path of the rule file (`rule:`, YAML); relative to the spec's folder.
    public var path: String
    /// The column holding each household's restriction level.
    public var level: String

    public init(path: String, level: String) {
        self.path = path
        self.level = level
    }
}
