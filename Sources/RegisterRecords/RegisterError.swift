/// The audit folder or the declarations cannot give a record: not a Vigie audit, another
/// schema version, a required field missing. The message names the file and the field and
/// says what was expected; `vigie register` then exits with code 2 and writes nothing.
public struct RegisterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
