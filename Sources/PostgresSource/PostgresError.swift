import AuditData

/// The push-down audit could not run: an unreachable server, refused credentials, a missing
/// table or column, a column of the wrong type, a query error, a value the audit cannot read.
/// The message names what failed (and the server's own message).
public struct PostgresError: MessageError {
    public let message: String
    /// The message's typed reason, when it has one (``InputProblem``); `message` is its English text.
    public let problem: InputProblem?

    /// An error saying `message`, typed by `problem` when given (``MessageError``).
    public init(message: String, problem: InputProblem?) {
        self.message = message
        self.problem = problem
    }
}
