/// A command's outputs could not be written; nothing was changed.
public struct ReportWriterError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
