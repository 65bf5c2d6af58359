import Foundation
import AuditData
import AuditMetrics

/// The legal checklist of a public decision algorithm, from the audit result and the system
/// card (CRPA L311-3-1, R311-3-1-2, L312-1-3; AI Act Art. 9–15 and 27; 29 CFR 1607.4(D); `docs/domain.md` §2–4). Pure.
///
/// Rules: an item resting on declarations is met when every field it needs is declared,
/// attention when some are, not assessable when none (`AssessmentStatus.declared`); an item
/// with measured evidence combines it (`AssessmentStatus.combine`).
/// - CRPA L311-3-1 (mention on the decision): `mention`. R311-3-1-2: 1° degree and mode of
///   contribution: `automation`, `human_oversight`; 2° data and sources: `data_sources`
///   (and, measured, the columns this audit read); 3° parameters and weights applied to the
///   person: `explanation` (how a person obtains it); 4° operations: `model_type`.
///   L312-1-3 (online publication of the rules): `publication_url`.
/// - AI Act Art. 9 (risk management, tests against prior defined metrics and thresholds):
///   measured, the thresholds this audit applied (met); declared `risk_management`.
///   Art. 10(2)(f) (examination for biases): measured, met when comparisons were tested;
///   not assessable without any. Art. 10(2)(g) (detect, prevent, mitigate): not met when a
///   disparity is found (a gap in favour of a mandated priority is `intended`, not one) and no measure is declared (`fria.measures`),
///   attention when one is found and measures are declared, met when none is found.
///   Art. 13 (accuracy per group in the instructions): measured when the audit has a label
///   and a decision, declared `instructions`. Art. 14 (human oversight): `human_oversight`,
///   `fallback`. Art. 15 (accuracy, robustness): measured error-rate verdicts — not met when
///   an error rate (FPR, FNR) shows a `disparity`, else met; not assessable without a label.
///   Art. 27 (a)–(f): one item per `fria.*` field.
/// - The four-fifths rule (29 CFR 1607.4(D)): not met when a single-attribute
///   group (impact ratios honour mandated priorities: `RatioEligibility`) of at least the minimum size has an impact ratio below the threshold — on the true
///   values, so also when disclosure control withheld that ratio (then named without its
///   figures, `DisclosureSummary.withheldAdverseImpacts`); attention
///   when only intersections, small or `unknown` groups do; met otherwise; not assessable
///   without a decision.
public enum LegalChecklist {
    /// The items, in the order of the report.
    /// - Parameters:
    ///   - card: what the owner declares (the spec's `system:`), empty when nothing is.
    ///   - grid: the base name of the points grid the audit ran (spec `model:`), if any.
    /// - Parameter facts: the report's facts (`ReportFacts`), computed once by the caller so that
    ///   its first page and this checklist read the same; computed here when not given.
    public static func items(_ result: AuditResult, card: SystemCard, grid: String?, facts: ReportFacts? = nil) -> [LegalItem] {
        let facts = facts ?? ReportFacts(result)
        func declared(_ id: String, _ fields: [SystemCard.Field], measured: [(AssessmentStatus, Evidence)] = []) -> LegalItem {
            let (status, items) = ConventionAssessment.declared(fields, card)
            let parts = measured.map(\.0) + (fields.isEmpty ? [] : [status])
            return LegalItem(id: id, assessment: Assessment(.combine(parts), measured.map(\.1) + items))
        }
        var items: [LegalItem] = []
        items.append(declared("crpa_l311_3_1", [.mention]))
        items.append(declared("crpa_r311_3_1_2_1", [.automation, .humanOversight]))
        var columns = result.data.protected.map(\.column)
        if let d = result.data.decision?.column { columns.append(d) }
        if let l = result.data.label?.column { columns.append(l) }
        if let s = result.data.score { columns.append(s) }
        if let a = result.data.allocation?.column { columns.append(a) }
        items.append(declared("crpa_r311_3_1_2_2", [.dataSources], measured: [(.met, Evidence(.measured, "evidence.columns_read", ["columns": .label(columns.joined(separator: ", ")), "rows": .count(result.rowCount)]))]))
        // 3°: with the grid in the spec, Vigie runs it and `vigie explain` gives each applicant
        // the points of each criterion as applied to them (measured); else only declared.
        let explained = grid.map { [(AssessmentStatus.met, Evidence(.measured, "evidence.explain_available", ["grid": .label($0)]))] } ?? []
        items.append(declared("crpa_r311_3_1_2_3", [.explanation], measured: explained))
        items.append(declared("crpa_r311_3_1_2_4", [.modelType]))
        items.append(declared("crpa_l312_1_3", [.publicationURL]))

        let spec = result.analysis
        let thresholds = Evidence(.measured, "evidence.thresholds", [
            "ratio": .number(spec.impactRatioThreshold, digits: 2), "tolerance": .number(spec.inference.differenceTolerance * 100, digits: 1),
            "alpha": .number(spec.inference.alpha, digits: 2), "tests": .count(facts.comparisons.comparisons),
        ])
        items.append(declared("ai_act_9", [.riskManagement], measured: [(.met, thresholds)]))
        let differences = result.findings.filter { $0.kind == .difference && !$0.isAllocation }
        items.append(LegalItem(id: "ai_act_10_2_f", assessment: differences.isEmpty
            ? Assessment(.notAssessable, [Evidence(.missing, "evidence.no_findings")])
            : Assessment(.met, [Evidence(.measured, "evidence.examined", ["count": .count(differences.count), "disparity": .count(differences.filter { $0.verdict == .disparity }.count)])])))
        // Findings withheld by disclosure control still count (true values), without figures.
        let withheld = result.disclosure?.withheldDisparities ?? []
        // Every `disparity`: gaps in favour of a mandated priority are `intended`, not counted;
        // mixed intersections are compared within each priority level (on the suspect ground);
        // a gap against a priority group is discrimination on a ground of Code pénal 225-1 too.
        let suspectDisparities = facts.disparityCount
        let measures = card[.friaMeasures]
        var g: Assessment
        if differences.isEmpty {
            g = Assessment(.notAssessable, [Evidence(.missing, "evidence.no_findings")])
        } else {
            let found = Evidence(.measured, "evidence.suspect_disparities", ["count": .count(suspectDisparities)])
            let declaredMeasures = measures.map { Evidence(.declared, "evidence.declared_field", ["field": .word("field.fria.measures"), "value": .declared($0)]) }
                ?? Evidence(.missing, "evidence.missing_field", ["field": .word("field.fria.measures")])
            let status: AssessmentStatus = suspectDisparities == 0 ? .met : measures == nil ? .notMet : .attention
            g = Assessment(status, [found, declaredMeasures])
        }
        items.append(LegalItem(id: "ai_act_10_2_g", assessment: g))
        let perGroup: [(AssessmentStatus, Evidence)] = result.hasLabel && result.hasDecision
            ? [(.met, Evidence(.measured, "evidence.error_rates_by_group"))]
            : [(.notAssessable, Evidence(.missing, "evidence.no_label"))]
        items.append(declared("ai_act_13", [.instructions], measured: perGroup))
        items.append(declared("ai_act_14", [.humanOversight, .fallback]))
        if result.hasLabel && result.hasDecision {
            let errors = differences.filter { $0.metric == MetricID(.fpr) || $0.metric == MetricID(.fnr) }
            let bad = errors.filter { $0.verdict == .disparity }.count + withheld.filter { $0.metric == MetricID(.fpr) || $0.metric == MetricID(.fnr) }.count
            items.append(LegalItem(id: "ai_act_15", assessment: Assessment(bad > 0 ? .notMet : .met, [Evidence(.measured, "evidence.error_disparities", ["count": .count(bad), "total": .count(errors.count)])])))
        } else {
            items.append(LegalItem(id: "ai_act_15", assessment: Assessment(.notAssessable, [Evidence(.missing, "evidence.no_label")])))
        }
        for (suffix, field) in [("a", SystemCard.Field.friaProcesses), ("b", .friaPeriod), ("c", .friaAffectedGroups), ("d", .friaRisks), ("e", .friaOversight), ("f", .friaMeasures)] {
            items.append(declared("ai_act_27_\(suffix)", [field]))
        }
        items.append(LegalItem(id: "four_fifths", assessment: fourFifths(result, facts: facts, priorities: card.values[.mandatedPriorities] ?? [])))
        return items
    }

