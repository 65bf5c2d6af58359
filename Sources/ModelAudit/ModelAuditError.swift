import AuditData

/// Why a decision-model audit cannot run.
public struct ModelAuditError: MessageError {
    public let message: String
    /// The message's typed reason, when it has one (``InputProblem``); `message` is its English text.
    public let problem: InputProblem?

    /// An error saying `message`, typed by `problem` when given (``MessageError``).
    public init(message: String, problem: InputProblem?) {
        self.message = message
        self.problem = problem
    }
}
