import AuditData

/// A command's outputs could not be written; nothing was changed.
public struct ReportWriterError: Error, CustomStringConvertible, InputProblemError {
    public let message: String
    /// The message's typed reason, when it has one (``InputProblem``); `message` is its English text.
    public var problem: InputProblem? = nil
    public var description: String { message }
}

extension ReportWriterError {
    /// An error whose message is `problem`'s English text.
    public init(problem: InputProblem) {
        self.init(message: problem.description, problem: problem)
    }
}
