import AuditData

/// Statistics bundles that cannot be merged, or a bundle that does not hold what its format
/// says; the message names what was expected.
public struct HolderMergeError: MessageError {
    public let message: String
    /// The message's typed reason, when it has one (``InputProblem``); `message` is its English text.
    public let problem: InputProblem?

    /// An error saying `message`, typed by `problem` when given (``MessageError``).
    public init(message: String, problem: InputProblem?) {
        self.message = message
        self.problem = problem
    }
}
