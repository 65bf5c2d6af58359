/// Why an explanation cannot be given.
public enum ExplanationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No row of the data has this id (nothing else is listed, by design: no nearby ids).
    case unknownID(id: String, file: String, idColumn: String)
    /// An ISO date could not be read, or an allocation precedes its application.
    case badDate(file: String, line: Int, column: String, message: String)
    /// The per-criterion explanation does not add up to the grid's score (a bug).
    case inconsistent(String)

    public var description: String {
        switch self {
        case .unknownID(let id, let file, let column):
            "\(file): no application has \(column) '\(id)'"
        case .badDate(let file, let line, let column, let message):
            "\(file):\(line) (column '\(column)'): \(message)"
        case .inconsistent(let message):
            "internal error: \(message)"
        }
    }
}
