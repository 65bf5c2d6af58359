extension SystemCard {
    /// A field of the system card; the raw value is its key in the spec, a dotted key being
    /// nested (`fria.risks` is `risks:` under `fria:`).
    public enum Field: String, Sendable, CaseIterable, Hashable, Codable {
        // Identity (Etalab inventory: administration and algorithm).
        case name, owner, department, contact
        /// Where the system is used: an ISO 3166 code or a country name (`FR`, `France`, `US-FL`).
        case jurisdiction
        /// Who runs it: `public` (a public body) or `private`.
        case sector
        /// The date of the audit and of this card, `YYYY-MM-DD`; the report's date.
        case date
        case purpose
        case legalBasis = "legal_basis"
        /// Level of automation (Etalab): decision support or automatic decision.
        case automation
        /// Who reviews the output and can set it aside (AI Act Art. 14).
        case humanOversight = "human_oversight"
        case dataSources = "data_sources"
        case collection
        case decisionsPerYear = "decisions_per_year"
        case publicAffected = "public_affected"
        /// Rules written by people, or a learned model; AI Act scope (recital 12).
        case modelType = "model_type"
        case aiActStatus = "ai_act_status"
        /// Protected attributes (spec columns) that the law makes lawful priorities (disability,
        /// housing urgency: CCH L441-1), kept apart from suspect grounds (Code pénal 225-1).
        case mandatedPriorities = "mandated_priorities"
        // Sovereignty.
        case hosting, vendor
        case sourceCode = "source_code"
        // Governance (convention: gestion des IA; Amsterdam register).
        case `operator`
        case ethicsCommittee = "ethics_committee"
        case reviewDates = "review_dates"
        // Rights of the person (CRPA).
        /// Where the explicit mention of CRPA L311-3-1 is made on the decision.
        case mention
        /// How a person obtains the R311-3-1-2 explanation of their own case.
        case explanation
        case complaints
        /// Where the rules are published (CRPA L312-1-3).
        case publicationURL = "publication_url"
        // Cost, dependence, training.
        case cost, energy, fallback, training
        // Data protection.
        case storage, access, retention
        // Reliability.
        case updateProcess = "update_process"
        case errorCorrection = "error_correction"
        // AI Act.
        case riskManagement = "risk_management"
        case instructions
        case friaProcesses = "fria.processes"
        case friaPeriod = "fria.period"
        case friaAffectedGroups = "fria.affected_groups"
        case friaRisks = "fria.risks"
        case friaOversight = "fria.oversight"
        case friaMeasures = "fria.measures"

        /// The fields that take a list of texts (a single text is read as a one-item list).
        public var isList: Bool {
            switch self {
            case .dataSources, .reviewDates, .mandatedPriorities: return true
            default: return false
            }
        }
    }
}
