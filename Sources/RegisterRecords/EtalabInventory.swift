/// The record of Etalab's inventory of public algorithms: the fields of the "fiche
/// pratique : l'inventaire des principaux traitements algorithmiques" of Etalab's guide
/// des algorithmes publics (guides.etalab.gouv.fr/algorithmes/inventaire, updated 11
/// February 2021), which lists what a body can gather for each algorithm that grounds
/// individual decisions (CRPA L312-1-2 and L312-1-3), then three columns of Vigie's audit.
///
/// Column headers are the guide's labels; its three "Ressources connexes" rows are told
/// apart by their section in parentheses (the guide repeats the label). The guide marks no
/// field as required; Vigie requires the three that identify a record: the body, the
/// algorithm's name and its purpose.
public struct EtalabInventory: Sendable {
    public let fields: [RegisterField]

    /// The keys this record reads from a declarations file (fields the card has no key for).
    static let declarationKeys = ["contexte_global", "portee_decision", "ressources_impact"]

    /// Field ids Vigie requires.
    static let required = ["Nom de l'administration concernée", "Nom de l'algorithme", "Finalité de l'algorithme"]

    init(_ inputs: RegisterInputs) throws(RegisterError) {
        let l = RegisterLanguage.fr
        let f = inputs.facts
        let fields = [
            // Informations sur l'administration
            inputs.field("Nom de l'administration concernée", fr: "Nom de l'administration concernée", en: "Name of the administration", [inputs.card("owner")]),
            inputs.field("Direction/service porteur", fr: "Direction/service porteur", en: "Department or service in charge", [inputs.card("department")]),
            inputs.field("Contact au sein de l'administration concernée", fr: "Contact au sein de l'administration concernée", en: "Contact in the administration", [inputs.card("contact")]),
            inputs.field("Date de mise à jour des informations", fr: "Date de mise à jour des informations", en: "Date the information was updated", [inputs.card("date")]),
            // Informations métier sur l'algorithme et la décision prise
            inputs.field("Nom de l'algorithme", fr: "Nom de l'algorithme", en: "Name of the algorithm", [inputs.card("name")]),
            inputs.field("Contexte global", fr: "Contexte global", en: "Overall context", [inputs.declared("contexte_global")]),
            inputs.field("Finalité de l'algorithme", fr: "Finalité de l'algorithme", en: "Purpose of the algorithm", [inputs.card("purpose")]),
            inputs.field("Comment et quand l'algorithme intervient-il dans la prise de décision ?", fr: "Comment et quand l'algorithme intervient-il dans la prise de décision ?",
                         en: "How and when the algorithm intervenes in the decision", [inputs.modelRole(), inputs.card("human_oversight")]),
            inputs.field("Niveau d'automatisation de la décision", fr: "Niveau d'automatisation de la décision", en: "Level of automation of the decision", [inputs.card("automation")]),
            inputs.field("Fondements juridiques", fr: "Fondements juridiques", en: "Legal basis", [inputs.card("legal_basis")]),
            inputs.field("Ressources connexes (informations métier)", fr: "Ressources connexes (informations métier)", en: "Related resources (business information)", [inputs.card("publication_url")]),
            // Informations sur l'impact de la décision
            inputs.field("Nombre de décisions administratives prises par an", fr: "Nombre de décisions administratives prises par an", en: "Administrative decisions per year", [inputs.card("decisions_per_year")]),
            inputs.field("Portée de la décision", fr: "Portée de la décision", en: "Scope of the decision (external or internal)", [inputs.declared("portee_decision")]),
            inputs.field("Public concerné par la décision", fr: "Public concerné par la décision", en: "People affected by the decision", [inputs.card("public_affected")]),
            inputs.field("Ressources connexes (impact)", fr: "Ressources connexes (impact)", en: "Related resources (impact)", [inputs.declared("ressources_impact")]),
            // Informations sur le fonctionnement interne de l'algorithme
            inputs.field("Données traitées", fr: "Données traitées", en: "Data processed", [inputs.gridData(l)]),
            inputs.field("Source des données traitées", fr: "Source des données traitées", en: "Source of the data", [inputs.card("data_sources")]),
            inputs.field("Mode de collecte des données traitées", fr: "Mode de collecte des données traitées", en: "How the data are collected", [inputs.card("collection")]),
            inputs.field("Type d'algorithme", fr: "Type d'algorithme", en: "Type of algorithm", [inputs.card("model_type")]),
            inputs.field("Opérations effectuées par l'algorithme", fr: "Opérations effectuées par l'algorithme", en: "Operations performed by the algorithm (main rules and their weights)",
                         [inputs.gridRules(l), inputs.ruleFiles(l)]),
            inputs.field("Ressources connexes (fonctionnement interne)", fr: "Ressources connexes (fonctionnement interne)", en: "Related resources (internal workings)", [inputs.card("source_code")]),
            // Vigie's audit (not fields of the guide)
            inputs.field("Audit Vigie : groupes contrôlés", fr: "Audit Vigie : groupes contrôlés", en: "Vigie audit: groups checked",
                         [inputs.measured(f.groupsText(l), from: "report.json attributes")]),
            inputs.field("Audit Vigie : écarts constatés", fr: "Audit Vigie : écarts constatés", en: "Vigie audit: disparities found",
                         [inputs.measured(f.findingsText(l), from: "report.json verdicts, findings, attributes, allocation, disclosure")]),
            inputs.field("Audit Vigie : empreintes SHA-256", fr: "Audit Vigie : empreintes SHA-256", en: "Vigie audit: SHA-256 hashes",
                         [inputs.measured(f.hashesText(l), from: "manifest.json")]),
        ]
        try inputs.requireDeclared(fields, Self.required)
        self.fields = fields
    }

    /// The CSV a data portal takes: a header row, then one row; each field followed by a
    /// column `<field> [source]` (`declared`, `measured`, `declared+measured`, `missing`).
    public func csv() -> String {
        var header: [String] = [], row: [String] = []
        for field in fields {
            header.append(field.id)
            header.append("\(field.id) [source]")
            row.append(field.value ?? "")
            row.append(field.sourceLabel)
        }
        return CSVCell.line(header) + CSVCell.line(row)
    }
}
