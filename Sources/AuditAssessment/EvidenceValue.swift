/// A value inside a piece of evidence, formatted by the report's language.
public enum EvidenceValue: Sendable, Equatable {
    /// Text declared in the system card.
    case declared(String)
    /// A data label or column name.
    case label(String)
    case count(Int)
    case percent(Double)
    case number(Double, digits: Int)
    /// A catalogue key (a word of the report: a status, a concern's name).
    case word(String)
}
