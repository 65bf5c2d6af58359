/// The eight common concerns (*enjeux communs*) of the Montpellier citizens' convention on AI
/// (Montpellier Méditerranée Métropole, 2023–24; `docs/convention.md`).
public enum ConventionConcern: String, Sendable, Equatable, CaseIterable {
    case parameterSetting = "parametrage"
    case dataReliability = "fiabilite"
    case dataSecurity = "securisation"
    case dependence = "dependance"
    case costBenefit = "cout_gains"
    case governance = "gestion"
    case placeOfHuman = "place_humain"
    case training = "formation"
}
