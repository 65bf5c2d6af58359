import AuditData

/// The push-down audit could not run: an unreachable server, refused credentials, a missing
/// table or column, a column of the wrong type, a query error, a value the audit cannot read.
/// The message names what failed (and the server's own message).
public struct PostgresError: Error, Sendable, Equatable, CustomStringConvertible, InputProblemError {
    public let message: String
    /// The message's typed reason, when it has one (``InputProblem``); `message` is its English text.
    public let problem: InputProblem?
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
