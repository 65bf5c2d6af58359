import AuditData

/// The paper `report.html` prints on (`paper:` in the spec, `--paper`): its CSS
/// `@page { size: … }`. A4 by default, the size of French and European administrations;
/// US Letter only when asked for.
public enum ReportPaper: String, Equatable, SpecChoice {
    case a4, letter

    /// The CSS page size (`A4`, `Letter`).
    public var cssSize: String {
        switch self {
        case .a4: "A4"
        case .letter: "Letter"
        }
    }
}
