/// Where a column of the applicants' data comes from (spec `data:` section),
/// kept for explanations: e.g. `anciennete_mois` ← "formulaire de demande (SNE)".
public struct GridDataSource: Sendable, Equatable {
    /// CSV column name.
    public var column: String
    /// Origin of the value, e.g. "pièce justificative".
    public var source: String
    /// Optional free text (definition, unit).
    public var description: String?

    /// The origin of one column.
    public init(column: String, source: String, description: String? = nil) {
        self.column = column
        self.source = source
        self.description = description
    }
}
