import AuditData

/// The words and numbers of one language, from its ``Catalogue``: what every renderer of a
/// document for people (the report, an explanation, the compare and diff reports) asks for.
public struct ReportText: Sendable {
    public let language: ReportLanguage
    public let catalogue: Catalogue

    public init(_ language: ReportLanguage) {
        self.language = language
        self.catalogue = .of(language)
    }

    /// How this language writes numbers.
    public var numbers: NumberStyle { catalogue.numbers }

    /// The sentence of `key` with its placeholders filled by plain text.
    public func callAsFunction(_ key: MessageKey, _ args: [String: String] = [:]) -> String {
        ReportInline.plainText(runs(key, args.mapValues { .text($0) }))
    }

    /// The sentence of `key` as runs: each placeholder becomes its run (a data label stays a
    /// label, escaped by the renderer), the template's text becomes text runs.
    public func runs(_ key: MessageKey, _ args: [String: ReportInline] = [:]) -> [ReportInline] {
        Catalogue.fill(catalogue.template(key), args)
    }

    /// The sentence whose dotted name is `name`, for a key built from a domain value
    /// (`"metric." + name`, an evidence key); `⟦name⟧` when the catalogue has none, which the
    /// tests look for.
    public func callAsFunction(named name: String, _ args: [String: String] = [:]) -> String {
        ReportInline.plainText(runs(named: name, args.mapValues { .text($0) }))
    }

    /// ``runs(_:_:)`` for a key found by its dotted name; `⟦name⟧` when the catalogue has none.
    public func runs(named name: String, _ args: [String: ReportInline] = [:]) -> [ReportInline] {
        guard let key = MessageKey.named(name) else { return [.text("⟦\(name)⟧")] }
        return runs(key, args)
    }

    /// A label declared per language (a grid criterion's `label_fr`, `label_en`): this
    /// language's, else the first declared in ``ReportLanguage`` order, else `nil`.
    public func declared(_ labels: [ReportLanguage: String?]) -> String? {
        if let own = labels[language] ?? nil { return own }
        return ReportLanguage.allCases.lazy.compactMap { labels[$0] ?? nil }.first
    }

    /// `x` with `digits` decimals (``NumberStyle/fixed(_:_:)``).
    public func fixed(_ x: Double, _ digits: Int) -> String { numbers.fixed(x, digits) }

    /// A rate as a percentage (``NumberStyle/percent(_:_:)``).
    public func percent(_ x: Double, _ digits: Int = 1) -> String { numbers.percent(x, digits) }

    /// A whole number grouped by thousands (``NumberStyle/integer(_:)``).
    public func count(_ n: Int) -> String { numbers.integer(n) }

    /// A change with its sign (``NumberStyle/signed(_:_:)``).
    public func signed(_ x: Double, _ digits: Int) -> String { numbers.signed(x, digits) }

    /// Two values joined by an en dash (``NumberStyle/range(_:_:_:)``).
    public func range(_ low: Double, _ high: Double, _ digits: Int) -> String { numbers.range(low, high, digits) }
}
