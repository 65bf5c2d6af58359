/// A record of the UK Algorithmic Transparency Recording Standard (ATRS), tier 1 and tier 2.
///
/// The v3.0 template has a metadata section, Tier 1 ("Overview", one section) and Tier 2
/// (five sections: "Owner and Responsibility", "Description and Rationale", and three
/// more), plus an optional dataset card. Vigie could not obtain the v3.0 template's full
/// field list: Tier 1 and Tier 2 section 1 use the field names and numbers published in
/// `checkedAgainst`; "Description and Rationale" has the template's title and fields named
/// after their content; the last three Tier 2 sections' titles and fields were not seen in
/// a source. Unchecked names are marked (`fieldNamesChecked`, `titleChecked`) in both files,
/// and `docs/register.md` lists them.
public struct TransparencyRecord: Sendable {
    public let sections: [TransparencySection]
    public let facts: AuditFacts

    /// The published sources the checked field names come from.
    public static let checkedAgainst = [
        "ATRS v3.0 template (GOV.UK, Google Sheets version for browser): info page listing the sections Metadata and Title Information, Tier 1 - Overview, Tier 2 - Owner and Responsibility, Tier 2 - Description and Rationale, and an optional Dataset card",
        "Algorithmic Transparency Standard v1.1 data standard (GOV.UK CSV, 2 December 2021): name, description, website, contact_email (tier 1), organisation, team, senior_responsible_owner, external_supplier (tier 2, owner and responsibility)",
        "ATRS guidance with field numbers 1.2-1.4 (tier 1) and 2.1.1-2.1.4.5 (tier 2 section 1: organisation, team, senior responsible owner, external supplier involvement, supplier name, Companies House number, supplier role, procurement procedure type, data access terms)",
    ]

    static let declarationKeys = [
        "senior_responsible_owner", "external_supplier_involvement", "companies_house_number", "supplier_role",
        "procurement_procedure_type", "data_access_terms", "scope", "benefit", "previous_process",
        "alternatives_considered", "provided_information", "phase", "impact_assessment",
    ]

    /// Fields marked required in the v1.1/v2.1 data standard (name, description, contact
    /// email, organisation).
    static let required = ["1.1", "1.2", "1.4", "2.1.1"]

