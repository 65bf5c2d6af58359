/// The language of an applicant's explanation (`--lang fr|en`).
public enum ExplanationLanguage: String, Sendable, CaseIterable {
    case fr
    case en
}
