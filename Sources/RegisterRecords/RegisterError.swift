import AuditData

/// The audit folder or the declarations cannot give a record: not a Vigie audit, another
/// schema version, a required field missing. The message names the file and the field and
/// says what was expected; `vigie register` then exits with code 2 and writes nothing.
public struct RegisterError: MessageError {
    public var message: String
    /// The message's typed reason, when it has one (``InputProblem``); `message` is its English text.
    public var problem: InputProblem?

    /// An error saying `message`, typed by `problem` when given (``MessageError``).
    public init(message: String, problem: InputProblem?) {
        self.message = message
        self.problem = problem
    }
}