    static func fourFifths(_ result: AuditResult, facts: ReportFacts? = nil, priorities: [String] = []) -> Assessment {
        guard result.hasDecision else { return Assessment(.notAssessable, [Evidence(.missing, "evidence.no_decision")]) }
        // The failures are the report's facts (`ReportFacts`): the first page states the same.
        // The impact ratios already honour the mandated priorities (`RatioEligibility`); a group
        // whose ratio disclosure control withheld is named without figures — suppression never
        // turns "not met" into "met".
        let facts = facts ?? ReportFacts(result)
        let firm = facts.fourFifthsFailures.compactMap { f in f.ratio.map { (f.attribute, f.group, $0) } }
        let firmWithheld = facts.fourFifthsFailures.filter { $0.ratio == nil }.map { ($0.attribute, $0.group) }
        let weak = facts.weakFourFifths
        var evidence: [Evidence] = []
        for (attribute, group, ir) in firm {
            evidence.append(Evidence(.measured, "evidence.adverse_impact", ["attribute": .label(attribute), "group": .label(group), "ratio": .number(ir, digits: 2)]))
        }
        for (attribute, group) in firmWithheld {
            evidence.append(Evidence(.measured, "evidence.adverse_impact_withheld", ["attribute": .label(attribute), "group": .label(group)]))
        }
        evidence.append(Evidence(.measured, "evidence.adverse_other", ["weak": .count(weak)]))
        if !priorities.isEmpty {
            evidence.append(Evidence(.declared, "evidence.priority_ratios", ["attributes": .declared(priorities.joined(separator: ", "))]))
        }
        let status: AssessmentStatus = !firm.isEmpty || !firmWithheld.isEmpty ? .notMet : weak > 0 ? .attention : .met
        return Assessment(status, evidence)
    }
}
