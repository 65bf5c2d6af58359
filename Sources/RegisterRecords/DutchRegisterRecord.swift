import Foundation

/// A record of the Dutch algorithm register in the JSON of its publication standard 1.0.0
/// (`DutchRegisterSchema`), with each field's source in a companion file.
///
/// The system card fills what it has keys for (name, organisation, contact, purpose, human
/// oversight, risk management, legal basis, data, model type, supplier); the standard's
/// required fields the card has no key for (`theme`, `status`, `start_date`,
/// `publication_category`, `considerations`, `impact_assessments`) come from the
/// declarations file. `risk_management` adds the audit's verdicts to the owner's measures,
/// `technical_operation` the grid's rules to the declared model type. `language` and
/// `schema` are the schema's constants. Declared texts are copied as written: the schema
/// says `language: nld`, so a Dutch body writes its card in Dutch.
public struct DutchRegisterRecord: Sendable {
    /// One field per schema property the record fills or could fill, in schema order (the
    /// constants `language` and `schema` excepted).
    public let fields: [RegisterField]
    /// The items of list properties (`theme`), as declared.
    public let lists: [String: [String]]
    public let facts: AuditFacts

    static let declarationKeys = [
        "theme", "status", "start_date", "end_date", "publication_category", "source_link", "considerations",
        "legal_basis_link", "legal_basis_title", "processing_register_link", "impact_assessments",
        "impact_assessment_link", "impact_assessment_explanation", "data_source_link", "data_source_title",
        "source_id", "search_terms",
    ]

    init(_ inputs: RegisterInputs) throws(RegisterError) {
        let l = RegisterLanguage.nl
        let f = inputs.facts
        let sourceCode = inputs.folder.card["source_code"]?.joined(separator: "; ")
        let sourceCodeURL = sourceCode.flatMap { Self.isWebAddress($0) ? $0 : nil }
        let lookups: [String: [RegisterLookup]] = [
            "name": [inputs.card("name")],
            "description_short": [inputs.card("purpose")],
            "organization": [inputs.card("owner")],
            "contact": [inputs.card("contact")],
            "link": [inputs.card("publication_url")],
            "purpose_and_impact": [inputs.card("purpose"), inputs.card("public_affected")],
            "human_intervention": [inputs.card("human_oversight")],
            "risk_management": [inputs.card("risk_management"),
                                inputs.measured(f.findingsText(l, listDisparities: false), from: "report.json verdicts, allocation, disclosure")],
            "legal_basis": [inputs.card("legal_basis")],
            "data": [inputs.card("data_sources"), inputs.card("collection")],
            "technical_operation": [inputs.card("model_type"), inputs.gridRules(l), inputs.ruleFiles(l)],
            "supplier": [inputs.card("vendor")],
            "source_code_link": [RegisterLookup(part: sourceCodeURL.map { RegisterPart(text: $0, source: .declared, origin: "system.source_code") },
                                                name: "system.source_code (a web address)")],
        ]
        var fields: [RegisterField] = []
        var lists: [String: [String]] = [:]
        for property in DutchRegisterSchema.properties {
            if case .constant = property.kind { continue }
            if case .list = property.kind, let items = inputs.declarations.values[.nl]?[property.key] { lists[property.key] = items }
            let found = lookups[property.key] ?? [inputs.declared(property.key)]
            var field = inputs.field(property.key, fr: property.labelFR, en: property.labelEN, found)
            field.labelNL = property.labelNL
            fields.append(field)
        }
        try inputs.requireDeclared(fields, DutchRegisterSchema.properties.filter(\.required).map(\.key))
        try Self.validate(fields, inputs: inputs)
        self.fields = fields
        self.lists = lists
        self.facts = f
    }

    /// An absolute `http` or `https` address without spaces.
    static func isWebAddress(_ s: String) -> Bool {
        guard !s.contains(where: \.isWhitespace), let url = URL(string: s), let scheme = url.scheme?.lowercased() else { return false }
        return (scheme == "http" || scheme == "https") && url.host != nil
    }

    /// Checks each field against its property's constraints; the first violations are
    /// reported with the field, the rule and the value's origin.
    static func validate(_ fields: [RegisterField], inputs: RegisterInputs) throws(RegisterError) {
        var problems: [String] = []
        for field in fields {
            guard let property = DutchRegisterSchema.properties.first(where: { $0.key == field.id }), !field.parts.isEmpty else { continue }
            let origin = field.originLabel
            switch property.kind {
            case .text(let maxLength):
                if let maxLength, let value = field.value, value.unicodeScalars.count > maxLength {
                    problems.append("  \(field.id) (\(property.labelNL)): \(value.unicodeScalars.count) characters, the standard allows \(maxLength) (from \(origin))")
                }
            case .choice(let allowed):
                if let value = field.value, !allowed.contains(value) {
                    problems.append("  \(field.id) (\(property.labelNL)): '\(value)' is not one of: \(allowed.joined(separator: " | ")) (from \(origin))")
                }
            case .month:
                if let value = field.value, !Self.isMonth(value) {
                    problems.append("  \(field.id) (\(property.labelNL)): '\(value)' is not a month written YYYY-MM (from \(origin))")
                }
            case .uri:
                if let value = field.value, !isWebAddress(value) {
                    problems.append("  \(field.id) (\(property.labelNL)): '\(value)' is not an http(s) address (from \(origin))")
                }
            case .list, .constant:
                break
            }
        }
        guard !problems.isEmpty else { return }
        throw RegisterError("\(inputs.folder.path): the \(RegisterFormat.nl.title) refuses these values:\n" + problems.joined(separator: "\n"))
    }

    /// `YYYY-MM` with a month from 01 to 12 (the schema's pattern is `^[0-9]{4}-[0-9]{2}$`).
    static func isMonth(_ s: String) -> Bool {
        let c = Array(s.utf8)
        guard c.count == 7, c[4] == UInt8(ascii: "-"), c.enumerated().allSatisfy({ $0.offset == 4 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element) }) else { return false }
        let month = Int(c[5] - UInt8(ascii: "0")) * 10 + Int(c[6] - UInt8(ascii: "0"))
        return (1...12).contains(month)
    }
}
