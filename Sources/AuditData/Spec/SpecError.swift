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
    /// The message's typed reason, when it has one (``InputProblem``): what the command line
    /// writes in its language; `message` is its English text.
    public var problem: InputProblem?

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, key: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    /// An error whose message is `problem`'s English text.
    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, key: String, problem: InputProblem) {
        self.init(file: file, line: line, column: column, key: key, message: problem.description)
        self.problem = problem
    }

    /// Errors are equal when they say the same at the same place (`problem` is `message` typed).
    public static func == (a: SpecError, b: SpecError) -> Bool {
        a.file == b.file && a.line == b.line && a.column == b.column && a.key == b.key && a.message == b.message
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

extension SpecError {
    /// An error at a coding path (`protected[2].bands`, list items counted from 1), to be
    /// located by `LocatedYAMLDecoder` at that key.
    public init(at codingPath: [CodingKey], message: String) {
        self.init(key: YAMLKeyPath.text(codingPath), message: message)
    }

    /// Refuses the keys of a mapping outside `allowed` (a mapping whose keys depend on
    /// another value, like a capacity's `segment_by` columns), naming the first at its key.
    public static func checkKeys<K: CodingKey>(_ container: KeyedDecodingContainer<K>, allowed: [String]) throws(SpecError) {
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            throw SpecError(key: YAMLKeyPath.text(container.codingPath + [key]), problem: .unknownKey(allowed: allowed))
        }
    }
}
