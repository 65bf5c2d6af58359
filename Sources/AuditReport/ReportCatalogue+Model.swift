extension ReportCatalogue {
    /// The decision model's section (`ReportBuilder+Model`).
    static let model: [String: ReportMessage] = [
        "section.model": .init(en: "The decision model itself: {name}", fr: "Le modèle de décision lui-même : {name}"),
        "model.intro": .init(
            en: "Vigie ran the grid {file} on the {rows} applicants: each applicant's points per criterion, summed (exclusive criteria: only the highest counts), then the allocation rule: {rule}. Declared role: {role}. The grid selects {selected} applicants. Below, for each protected attribute: what each group gets from the grid, and which criteria produce the gaps.",
            fr: "Vigie a appliqué la grille {file} aux {rows} demandes : les points de chaque critère, additionnés (critères exclusifs : seul le plus élevé compte), puis la règle d'attribution : {rule}. Rôle déclaré : {role}. La grille retient {selected} demandes. Ci-dessous, pour chaque attribut protégé : ce que chaque groupe obtient de la grille, et quels critères produisent les écarts."),
        "model.no_rule": .init(en: "no allocation rule (scores only)", fr: "pas de règle d'attribution (scores seuls)"),
        "model.attribute": .init(en: "By {attribute}", fr: "Selon {attribute}"),
        "model.table.caption": .init(en: "What each group gets from the grid: {attribute}", fr: "Ce que chaque groupe obtient de la grille : {attribute}"),
        "col.group": .init(en: "Group", fr: "Groupe"),
        "col.grid_selection": .init(en: "Selected by the grid (95 % CI)", fr: "Retenus par la grille (IC 95 %)"),
        "col.grid_impact_ratio": .init(en: "Impact ratio", fr: "Ratio d'impact"),
        "col.score_mean": .init(en: "Mean score", fr: "Score moyen"),
        "col.score_median": .init(en: "Median score", fr: "Score médian"),
        "col.scoring_rate": .init(en: "Above the median (LL144)", fr: "Au-dessus de la médiane (LL144)"),
        "col.ks": .init(en: "KS distance to the rest", fr: "Distance KS au reste"),
        "col.top_k_share": .init(en: "Share of places / of applicants", fr: "Part des places / des demandes"),
        "col.median_wait": .init(en: "Median wait, months (KM)", fr: "Attente médiane, mois (KM)"),
        "model.gap.title": .init(en: "Which criteria make the score gaps", fr: "Quels critères font les écarts de score"),
        "model.gap.line": .init(
            en: "{group}: mean score {gap} points against {reference} ({low} to {high}); largest parts: {parts}.",
            fr: "{group} : score moyen {gap} points par rapport à {reference} ({low} à {high}) ; principales parts : {parts}."),
        "model.gap.part": .init(en: "{criterion} {part}", fr: "{criterion} {part}"),
        "model.gap.note": .init(
            en: "Each part is the difference in the mean points the criterion gives; the parts add up exactly to the gap (Welch 95 % intervals in model-metrics.csv).",
            fr: "Chaque part est l'écart des points moyens que donne le critère ; les parts s'additionnent exactement à l'écart (intervalles de Welch à 95 % dans model-metrics.csv)."),
        "model.oaxaca.title": .init(en: "Selection gaps: explained by the criteria, or not", fr: "Écarts de sélection : expliqués par les critères, ou non"),
        "model.oaxaca.line": .init(
            en: "{group}: selection {gap} points against {reference}; explained by the groups' different criteria {explained} (± {explained_se}), unexplained {unexplained} (± {unexplained_se}).",
            fr: "{group} : sélection {gap} points par rapport à {reference} ; expliqué par des critères différents {explained} (± {explained_se}), non expliqué {unexplained} (± {unexplained_se})."),
        "model.oaxaca.note": .init(
            en: "Oaxaca–Blinder decomposition (linear probability model on the criteria's points, the reference group's coefficients, HC1 standard errors). With a points grid and a capacity rule, the unexplained part comes from how scores are ranked within each segment, not from hidden criteria.",
            fr: "Décomposition d'Oaxaca–Blinder (modèle de probabilité linéaire sur les points des critères, coefficients du groupe de référence, erreurs HC1). Avec une grille à points et une capacité, la part non expliquée vient du classement des scores dans chaque segment, non de critères cachés."),
        "model.proxy.title": .init(en: "Criteria that act as proxies for {attribute}", fr: "Critères qui servent de substituts à {attribute}"),
        "model.proxy.caption": .init(en: "Association of each criterion with {attribute}", fr: "Association de chaque critère avec {attribute}"),
        "col.criterion": .init(en: "Criterion", fr: "Critère"),
        "col.association": .init(en: "Association", fr: "Association"),
        "col.measure": .init(en: "Measure", fr: "Mesure"),
        "measure.cramers_v": .init(en: "Cramér's V", fr: "V de Cramér"),
        "measure.correlation_ratio": .init(en: "correlation ratio η", fr: "rapport de corrélation η"),
        "model.proxy.joint": .init(
            en: "All criteria together predict {attribute} = {level} with an AUC of {auc} (0.5: no better than chance; logistic regression fitted by IRLS, in-sample).",
            fr: "Tous les critères ensemble prédisent {attribute} = {level} avec une AUC de {auc} (0,5 : pas mieux que le hasard ; régression logistique ajustée par IRLS, sur l'échantillon)."),
        "model.proxy.note": .init(
            en: "A criterion strongly associated with a protected attribute can carry its effect into the score even if the attribute is never used: it then acts as a proxy.",
            fr: "Un critère fortement associé à un attribut protégé peut en porter l'effet dans le score sans que l'attribut soit jamais utilisé : il sert alors de substitut."),
        "model.logrank": .init(
            en: "Log-rank test of equal waiting times across the groups of {attribute}: χ² = {chi2}, p = {p}.",
            fr: "Test du log-rank d'égalité des délais d'attente entre les groupes de {attribute} : χ² = {chi2}, p = {p}."),
        "model.suppressed": .init(en: "suppressed", fr: "masqué"),
        "model.sensitivity.title": .init(en: "Which weights move which disparities most", fr: "Quels poids déplacent le plus quels écarts"),
        "model.sensitivity.intro": .init(
            en: "Each criterion was removed (× 0) or its weight scaled (× 0.5, × 1.5, × 2), every applicant re-scored at once (one matrix product) and re-allocated under the same capacities; the table shows the largest changes in each group's impact ratio against the grid as it is.",
            fr: "Chaque critère a été retiré (× 0) ou son poids multiplié (× 0,5, × 1,5, × 2), toutes les demandes recalculées d'un coup (un produit matriciel) et réattribuées avec les mêmes capacités ; le tableau montre les plus grandes variations du ratio d'impact de chaque groupe par rapport à la grille telle quelle."),
        "model.sensitivity.caption": .init(en: "Largest changes in impact ratio under another weight", fr: "Plus grandes variations du ratio d'impact sous un autre poids"),
        "model.sensitivity.note": .init(
            en: "Every variant is in model-metrics.csv and report.json. A large change means the disparity depends on that weight: the place to look before adopting or defending the grid.",
            fr: "Toutes les variantes sont dans model-metrics.csv et report.json. Une forte variation signifie que l'écart dépend de ce poids : c'est là qu'il faut regarder avant d'adopter ou de défendre la grille."),
        "col.attribute": .init(en: "Attribute", fr: "Attribut"),
        "chart.model_selection.title": .init(en: "Selected by the grid, by {attribute}", fr: "Retenus par la grille, selon {attribute}"),
        "chart.model_selection.desc": .init(
            en: "Share of each group of {attribute} that the grid's allocation rule selects, with 95 % Wilson intervals; the dashed line is the reference group {reference}.",
            fr: "Part de chaque groupe de {attribute} que la règle d'attribution de la grille retient, avec intervalles de Wilson à 95 % ; la ligne pointillée est le groupe de référence {reference}."),
        "chart.model_selection.axis": .init(en: "Share selected by the grid", fr: "Part retenue par la grille"),
        "chart.model_scores.title": .init(en: "Grid scores by {attribute}", fr: "Scores de la grille selon {attribute}"),
        "chart.model_scores.desc": .init(
            en: "Distribution of the grid's scores in each group of {attribute}: box from the 25th to the 75th percentile with the median, whiskers from the 10th to the 90th.",
            fr: "Distribution des scores de la grille dans chaque groupe de {attribute} : boîte du 25e au 75e centile avec la médiane, moustaches du 10e au 90e."),
        "chart.model_scores.axis": .init(en: "Score (points)", fr: "Score (points)"),
        "chart.model_tornado.title": .init(en: "Impact ratio of {attribute} = {group} when one weight changes", fr: "Ratio d'impact de {attribute} = {group} quand un poids change"),
        "chart.model_tornado.desc": .init(
            en: "For each criterion, the change in the impact ratio of {attribute} = {group} (the group the grid selects least, relative to the most selected) when the criterion is removed (× 0) or its weight doubled (× 2), re-allocated under the same capacities; longest bars first.",
            fr: "Pour chaque critère, la variation du ratio d'impact de {attribute} = {group} (le groupe que la grille retient le moins, par rapport au plus retenu) quand le critère est retiré (× 0) ou son poids doublé (× 2), réattribué avec les mêmes capacités ; barres les plus longues d'abord."),
        "chart.model_tornado.axis": .init(en: "Change in impact ratio", fr: "Variation du ratio d'impact"),
        "chart.model_tornado.baseline": .init(en: "grid as it is", fr: "grille telle quelle"),
        "col.scale": .init(en: "Weight", fr: "Poids"),
        "col.impact_ratio_change": .init(en: "Impact ratio change", fr: "Variation du ratio d'impact"),
        "col.rate_difference_change": .init(en: "Gap to reference change (points)", fr: "Variation de l'écart à la référence (points)"),
        "evidence.explain_available": .init(
            en: "the grid {grid} is run by Vigie on every applicant; vigie explain gives any applicant the points of each criterion as applied to them, the operations and their rank",
            fr: "la grille {grid} est appliquée par Vigie à chaque demande ; vigie explain donne à toute personne les points de chaque critère appliqués à sa situation, les opérations et son rang"),
    ]
}
