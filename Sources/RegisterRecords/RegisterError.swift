import AuditData

/// The audit folder or the declarations cannot give a record: not a Vigie audit, another
/// schema version, a required field missing. The message names the file and the field and
/// says what was expected; `vigie register` then exits with code 2 and writes nothing.
public struct RegisterError: Error, Sendable, Equatable, CustomStringConvertible, InputProblemError {
    public var message: String
    /// The message's typed reason, when it has one (``InputProblem``); `message` is its English text.
    public var problem: InputProblem?

    public init(_ message: String) {
        self.message = message
        self.problem = nil
    }

    /// An error whose message is `problem`'s English text.
    public init(_ problem: InputProblem) {
        self.message = problem.description
        self.problem = problem
    }

    /// Errors are equal when they say the same (`problem` is `message` typed).
    public static func == (a: Self, b: Self) -> Bool { a.message == b.message }

    public var description: String { message }
}