    init(_ inputs: RegisterInputs) throws(RegisterError) {
        let l = RegisterLanguage.en
        let f = inputs.facts
        func field(_ id: String, _ en: String, _ fr: String, _ lookups: [RegisterLookup]) -> RegisterField {
            inputs.field(id, fr: fr, en: en, lookups)
        }
        let tier1 = TransparencySection(tier: 1, title: "Tier 1 - Overview", titleFR: "Niveau 1 - Présentation", fieldNamesChecked: true, titleChecked: true, fields: [
            field("1.1", "Name", "Nom", [inputs.card("name")]),
            field("1.2", "Description", "Description", [inputs.card("purpose"), inputs.card("automation")]),
            field("1.3", "Website URL", "Adresse du site", [inputs.card("publication_url")]),
            field("1.4", "Contact email", "Adresse de contact", [inputs.card("contact")]),
        ])
        let owner = TransparencySection(tier: 2, title: "Tier 2 - Owner and Responsibility", titleFR: "Niveau 2 - Responsable et responsabilités", fieldNamesChecked: true, titleChecked: true, fields: [
            field("2.1.1", "Organisation or department", "Organisation ou ministère", [inputs.card("owner")]),
            field("2.1.2", "Team", "Équipe", [inputs.card("department")]),
            field("2.1.3", "Senior responsible owner", "Responsable principal", [inputs.declared("senior_responsible_owner")]),
            field("2.1.4", "External supplier involvement", "Recours à un prestataire externe", [inputs.declared("external_supplier_involvement")]),
            field("2.1.4.1", "External supplier", "Prestataire externe", [inputs.card("vendor")]),
            field("2.1.4.2", "Companies House number", "Numéro d'immatriculation (Companies House)", [inputs.declared("companies_house_number")]),
            field("2.1.4.3", "External supplier role", "Rôle du prestataire", [inputs.declared("supplier_role")]),
            field("2.1.4.4", "Procurement procedure type", "Type de procédure d'achat", [inputs.declared("procurement_procedure_type")]),
            field("2.1.4.5", "Data access terms", "Conditions d'accès aux données", [inputs.declared("data_access_terms")]),
        ])
        let rationale = TransparencySection(tier: 2, title: "Tier 2 - Description and Rationale", titleFR: "Niveau 2 - Description et justification", fieldNamesChecked: false, titleChecked: true, fields: [
            field("detailed_description", "Detailed description", "Description détaillée", [inputs.card("model_type"), inputs.gridRules(l), inputs.ruleFiles(l)]),
            field("scope", "Scope", "Périmètre", [inputs.declared("scope")]),
            field("benefit", "Benefit", "Bénéfice", [inputs.declared("benefit")]),
            field("previous_process", "Previous process", "Processus antérieur", [inputs.declared("previous_process")]),
            field("alternatives_considered", "Alternatives considered", "Alternatives envisagées", [inputs.declared("alternatives_considered")]),
        ])
        let process = TransparencySection(tier: 2, title: "Tier 2 - Decision-Making Process", titleFR: "Niveau 2 - Processus de décision", fieldNamesChecked: false, titleChecked: false, fields: [
            field("process_integration", "Process integration", "Place dans le processus", [inputs.modelRole(), inputs.card("automation")]),
            field("provided_information", "Provided information", "Informations fournies", [inputs.declared("provided_information")]),
            field("frequency_and_scale_of_usage", "Frequency and scale of usage", "Fréquence et volume d'usage", [inputs.card("decisions_per_year")]),
            field("human_decisions_and_review", "Human decisions and review", "Décision et contrôle humains", [inputs.card("human_oversight")]),
            field("required_training", "Required training", "Formation requise", [inputs.card("training")]),
            field("appeals_and_review", "Appeals and review", "Recours et réexamen", [inputs.card("complaints"), inputs.card("explanation")]),
        ])
        let tool = TransparencySection(tier: 2, title: "Tier 2 - Tool Specification", titleFR: "Niveau 2 - Spécification de l'outil", fieldNamesChecked: false, titleChecked: false, fields: [
            field("system_architecture", "System architecture", "Architecture", [inputs.card("hosting")]),
            field("phase", "Phase", "Phase", [inputs.declared("phase")]),
            field("maintenance", "Maintenance", "Maintenance", [inputs.card("update_process")]),
            field("models", "Models", "Modèles", [inputs.modelName()]),
            field("source_data_name", "Source data name", "Source des données", [inputs.card("data_sources")]),
            field("data_description", "Data description", "Description des données", [inputs.gridData(l)]),
            field("sensitive_attributes", "Sensitive attributes", "Attributs sensibles", [inputs.measured(f.sensitiveAttributesText(l), from: "report.json spec.protected")]),
            field("data_completeness_and_representativeness", "Data completeness and representativeness", "Complétude et représentativité des données",
                  [inputs.measured(f.completenessText(l), from: "report.json input.rows, attributes[].groups (unknown)")]),
            field("data_collection", "Data collection", "Collecte des données", [inputs.card("collection")]),
            field("data_access_and_storage", "Data access and storage", "Accès et conservation des données", [inputs.card("storage"), inputs.card("access"), inputs.card("retention")]),
        ])
        let risks = TransparencySection(tier: 2, title: "Tier 2 - Risks, Mitigations and Impact Assessments", titleFR: "Niveau 2 - Risques, mesures et analyses d'impact", fieldNamesChecked: false, titleChecked: false, fields: [
            field("impact_assessment", "Impact assessment", "Analyse d'impact", [inputs.declared("impact_assessment"), inputs.card("fria.processes"), inputs.card("fria.affected_groups")]),
            field("risks_and_mitigations", "Risks and mitigations", "Risques et mesures", [inputs.card("risk_management"), inputs.card("fria.risks"), inputs.card("fria.measures"),
                                                                                                inputs.measured(f.findingsText(l), from: "report.json verdicts, findings, attributes, allocation, disclosure")]),
        ])
        let audit = TransparencySection(tier: 0, title: "Vigie audit (not part of the ATRS)", titleFR: "Audit Vigie (hors ATRS)", fieldNamesChecked: true, titleChecked: true, fields: [
            field("audit_date", "Date of the audit", "Date de l'audit", [inputs.card("date")]),
            field("groups_checked", "Groups checked", "Groupes contrôlés", [inputs.measured(f.groupsText(l), from: "report.json attributes")]),
            field("disparities_found", "Disparities found", "Écarts constatés", [inputs.measured(f.findingsText(l), from: "report.json verdicts, findings, attributes, allocation, disclosure")]),
            field("hashes", "SHA-256 hashes", "Empreintes SHA-256", [inputs.measured(f.hashesText(l), from: "manifest.json")]),
        ])
        let sections = [tier1, owner, rationale, process, tool, risks, audit]
        try inputs.requireDeclared(sections.flatMap(\.fields), Self.required)
        self.sections = sections
        self.facts = f
    }
}
