/// The push-down audit could not run: an unreachable server, refused credentials, a missing
/// table or column, a column of the wrong type, a query error, a value the audit cannot read.
/// The message names what failed (and the server's own message).
public struct PostgresError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
