/// One field of a register record: the format's identifier and label, its value as parts
/// with their sources, and what would fill it when it is missing.
public struct RegisterField: Sendable, Equatable {
    /// The format's identifier (`purpose_and_impact`, `1.1`, a CSV column header).
    public var id: String
    /// The field's label in French and in English (the format's own label in its language).
    public var labelFR: String
    public var labelEN: String
    /// The format's own label when it is neither French nor English (the Dutch register's).
    public var labelNL: String?
    /// The value's parts, in order; empty when the field is missing.
    public var parts: [RegisterPart]
    /// What would fill the field (`system.vendor`, `register.yaml nl.status`), said when it
    /// is missing.
    public var lookedFor: [String]

    public init(id: String, labelFR: String, labelEN: String, parts: [RegisterPart], lookedFor: [String]) {
        self.id = id
        self.labelFR = labelFR
        self.labelEN = labelEN
        self.parts = parts
        self.lookedFor = lookedFor
    }

    /// The value: the parts' texts joined by a blank line, or `nil` when missing.
    public var value: String? {
        parts.isEmpty ? nil : parts.map(\.text).joined(separator: "\n\n")
    }

    /// `declared`, `measured`, `declared+measured` (in the parts' order, each once) or `missing`.
    public var sourceLabel: String {
        if parts.isEmpty { return RegisterSource.missing.rawValue }
        var seen: [String] = []
        for part in parts where !seen.contains(part.source.rawValue) { seen.append(part.source.rawValue) }
        return seen.joined(separator: "+")
    }

    /// Where the parts came from, joined by "; ", or what was looked for when missing.
    public var originLabel: String {
        parts.isEmpty ? "not found: " + lookedFor.joined(separator: ", ") : parts.map(\.origin).joined(separator: "; ")
    }
}
