import AuditData

/// The words and numbers of one language, from its ``Catalogue``: what every renderer of a
/// document for people (the report, an explanation, the compare and diff reports) asks for.
package struct ReportText: Sendable {
    package let language: ReportLanguage
    package let catalogue: Catalogue

    package init(_ language: ReportLanguage) {
        self.language = language
        self.catalogue = .of(language)
    }

    /// How this language writes numbers.
    package var numbers: NumberStyle { catalogue.numbers }

    /// The sentence of `key` with its placeholders filled by plain text.
    package func callAsFunction(_ key: MessageKey, _ args: [String: String] = [:]) -> String {
        ReportInline.plainText(runs(key, args.mapValues { .text($0) }))
    }

    /// The sentence of `key` as runs: each placeholder becomes its run (a data label stays a
    /// label, escaped by the renderer), the template's text becomes text runs.
    package func runs(_ key: MessageKey, _ args: [String: ReportInline] = [:]) -> [ReportInline] {
        Catalogue.fill(catalogue.template(key), args)
    }

    /// The sentence whose dotted name is `name`, for a key built from a domain value
    /// (`"metric." + name`, an evidence key); `⟦name⟧` when the catalogue has none, which the
    /// tests look for.
    package func callAsFunction(named name: String, _ args: [String: String] = [:]) -> String {
        ReportInline.plainText(runs(named: name, args.mapValues { .text($0) }))
    }

    /// ``runs(_:_:)`` of `one` when this language's noun counted `count` times is singular
    /// (``isSingular(_:)``), else of `many`: a sentence whose nouns and verbs agree with a count.
    package func runs(_ many: MessageKey, one: MessageKey, count: Int, _ args: [String: ReportInline] = [:]) -> [ReportInline] {
        runs(isSingular(count) ? one : many, args)
    }

    /// ``runs(_:_:)`` for a key found by its dotted name; `⟦name⟧` when the catalogue has none.
    package func runs(named name: String, _ args: [String: ReportInline] = [:]) -> [ReportInline] {
        guard let key = MessageKey.named(name) else { return [.text("⟦\(name)⟧")] }
        return runs(key, args)
    }

    /// A label declared per language (a grid criterion's `label_fr`, `label_en`): this
    /// language's, else the first declared in ``ReportLanguage`` order, else `nil`.
    package func declared(_ labels: [ReportLanguage: String?]) -> String? {
        if let own = labels[language] ?? nil { return own }
        return ReportLanguage.allCases.lazy.compactMap { labels[$0] ?? nil }.first
    }

    /// `x` with `digits` decimals (``NumberStyle/fixed(_:_:)``).
    package func fixed(_ x: Double, _ digits: Int) -> String { numbers.fixed(x, digits) }

    /// A rate as a percentage (``NumberStyle/percent(_:_:)``).
    package func percent(_ x: Double, _ digits: Int = 1) -> String { numbers.percent(x, digits) }

    /// The plural ending of a noun counted `n` times: `s` unless the language says the noun
    /// is singular for `n` — English for 1 only ("0 groups", "1 group"), French for 0 and 1
    /// ("0 groupe", "1 groupe", "2 groupes").
    package func s(_ n: Int) -> String { isSingular(n) ? "" : "s" }

    /// Whether this language's noun counted `n` times is singular: 1 in English, 0 and 1 in French.
    package func isSingular(_ n: Int) -> Bool {
        switch language {
        case .en: n == 1
        case .fr: n == 0 || n == 1
        }
    }

    /// A whole number grouped by thousands (``NumberStyle/integer(_:)``).
    package func count(_ n: Int) -> String { numbers.integer(n) }

    /// A change with its sign (``NumberStyle/signed(_:_:)``).
    package func signed(_ x: Double, _ digits: Int) -> String { numbers.signed(x, digits) }

    /// Two values joined by an en dash (``NumberStyle/range(_:_:_:)``).
    package func signedRange(_ low: Double, _ high: Double, _ digits: Int) -> String { numbers.signedRange(low, high, digits) }
    package func range(_ low: Double, _ high: Double, _ digits: Int) -> String { numbers.range(low, high, digits) }
}
