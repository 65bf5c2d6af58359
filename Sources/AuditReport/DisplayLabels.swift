/// Readable names for the codes a person would otherwise read in a report (the spec's
/// `labels:`): a column (`propose_caleol` → "proposed by the allocation commission") or a
/// category (`hors_UE` → "outside the EU"), in any language or per language. Codes stay in
/// `report.json` and the CSV files; `report.md` and `report.html` show the names.
///
/// ```yaml
/// labels:
///   propose_caleol: { en: "proposed by the allocation commission", fr: "proposé par la CALEOL" }
///   hors_UE: { en: "outside the EU", fr: "hors UE" }
///   FR: France                      # one name for every language
/// ```
public struct DisplayLabels: Sendable, Equatable {
    /// Code → language (`en`, `fr`, or `""` for every language) → name.
    public var names: [String: [String: String]]

    public init(names: [String: [String: String]] = [:]) {
        self.names = names
    }

    public var isEmpty: Bool { names.isEmpty }

    /// The name of `code` in `language`: its own language's, else the one for every language,
    /// else, in French, the word of a yes/no code (``frenchWords``).
    public func name(_ code: String, in language: ReportLanguage) -> String? {
        guard let byLanguage = names[code] else { return language == .fr ? Self.frenchWords[code] : nil }
        return byLanguage[language.rawValue] ?? byLanguage[""] ?? (language == .fr ? Self.frenchWords[code] : nil)
    }

    /// The yes/no codes a French report shows as words rather than as raw codes when the spec
    /// names them not (`qpv = oui` reads « réside en quartier prioritaire (QPV) = oui », not
    /// `` `oui` ``). English shows codes as they are: a code is named only by the spec there.
    public static let frenchWords = ["oui": "oui", "non": "non", "yes": "oui", "no": "non"]

    /// A code as a person reads it: its name, or for an intersection (`FR*>=66`) each part's
    /// name joined by " × " when at least one part has a name; `nil` when nothing is named.
    public func display(_ code: String, in language: ReportLanguage) -> String? {
        if let name = name(code, in: language) { return name }
        guard code.contains("*") else { return nil }
        let parts = code.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        let named = parts.map { name($0, in: language) }
        guard named.contains(where: { $0 != nil }) else { return nil }
        return zip(parts, named).map { $1 ?? $0 }.joined(separator: " × ")
    }
}
