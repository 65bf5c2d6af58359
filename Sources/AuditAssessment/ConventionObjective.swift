import AuditData

/// The four general objectives (*objectifs généraux*) of the Montpellier citizens'
/// convention on AI, each judged on the concerns and declarations it rests on.
public enum ConventionObjective: String, Sendable, Equatable, CaseIterable {
    case trust = "confiance"
    case transparency = "transparence"
    case ethics = "ethique_mesure"
    case sovereignty = "souverainete"

    /// The concerns whose statuses the objective combines.
    public var concerns: [ConventionConcern] {
        switch self {
        case .trust: return [.dataReliability, .governance]
        case .transparency: return []
        case .ethics: return [.parameterSetting, .placeOfHuman]
        case .sovereignty: return [.dataSecurity, .dependence]
        }
    }

    /// The system-card fields it needs declared.
    public var declaredFields: [SystemCard.Field] {
        switch self {
        case .trust: return [.complaints]
        case .transparency: return [.publicationURL, .dataSources, .mention, .explanation]
        case .ethics: return []
        case .sovereignty: return [.hosting, .sourceCode]
        }
    }
}
