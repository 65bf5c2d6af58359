/// Every sentence of an applicant's explanation, in French and English
/// (CRPA R311-3-1-2 asks for "une forme intelligible"). Placeholders are
/// `{name}`; both languages of a key use the same placeholders (tested).
/// Kept apart from the report catalogue so it can be moved there as a block.
public enum ExplanationText {
    /// key → (French, English).
    public static let entries: [String: (fr: String, en: String)] = [
        "title": ("Explication du score de la demande {id}", "Explanation of the score of application {id}"),
        "intro": (
            "Ce document répond à l'article R311-3-1-2 du code des relations entre le public et l'administration (CRPA) : il indique, sous une forme intelligible, la contribution de l'algorithme « {grid} » à la décision, les données traitées et leurs sources, les paramètres de traitement et leur pondération appliqués à votre situation, et les opérations effectuées. Il ne contient aucune donnée d'un autre demandeur.",
            "This document answers article R311-3-1-2 of the French code of relations between the public and the administration (CRPA): in plain language, it gives the contribution of the algorithm “{grid}” to the decision, the data processed and their sources, the processing parameters and their weighting as applied to your situation, and the operations performed. It contains no data about any other applicant."),

        "heading.summary": ("Votre score et votre position", "Your score and your position"),
        "summary.score": ("Score total : {total} points.", "Total score: {total} points."),
        "summary.rank": ("Rang {rank} sur {count} demandes comparables ({segment}).", "Rank {rank} of {count} comparable applications ({segment})."),
        "segment.values": ("même {columns} : {values}", "same {columns}: {values}"),
        "segment.all": ("toutes les demandes", "all applications"),
        "standing.selected": ("La règle d'attribution retient votre demande.", "The allocation rule selects your application."),
        "standing.not_selected": ("La règle d'attribution ne retient pas votre demande.", "The allocation rule does not select your application."),
        "standing.proposed": ("Votre demande fait partie de celles présentées à la commission d'attribution, qui décide.", "Your application is among those put before the allocation commission, which decides."),
        "standing.not_proposed": ("Votre demande ne fait pas partie de celles présentées à la commission d'attribution.", "Your application is not among those put before the allocation commission."),
        "wait.available": (
            "Attente des demandes comparables attribuées ({count}), du dépôt à l'attribution : {mean} mois en moyenne, médiane {median} mois.",
            "Wait of the comparable applications that were allocated ({count}), from filing to allocation: {mean} months on average, median {median} months."),
        "wait.suppressed": (
            "Durée moyenne d'attente non communiquée : {count} demande(s) comparable(s) attribuée(s) seulement, moins que le minimum de {minimum} qui protège les autres demandeurs.",
            "Average wait not given: only {count} comparable application(s) were allocated, fewer than the minimum of {minimum} that protects other applicants."),
        "wait.undeclared": (
            "La grille ne déclare pas de colonnes de dates : la durée moyenne d'attente ne peut pas être calculée.",
            "The grid declares no date columns: the average wait cannot be computed."),

        "heading.role": ("1. Degré et mode de contribution de l'algorithme à la décision", "1. Degree and mode of the algorithm's contribution to the decision"),
        "role.declared": ("Rôle déclaré de la grille : {role}", "Declared role of the grid: {role}"),
        "role.undeclared": ("La grille ne déclare pas son rôle dans la décision.", "The grid does not declare its role in the decision."),
        "rule.capacity": (
            "Règle d'attribution : dans chaque segment ({segment}), les demandes sont classées par score ; autant de demandes sont retenues que le segment compte de logements.",
            "Allocation rule: within each segment ({segment}), applications are ranked by score; as many are selected as the segment has dwellings."),
        "rule.proposals": (
            "Règle d'attribution : dans chaque segment ({segment}), les demandes sont classées par score ; les {per_unit} premières par logement sont présentées à la commission d'attribution, qui décide.",
            "Allocation rule: within each segment ({segment}), applications are ranked by score; the top {per_unit} per dwelling are put before the allocation commission, which decides."),
        "rule.threshold": (
            "Règle : une demande est retenue quand son score atteint {threshold} points ; les demandes sont classées dans chaque segment ({segment}).",
            "Rule: an application is selected when its score reaches {threshold} points; applications are ranked within each segment ({segment})."),
        "rule.none": (
            "La grille ne déclare pas de règle d'attribution : le score ordonne les demandes ({segment}).",
            "The grid declares no allocation rule: the score orders the applications ({segment})."),
        "segment.by": ("par {columns}", "by {columns}"),

        "heading.data": ("2. Données traitées et leurs sources", "2. Data processed and their sources"),
        "data.intro": ("Les colonnes lues par la grille, votre valeur et leur source déclarée :", "The columns the grid reads, your value and their declared source:"),
        "data.columns": ("Donnée | Votre valeur | Source | Usage", "Data | Your value | Source | Use"),
        "data.source.undeclared": ("source non déclarée", "source not declared"),
        "value.missing": ("non renseignée", "missing"),
        "use.id": ("identifiant", "identifier"),
        "use.criterion": ("critère", "criterion"),
        "use.segment": ("segment", "segment"),
        "use.tie_break": ("départage", "tie-break"),
        "use.capacity": ("capacité", "capacity"),
        "use.dates": ("dates", "dates"),

        "heading.criteria": ("3. Paramètres et pondération appliqués à votre situation", "3. Processing parameters and their weighting as applied to you"),
        "criteria.columns": ("Critère | Règle | Votre valeur | Points | Compté", "Criterion | Rule | Your value | Points | Counted"),
        "kind.flag": ("{points} points si la valeur est {values}", "{points} points if the value is {values}"),
        "kind.categories": ("{levels} ; toute autre valeur : 0", "{levels}; any other value: 0"),
        "kind.per_unit": ("{per_unit} point(s) par unité", "{per_unit} point(s) per unit"),
        "kind.per_unit.cap": ("{per_unit} point(s) par unité, {cap} points au plus", "{per_unit} point(s) per unit, at most {cap} points"),
        "kind.bands": ("{bands} ; hors de ces tranches : 0", "{bands}; outside these bands: 0"),
        "list.or": (" ou ", " or "),
        "counted.yes": ("oui", "yes"),
        "counted.no": ("non", "no"),
        "note.cap": ("{label} : {counted} comptés sur {units} possibles (plafond {cap_units}).", "{label}: {counted} of a possible {units} counted (cap {cap_units})."),
        "note.uncapped": ("{label} : {units} comptés, sous le plafond de {cap_units}.", "{label}: {units} counted, under the cap of {cap_units}."),
        "note.group": (
            "{label} : seul le plus élevé de {members} compte : {best} donne {best_points}, {label} aurait donné {points} → non compté.",
            "{label}: only the highest of {members} counts: {best} gave {best_points}, {label} would have given {points} → not counted."),
        "note.missing": ("{label} : valeur non renseignée, 0 point.", "{label}: value missing, 0 points."),
        "note.penalty": ("{label} : pénalité de {points} points.", "{label}: a penalty of {points} points."),

        "heading.operations": ("4. Opérations effectuées", "4. Operations performed"),
        "op.sum": ("Somme des points comptés : {sum}.", "Sum of the points counted: {sum}."),
        "op.group": (
            "Groupe exclusif {group} : seul le critère le plus élevé parmi {members} compte ; ici {best}, {points} points.",
            "Exclusive group {group}: only the highest criterion among {members} counts; here {best}, {points} points."),
        "op.floor.applied": ("Plancher : le score ne descend pas sous {floor} ; votre somme {sum} est portée à {floor}.", "Floor: the score does not go below {floor}; your sum {sum} is raised to {floor}."),
        "op.floor.unused": ("Plancher : {floor} (sans effet ici).", "Floor: {floor} (no effect here)."),
        "op.total": ("Score total : {total} points.", "Total score: {total} points."),
        "op.tiebreak": ("À score égal, les demandes sont départagées par : {keys}.", "Equal scores are ordered by: {keys}."),
        "tie.desc": ("{column} décroissant", "{column} descending"),
        "tie.asc": ("{column} croissant", "{column} ascending"),
        "op.rank": ("Classement : rang {rank} sur {count} demandes comparables ({segment}).", "Ranking: rank {rank} of {count} comparable applications ({segment})."),
        "op.capacity": ("Ce segment compte {k} logement(s) : les rangs 1 à {limit} sont retenus.", "This segment has {k} dwelling(s): ranks 1 to {limit} are selected."),
        "op.proposals": (
            "Ce segment compte {k} logement(s) ; {per_unit} demandes par logement sont présentées à la commission : les rangs 1 à {limit}.",
            "This segment has {k} dwelling(s); {per_unit} applications per dwelling go before the commission: ranks 1 to {limit}."),
        "op.threshold": ("Seuil de sélection : {threshold} points.", "Selection threshold: {threshold} points."),

        "heading.rights": ("Vos droits", "Your rights"),
        "rights.communication": (
            "Droit à communication (article L311-3-1 du CRPA) : vous pouvez demander à l'administration les règles et les principales caractéristiques de ce traitement algorithmique.",
            "Right to communication (CRPA article L311-3-1): you may ask the administration for the rules and main characteristics of this algorithmic processing."),
        "rights.cada": (
            "Sans réponse dans un délai d'un mois, la demande est réputée refusée ; vous pouvez alors saisir la Commission d'accès aux documents administratifs (CADA) dans les deux mois.",
            "If the administration does not answer within one month, the request counts as refused; you may then refer it to the Commission d'accès aux documents administratifs (CADA) within two months."),
    ]

    /// The sentence `key` in `language` with its `{placeholders}` replaced by
    /// `values` (already formatted and escaped by the caller). An unknown key
    /// returns the key itself, so a missing entry shows instead of vanishing.
    public static func text(_ key: String, _ language: ExplanationLanguage, _ values: [String: String] = [:]) -> String {
        guard let entry = entries[key] else { return key }
        // One pass over the template, so a value holding "{x}" is never substituted again.
        var out = ""
        var name: String?
        for ch in language == .fr ? entry.fr : entry.en {
            if ch == "{" {
                if let pending = name { out += "{" + pending }
                name = ""
            } else if ch == "}", let pending = name {
                out += values[pending] ?? "{\(pending)}"
                name = nil
            } else if name != nil {
                name?.append(ch)
            } else {
                out.append(ch)
            }
        }
        if let pending = name { out += "{" + pending }
        return out
    }

    /// The `{placeholder}` names of a sentence, sorted.
    public static func placeholders(of text: String) -> [String] {
        var names: [String] = []
        var current: String?
        for ch in text {
            if ch == "{" { current = "" } else if ch == "}", let name = current { names.append(name); current = nil } else { current?.append(ch) }
        }
        return Array(Set(names)).sorted()
    }
}
