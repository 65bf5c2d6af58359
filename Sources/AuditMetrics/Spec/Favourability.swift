import AuditData

/// Whether a positive decision is good for the person (a flat allocated, a proposal to the
/// commission) or bad (flagged as high risk, a benefit withdrawn).
///
/// The four-fifths rule compares rates of the *favourable* outcome, so with an unfavourable
/// decision the impact ratio and the `best` reference use `1 − selection_rate`.
public enum Favourability: String, Hashable, SpecChoice {
    case favourable
    case unfavourable
}
