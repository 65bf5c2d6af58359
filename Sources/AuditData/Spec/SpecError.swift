/// An invalid audit spec or command-line option, naming the key (and, for a spec file,
/// the file, line and column) and what was expected.
public struct SpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Spec file path, when the error comes from a file.
    public var file: String?
    /// 1-based line and column in the spec file, when known.
    public var line: Int?
    public var column: Int?
    /// The key (`protected[2].bands`, `--reference`) that is wrong.
    public var key: String
    /// What is wrong and what was expected.
    public var message: String

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, key: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line { location += ":\(line)" }
            if let column { location += ":\(column)" }
            location += ": "
        }
        return "\(location)\(key): \(message)"
    }
}
