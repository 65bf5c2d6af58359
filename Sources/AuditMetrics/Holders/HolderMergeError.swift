import AuditData

/// Statistics bundles that cannot be merged, or a bundle that does not hold what its format
/// says; the message names what was expected.
public struct HolderMergeError: Error, Sendable, Equatable, CustomStringConvertible, InputProblemError {
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
