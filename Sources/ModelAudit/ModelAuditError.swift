/// Why a decision-model audit cannot run.
public struct ModelAuditError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
