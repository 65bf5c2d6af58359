import AuditAssessment
import AuditData

/// The spec's report part: the language of the reports' human texts (`lang:`) and what the
/// system's owner declares about it (`system:`, the system card the assessments read).
public struct ReportSpec: Sendable, Equatable {
    /// The language of `report.md`, `report.html` and the sentences of `report.json`.
    public var language: ReportLanguage
    /// The declared system card; `nil` when the spec has none.
    public var system: SystemCard?
    /// Readable names for columns and categories (`labels:`), used where a person reads.
    public var labels: DisplayLabels
    /// The paper `report.html` prints on (`paper:`, A4 by default).
    public var paper: ReportPaper

    public init(language: ReportLanguage = .en, system: SystemCard? = nil, labels: DisplayLabels = DisplayLabels(), paper: ReportPaper = .a4) {
        self.paper = paper
        self.language = language
        self.system = system
        self.labels = labels
    }

    /// The card, empty when none is declared (every field then reported as missing).
    public var card: SystemCard { system ?? SystemCard() }
}
