/// One piece of evidence for a criterion: its source and a sentence of the catalogue
/// (`key`) with its values.
public struct Evidence: Sendable, Equatable {
    public let source: EvidenceSource
    public let key: String
    public let values: [String: EvidenceValue]

    public init(_ source: EvidenceSource, _ key: String, _ values: [String: EvidenceValue] = [:]) {
        self.source = source
        self.key = key
        self.values = values
    }
}
