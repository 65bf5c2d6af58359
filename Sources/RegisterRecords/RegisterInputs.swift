/// Everything a record is built from: the audit folder (facts and card), the decision
/// model's rules when the audit ran one, and the format's declarations.
struct RegisterInputs: Sendable {
    let folder: AuditFolder
    /// The grid, or why it could not be read; `nil` when the audit ran no decision model.
    let grid: Result<GridRules, RegisterError>?
    let format: RegisterFormat
    let declarations: RegisterDeclarations

    var facts: AuditFacts { folder.facts }

    /// A system card field, declared; list items joined by "; ".
    func card(_ key: String) -> RegisterLookup {
        let text = folder.card[key]?.joined(separator: "; ")
        return RegisterLookup(part: text.map { RegisterPart(text: $0, source: .declared, origin: "system.\(key)") }, name: "system.\(key)")
    }

    /// A key of the declarations file under this format.
    func declared(_ key: String) -> RegisterLookup {
        let text = declarations.values[format]?[key]?.joined(separator: "; ")
        let origin = "\(declarations.file.isEmpty ? "--declare" : declarations.file) \(format.rawValue).\(key)"
        return RegisterLookup(part: text.map { RegisterPart(text: $0, source: .declared, origin: origin) }, name: "--declare \(format.rawValue).\(key)")
    }

    /// A measured text.
    func measured(_ text: String?, from origin: String) -> RegisterLookup {
        RegisterLookup(part: text.map { RegisterPart(text: $0, source: .measured, origin: origin) }, name: origin)
    }

    /// The decision model's role, as its grid declares it (`report.json` `model.role`).
    func modelRole() -> RegisterLookup {
        let origin = "report.json model.role (\(facts.modelFile ?? "decision model"))"
        return RegisterLookup(part: facts.modelRole.map { RegisterPart(text: $0, source: .declared, origin: origin) }, name: "report.json model.role")
    }

    /// The decision model's name (`report.json` `model.name`).
    func modelName() -> RegisterLookup {
        let origin = "report.json model.name (\(facts.modelFile ?? "decision model"))"
        return RegisterLookup(part: facts.modelName.map { RegisterPart(text: $0, source: .declared, origin: origin) }, name: "report.json model.name")
    }

    /// The grid's rules and weights, declared by its file (named with its SHA-256).
    func gridRules(_ l: RegisterLanguage) -> RegisterLookup {
        gridText(l) { $0.text(l) }
    }

    /// The data the grid reads (its criteria), declared by its file.
    func gridData(_ l: RegisterLanguage) -> RegisterLookup {
        gridText(l) { $0.dataText(l) }
    }

    private func gridText(_ l: RegisterLanguage, _ render: (GridRules) -> String) -> RegisterLookup {
        switch grid {
        case .success(let rules):
            return RegisterLookup(part: RegisterPart(text: render(rules), source: .declared, origin: "\(rules.file.name) (SHA-256 \(rules.file.sha256))"), name: rules.file.name)
        case .failure(let error):
            return RegisterLookup(part: nil, name: "decision model (\(error.message))")
        case nil:
            return RegisterLookup(part: nil, name: "decision model (the audit ran none)")
        }
    }

    /// The audit's other rule files (tariff, drought rule) by name and SHA-256, declared.
    func ruleFiles(_ l: RegisterLanguage) -> RegisterLookup {
        let files = facts.inputs.filter { $0.role == "tariff" || $0.role == "drought" }
        guard !files.isEmpty else { return RegisterLookup(part: nil, name: "tariff or drought rule file") }
        let text = files.map { f in
            let role = f.role == "tariff" ? l.pick("tarif", "tariff", "tarief") : l.pick("règle de restriction sécheresse", "drought restriction rule", "droogtebeperkingsregel")
            return "\(role) \(f.name) (SHA-256 \(f.sha256))"
        }.joined(separator: l == .fr ? " ; " : "; ")
        let prefix = l.pick("Règles appliquées : ", "Rules applied: ", "Toegepaste regels: ")
        return RegisterLookup(part: RegisterPart(text: prefix + text + ".", source: .declared, origin: "manifest.json inputs"), name: "manifest.json inputs")
    }

    /// A field from its lookups, in order.
    func field(_ id: String, fr: String, en: String, _ lookups: [RegisterLookup]) -> RegisterField {
        RegisterField(id: id, labelFR: fr, labelEN: en, parts: lookups.compactMap(\.part), lookedFor: lookups.map(\.name))
    }

    /// Refuses a record whose required fields have no declared part, naming each field and
    /// what would fill it.
    func requireDeclared(_ fields: [RegisterField], _ required: [String]) throws(RegisterError) {
        let missing = fields.filter { required.contains($0.id) && !$0.parts.contains { $0.source == .declared } }
        guard !missing.isEmpty else { return }
        let lines = missing.map { f -> String in
            let ways = f.lookedFor.compactMap { name -> String? in
                if name.hasPrefix("system.") { return "`\(name.dropFirst("system.".count))` in the spec's system card" }
                if name.hasPrefix("--declare ") { return "`\(name.dropFirst("--declare ".count))` in the --declare file" }
                return nil
            }
            return "  \(f.id) (\(f.labelEN) / \(f.labelFR)): declare \(ways.joined(separator: " or "))"
        }
        throw RegisterError("\(folder.path): the \(format.title) requires \(missing.count == 1 ? "a field" : "fields") that the audit's system card and declarations do not give:\n" + lines.joined(separator: "\n") + "\n(a system card key is added under `system:` in the spec, then the audit is re-run; the --declare file is described in docs/register.md)")
    }
}
