import AuditData

/// One sentence of the reports in both languages, with named placeholders `{name}`.
public struct ReportMessage: Sendable, Equatable {
    public let en: String
    public let fr: String

    public init(en: String, fr: String) {
        self.en = en
        self.fr = fr
    }

    /// The template in a language.
    public func template(_ language: ReportLanguage) -> String {
        language == .fr ? fr : en
    }

    /// The placeholder names of a template, sorted, each once (`{group}` → `group`).
    public static func placeholders(in template: String) -> [String] {
        var names = Set<String>()
        var current: String?
        for ch in template {
            if ch == "{" { current = "" } else if ch == "}" {
                if let name = current, !name.isEmpty { names.insert(name) }
                current = nil
            } else if current != nil {
                if ch.isLetter || ch.isNumber || ch == "_" { current!.append(ch) } else { current = nil }
            }
        }
        return names.sorted()
    }
}
