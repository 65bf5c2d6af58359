/// An error that is its message — English text, typed by an ``InputProblem`` when it was thrown
/// with one — and nothing else: equal to another when they say the same, described by its
/// message. The inits, `==` and `description` are written once here for every such error
/// (the register's, PostgreSQL's, the holders' statistics', the model audit's).
public protocol MessageError: InputProblemError, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong and what was expected, in English.
    var message: String { get }
    /// An error saying `message`; `problem` is its typed reason, when it has one (`message` is
    /// then `problem`'s English text).
    init(message: String, problem: InputProblem?)
}

extension MessageError {
    /// An error with text only (the command line finds its sentence again from the text).
    public init(_ message: String) {
        self.init(message: message, problem: nil)
    }

    /// An error whose message is `problem`'s English text.
    public init(_ problem: InputProblem) {
        self.init(message: problem.description, problem: problem)
    }

    /// Errors are equal when they say the same (`problem` is `message` typed).
    public static func == (a: Self, b: Self) -> Bool { a.message == b.message }

    public var description: String { message }
}
