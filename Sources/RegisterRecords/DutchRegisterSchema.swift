/// The Algoritmeregister publication standard 1.0.0 ("Algoritmeregister Publicatiestandaard
/// v1.0.0", JSON Schema draft-07, `$id`
/// https://www.algoritmeregister.org/schemas/algoritmeregister-publicatiestandaard-v1.0.0.schema.json),
/// as published in the register's repository (github.com/MinBZK/Algoritmeregister,
/// `schema.json`; a copy and its source are in `Fixtures/register/nl/`).
public enum DutchRegisterSchema {
    public static let version = "1.0.0"
    public static let id = "https://www.algoritmeregister.org/schemas/algoritmeregister-publicatiestandaard-v1.0.0.schema.json"

    static let statuses = ["In ontwikkeling", "In gebruik", "Buiten gebruik"]
    static let categories = ["Hoog-risico AI-systeem (Categorie A)", "Impactvolle algoritmes (Categorie B)", "Overige algoritmes (Categorie C)"]

    /// Every property of the schema, in its order.
    public static let properties: [DutchRegisterProperty] = [
        .init(key: "name", labelNL: "Naam", labelEN: "Name", labelFR: "Nom", kind: .text(maxLength: 99), required: true),
        .init(key: "description_short", labelNL: "Korte omschrijving", labelEN: "Short description", labelFR: "Description courte", kind: .text(maxLength: 399), required: true),
        .init(key: "organization", labelNL: "Organisatie", labelEN: "Organisation", labelFR: "Organisation", kind: .text(maxLength: 99), required: true),
        .init(key: "theme", labelNL: "Thema", labelEN: "Theme", labelFR: "Thème", kind: .list, required: true),
        .init(key: "status", labelNL: "Status", labelEN: "Status", labelFR: "Statut", kind: .choice(statuses), required: true),
        .init(key: "start_date", labelNL: "Begindatum", labelEN: "Start date", labelFR: "Date de début", kind: .month, required: true),
        .init(key: "end_date", labelNL: "Einddatum", labelEN: "End date", labelFR: "Date de fin", kind: .month, required: false),
        .init(key: "contact", labelNL: "Contactgegevens", labelEN: "Contact details", labelFR: "Contact", kind: .text(maxLength: nil), required: true),
        .init(key: "link", labelNL: "Link naar publiekspagina", labelEN: "Link to public page", labelFR: "Lien vers la page publique", kind: .uri, required: false),
        .init(key: "publication_category", labelNL: "Publicatiecategorie", labelEN: "Publication category", labelFR: "Catégorie de publication", kind: .choice(categories), required: true),
        .init(key: "source_link", labelNL: "Link naar bronregistratie", labelEN: "Link to source registration", labelFR: "Lien vers l'enregistrement source", kind: .uri, required: false),
        .init(key: "purpose_and_impact", labelNL: "Doel en impact", labelEN: "Purpose and impact", labelFR: "Finalité et impact", kind: .text(maxLength: 2499), required: true),
        .init(key: "considerations", labelNL: "Afwegingen", labelEN: "Considerations", labelFR: "Arbitrages", kind: .text(maxLength: 2499), required: true),
        .init(key: "human_intervention", labelNL: "Menselijke tussenkomst", labelEN: "Human intervention", labelFR: "Intervention humaine", kind: .text(maxLength: 2499), required: true),
        .init(key: "risk_management", labelNL: "Risicobeheer", labelEN: "Risk management", labelFR: "Gestion des risques", kind: .text(maxLength: 2499), required: true),
        .init(key: "legal_basis", labelNL: "Wettelijke basis", labelEN: "Legal basis", labelFR: "Base légale", kind: .text(maxLength: 2499), required: false),
        .init(key: "legal_basis_link", labelNL: "Link naar wettelijke basis", labelEN: "Link to legal basis", labelFR: "Lien vers la base légale", kind: .uri, required: false),
        .init(key: "legal_basis_title", labelNL: "Titel van wettelijke basis", labelEN: "Title of legal basis", labelFR: "Titre de la base légale", kind: .text(maxLength: 99), required: false),
        .init(key: "processing_register_link", labelNL: "Link naar verwerkingsregister", labelEN: "Link to processing register", labelFR: "Lien vers le registre des traitements", kind: .uri, required: false),
        .init(key: "impact_assessments", labelNL: "Impacttoetsen", labelEN: "Impact assessments", labelFR: "Analyses d'impact", kind: .text(maxLength: nil), required: true),
        .init(key: "impact_assessment_link", labelNL: "Link naar impacttoets", labelEN: "Link to impact assessment", labelFR: "Lien vers l'analyse d'impact", kind: .uri, required: false),
        .init(key: "impact_assessment_explanation", labelNL: "Toelichting op impacttoetsen", labelEN: "Explanation of impact assessments", labelFR: "Explication des analyses d'impact", kind: .text(maxLength: 2499), required: false),
        .init(key: "data", labelNL: "Gegevens", labelEN: "Data", labelFR: "Données", kind: .text(maxLength: 2499), required: true),
        .init(key: "data_source_link", labelNL: "Link naar gegevensbronnen", labelEN: "Link to data sources", labelFR: "Lien vers les sources de données", kind: .uri, required: false),
        .init(key: "data_source_title", labelNL: "Titel van gegevensbron", labelEN: "Title of data source", labelFR: "Titre de la source de données", kind: .text(maxLength: 499), required: false),
        .init(key: "technical_operation", labelNL: "Technische werking", labelEN: "Technical operation", labelFR: "Fonctionnement technique", kind: .text(maxLength: 4999), required: true),
        .init(key: "supplier", labelNL: "Leverancier", labelEN: "Supplier", labelFR: "Fournisseur", kind: .text(maxLength: 199), required: true),
        .init(key: "source_code_link", labelNL: "Link naar broncode", labelEN: "Link to source code", labelFR: "Lien vers le code source", kind: .uri, required: false),
        .init(key: "language", labelNL: "Taal", labelEN: "Language", labelFR: "Langue", kind: .constant("nld"), required: true),
        .init(key: "schema", labelNL: "Schema", labelEN: "Schema", labelFR: "Schéma", kind: .constant(version), required: true),
        .init(key: "source_id", labelNL: "Bron-ID", labelEN: "Source ID", labelFR: "Identifiant source", kind: .text(maxLength: nil), required: false),
        .init(key: "search_terms", labelNL: "Zoektermen", labelEN: "Search terms", labelFR: "Mots-clés", kind: .text(maxLength: nil), required: false),
    ]
}
