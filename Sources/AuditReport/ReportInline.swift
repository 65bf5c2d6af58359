/// A run of text in a report: catalogue text, a data label (a category or column name,
/// always escaped and shown literally), or strong text.
public enum ReportInline: Sendable, Equatable {
    /// Text written by Vigie or declared in the spec; escaped for the format.
    case text(String)
    /// A data string (category label, column name), shown literally: `code` in both formats.
    case label(String)
    /// Several runs filling one placeholder, rendered as they are.
    case span([ReportInline])
    /// Emphasised runs.
    case strong([ReportInline])
    /// A status word (`met`, `not_met`…) and its text: strong, and coloured in HTML (the word
    /// carries the meaning; the colour only helps).
    case status(String, String)
    /// A link to a place inside the same report (`#id`); never to an external resource.
    case anchor(String, id: String)
}
