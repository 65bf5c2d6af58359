/// Statistics bundles that cannot be merged, or a bundle that does not hold what its format
/// says; the message names what was expected.
public struct HolderMergeError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
