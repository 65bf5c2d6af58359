/// An error that may carry its message as a typed reason (``InputProblem``, usually an
/// ``InputSentence`` with its arguments): the command line writes that reason in its language
/// (`--lang`); the error's English text is the reason's ``InputProblem/description``, byte for
/// byte what it says in English. An error thrown with text only has no reason (`nil`): the
/// command line then finds the sentence again from the text (``InputProblem/init(recognizing:)``).
public protocol InputProblemError: Error {
    /// The message's typed reason, when the error was thrown with one.
    var problem: InputProblem? { get }
}
