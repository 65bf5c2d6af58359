import AuditData

/// The language of the human-readable texts of a report (`report.md`, `report.html`, and the
/// sentences `report.json` carries). Machine-readable keys stay English.
///
/// Default `en`: the command line, `report.json` keys and every report written before the
/// French catalogue existed are English, so an audit that does not ask keeps its bytes; an
/// authority that publishes in French sets `lang: fr` in its spec or passes `--lang fr`.
public enum ReportLanguage: String, Equatable, SpecChoice {
    case en, fr
}
