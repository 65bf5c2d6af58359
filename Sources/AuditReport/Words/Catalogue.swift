import AuditData

/// One language's words and numbers: the template of every ``MessageKey``, with named
/// placeholders `{name}`, and the ``NumberStyle`` its numbers are written in.
///
/// Each language is one file, `Catalogue+English.swift` and `Catalogue+French.swift`: an
/// exhaustive `switch` over ``MessageKey`` and the language's number style. Adding a language
/// is adding its ``ReportLanguage`` case, its file, and its line in ``of(_:)``; the compiler
/// lists every message the new file still lacks. The tests check that every key has the same
/// placeholders in every language.
///
/// The convention's wording is its own (Montpellier Méditerranée Métropole, 2023–24, summarised
/// in `docs/convention.md`); the legal requirements paraphrase CRPA L311-3-1, R311-3-1-2, L312-1-3, the
/// EU AI Act (Reg. 2024/1689) Articles 9, 10(2)(f)(g), 13, 14, 15, 27, 29 CFR 1607.4(D) and
/// NYC Local Law 144 (6 RCNY §5-300 ff.).
public struct Catalogue: Sendable {
    public let language: ReportLanguage
    /// How this language writes numbers.
    public let numbers: NumberStyle
    private let templates: @Sendable (MessageKey) -> String

    init(language: ReportLanguage, numbers: NumberStyle, template: @escaping @Sendable (MessageKey) -> String) {
        self.language = language
        self.numbers = numbers
        self.templates = template
    }

    /// The catalogue of a language.
    public static func of(_ language: ReportLanguage) -> Catalogue {
        switch language {
        case .en: english
        case .fr: french
        }
    }

    /// The template of `key`, placeholders unfilled.
    public func template(_ key: MessageKey) -> String { templates(key) }

    /// The placeholder names of a template, sorted, each once (`{group}` → `group`); a brace
    /// not followed by a name and `}` is text.
    public static func placeholders(in template: String) -> [String] {
        var names = Set<String>()
        var current: String?
        for ch in template {
            if ch == "{" { current = "" } else if ch == "}" {
                if let name = current, !name.isEmpty { names.insert(name) }
                current = nil
            } else if let name = current {
                current = ch.isLetter || ch.isNumber || ch == "_" ? name + String(ch) : nil
            }
        }
        return names.sorted()
    }

    /// `template` as runs: each `{name}` with a value in `values` becomes that run, in one pass
    /// (a value holding `{x}` is never filled again); the rest, including a placeholder without
    /// a value, is text.
    static func fill(_ template: String, _ values: [String: ReportInline]) -> [ReportInline] {
        var out: [ReportInline] = []
        var text = ""
        var index = template.startIndex
        while index < template.endIndex {
            if template[index] == "{", let close = template[index...].firstIndex(of: "}") {
                let name = String(template[template.index(after: index)..<close])
                if let run = values[name] {
                    if !text.isEmpty { out.append(.text(text)); text = "" }
                    out.append(run)
                    index = template.index(after: close)
                    continue
                }
            }
            text.append(template[index])
            index = template.index(after: index)
        }
        if !text.isEmpty { out.append(.text(text)) }
        return out
    }
}
