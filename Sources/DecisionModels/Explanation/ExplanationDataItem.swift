/// One column of the data the grid processed for the applicant (CRPA
/// R311-3-1-2 2°: "les données traitées et leurs sources").
public struct ExplanationDataItem: Sendable, Equatable {
    /// CSV column name.
    public var column: String
    /// The source declared in the grid's `data:` section; `nil` when the grid
    /// does not declare one (said as such, never invented).
    public var source: String?
    /// The declared description of the column, if any.
    public var description: String?
    /// The applicant's value as written in the data; `nil` when missing.
    public var value: String?
    /// What the grid uses the column for, e.g. `criterion`, `segment`, `tie_break`, `id`, `dates`.
    public var uses: [String]

    public init(column: String, source: String?, description: String?, value: String?, uses: [String]) {
        self.column = column
        self.source = source
        self.description = description
        self.value = value
        self.uses = uses
    }
}
