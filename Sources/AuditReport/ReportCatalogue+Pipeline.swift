extension ReportCatalogue {
    /// What a CI pipeline shows: the JUnit report (`JUnitReport`, `vigie audit --junit`) and
    /// the Markdown summary for a pull request or a job summary (`PipelineSummary`,
    /// `vigie audit --summary-md`).
    static let pipeline: [String: ReportMessage] = [
        // JUnit: suites, test cases, outcomes.
        "junit.title": .init(en: "Vigie audit: {file}", fr: "Audit Vigie : {file}"),
        "junit.suite.gates": .init(en: "gates", fr: "contrôles"),
        "junit.suite.impact_ratios": .init(en: "impact ratios (four-fifths rule)", fr: "ratios d'impact (règle des quatre cinquièmes)"),
        "junit.suite.findings": .init(en: "findings: {attribute}", fr: "constats : {attribute}"),
        "junit.gate.impact_ratio": .init(
            en: "impact-ratio threshold {threshold} (four-fifths rule)",
            fr: "seuil du ratio d'impact {threshold} (règle des quatre cinquièmes)"),
        "junit.gate.verdicts": .init(en: "no finding with the verdict disparity", fr: "aucun constat avec le verdict disparité"),
        "junit.gate.impact_ratio.failed": .init(
            en: "{count} group(s) of at least {min} rows below the impact-ratio threshold {threshold}",
            fr: "{count} groupe(s) d'au moins {min} lignes sous le seuil du ratio d'impact {threshold}"),
        "junit.gate.verdicts.failed": .init(
            en: "{count} finding(s) with the verdict disparity",
            fr: "{count} constat(s) avec le verdict disparité"),
        "junit.gate.no_decision": .init(
            en: "no decision column: no impact ratio to check",
            fr: "pas de colonne de décision : aucun ratio d'impact à contrôler"),
        "junit.gate.no_findings": .init(
            en: "no finding to check (an allocation-only audit)",
            fr: "aucun constat à contrôler (audit d'une répartition seule)"),
        "junit.gate.enforced": .init(en: "enforced by {flag}: the command exits with code 1", fr: "appliqué par {flag} : la commande sort avec le code 1"),
        "junit.gate.not_enforced": .init(en: "not enforced ({flag} not given)", fr: "non appliqué ({flag} non donné)"),
        "junit.case.finding": .init(en: "{group} vs {reference}: {metric} ({kind})", fr: "{group} contre {reference} : {metric} ({kind})"),
        "junit.kind.difference": .init(en: "difference", fr: "différence"),
        "junit.kind.ratio": .init(en: "ratio", fr: "ratio"),
        "junit.finding.details": .init(
            en: "value {value}, {level} % interval {interval}, adjusted p {p}; {group_rows} rows in the group's denominator, {reference_rows} in the reference's.",
            fr: "valeur {value}, intervalle à {level} % {interval}, p ajusté {p} ; {group_rows} lignes au dénominateur du groupe, {reference_rows} à celui de la référence."),
        "junit.finding.reason": .init(en: "Reason (findings.csv): {reason}", fr: "Raison (findings.csv, en anglais) : {reason}"),
        "junit.word.none": .init(en: "none", fr: "aucun"),
        "junit.ratio.below": .init(
            en: "impact ratio {ratio} below the threshold {threshold}",
            fr: "ratio d'impact {ratio} sous le seuil {threshold}"),
        "junit.ratio.small": .init(
            en: "impact ratio {ratio} below the threshold {threshold}, but the group has fewer than {min} rows: not gated",
            fr: "ratio d'impact {ratio} sous le seuil {threshold}, mais le groupe compte moins de {min} lignes : non contrôlé"),
        "junit.ratio.unknown": .init(
            en: "impact ratio {ratio} below the threshold {threshold}, but the group is unknown (missing values): not gated",
            fr: "ratio d'impact {ratio} sous le seuil {threshold}, mais le groupe est inconnu (valeurs manquantes) : non contrôlé"),
        "junit.ratio.undefined": .init(en: "impact ratio undefined: {reason}", fr: "ratio d'impact non défini : {reason}"),

        // The Markdown summary.
        "summary_md.title": .init(en: "Vigie audit: {name}", fr: "Audit Vigie : {name}"),
        "summary_md.outcome.failed": .init(en: "Gate failed", fr: "Contrôle échoué"),
        "summary_md.outcome.passed": .init(en: "Gate passed", fr: "Contrôle réussi"),
        "summary_md.outcome.none": .init(en: "No gate enforced", fr: "Aucun contrôle appliqué"),
        "summary_md.col.gate": .init(en: "Gate", fr: "Contrôle"),
        "summary_md.col.outcome": .init(en: "Outcome", fr: "Résultat"),
        "summary_md.gate.failed": .init(en: "failed", fr: "échoué"),
        "summary_md.gate.passed": .init(en: "passed", fr: "réussi"),
        "summary_md.gate.skipped": .init(en: "not applicable", fr: "sans objet"),
        "summary_md.gate.enforced": .init(en: "enforced ({flag})", fr: "appliqué ({flag})"),
        "summary_md.gate.not_enforced": .init(en: "not enforced", fr: "non appliqué"),
        "summary_md.audited": .init(
            en: "{rows} rows of {file}; verdicts: {disparity} disparity, {no_disparity} no disparity, {insufficient} insufficient evidence.",
            fr: "{rows} lignes de {file} ; verdicts : {disparity} disparité, {no_disparity} pas de disparité, {insufficient} preuves insuffisantes."),
        "summary_md.below": .init(en: "Below the impact-ratio threshold: {groups}", fr: "Sous le seuil du ratio d'impact : {groups}"),
        "summary_md.more": .init(en: "and {count} more", fr: "et {count} autres"),
        "summary_md.worst": .init(en: "Findings that matter most", fr: "Constats qui comptent le plus"),
        "summary_md.no_gap": .init(
            en: "No gap beyond the tolerance and none left undecided.",
            fr: "Aucun écart au-delà de la tolérance et aucun laissé sans conclusion."),
        "summary_md.col.finding": .init(en: "Finding", fr: "Constat"),
        "summary_md.col.difference": .init(en: "Difference (points)", fr: "Différence (points)"),
        "summary_md.col.interval": .init(en: "{level} % interval", fr: "Intervalle à {level} %"),
        "summary_md.col.verdict": .init(en: "Verdict", fr: "Verdict"),
        "summary_md.finding": .init(en: "{attribute} = {group} vs {reference}: {metric}", fr: "{attribute} = {group} contre {reference} : {metric}"),
        "summary_md.report": .init(
            en: "Full report: {report} (every finding: findings.csv; provenance: manifest.json).",
            fr: "Rapport complet : {report} (tous les constats : findings.csv ; provenance : manifest.json)."),
        "summary_md.report_link": .init(en: "report.html", fr: "report.html"),
    ]
}
