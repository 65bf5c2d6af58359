import AuditData
import AuditMetrics

/// The convention's eight concerns and four objectives, each with a status and its evidence,
/// from an audit result and its spec's system card. Pure: the same result gives the same
/// assessment.
///
/// Rules (Vigie's reading of `docs/convention.md`; thresholds are Vigie's
/// choices, stated in the report):
/// - **Paramétrage** (measured): over the difference findings of *suspect grounds* — the
///   protected attributes not declared in `system.mandated_priorities` and their
///   intersections (`ProtectedGround.suspect`; Code pénal 225-1 against the lawful priorities
///   of CCH L441-1) — not met if any has the verdict `disparity`, or an intersection of a
///   suspect ground with a mandated priority (`mixed`, compared within each priority level,
///   so on the suspect ground) has one, or a gap goes against a mandated priority; else
///   attention if a suspect or mixed comparison has `insufficient_evidence`; else met.
///   No finding (no decision nor label): not assessable. Gaps in favour of a mandated priority
///   (verdict `intended`) are reported as evidence, not counted against.
/// - **Fiabilité** (measured + declared): the largest share of rows in an `unknown` group
///   (missing protected value) over the single attributes — at most 2 % met, at most 10 %
///   attention, above not met (2 %: the share under which NYC LL144 lets a category out of
///   impact ratios) — combined with the declared `update_process` and `error_correction`.
/// - **Sécurisation** (measured + declared): outputs hold counts and rates per group only
///   (always, by construction: met); small-cell suppression applied with threshold `k` (met)
///   or not applied (attention); declared `storage`, `access`, `retention`.
/// - **Dépendance** (declared): `fallback`, `training`. **Coût / gains** (declared): `cost`,
///   `energy`. **Gestion** (declared): `operator`, `ethics_committee`, `review_dates`.
///   Declared-only: met when all are declared, attention when some, not assessable when none.
/// - **Place de l'humain** (measured + declared): intersections audited (order ≥ 2: met,
///   else attention); declared `human_oversight`.
/// - **Formation** (measured + declared): the report itself is in plain language and in both
///   languages (met); declared `training`.
/// - Each **objective** combines its concerns (`ConventionObjective.concerns`) and its
///   declared fields with `AssessmentStatus.combine`.
public struct ConventionAssessment: Sendable, Equatable {
    public let concerns: [(concern: ConventionConcern, assessment: Assessment)]
    public let objectives: [(objective: ConventionObjective, assessment: Assessment)]

    /// The share of rows in `unknown` above which data reliability needs attention, and above
    /// which it is not met.
    public static let unknownAttention = 0.02
    public static let unknownNotMet = 0.10

    /// - Parameters:
    ///   - card: what the owner declares (the spec's `system:`), empty when nothing is.
    ///   - suppressionThreshold: the small-cell suppression threshold `k` applied to the
    ///     outputs, or `nil` when none is applied.
    public init(_ result: AuditResult, card: SystemCard, suppressionThreshold: Int?) {
        var concerns: [(ConventionConcern, Assessment)] = []
        for concern in ConventionConcern.allCases {
            concerns.append((concern, Self.assess(concern, result: result, card: card, suppressionThreshold: suppressionThreshold)))
        }
        var objectives: [(ConventionObjective, Assessment)] = []
        for objective in ConventionObjective.allCases {
            var parts: [AssessmentStatus] = []
            var evidence: [Evidence] = []
            for c in objective.concerns {
                let a = concerns.first { $0.0 == c }!.1
                parts.append(a.status)
                evidence.append(Evidence(.measured, "evidence.concern_status", ["concern": .word("concern.\(c.rawValue)"), "status": .word("status.\(a.status.rawValue)")]))
            }
            if !objective.declaredFields.isEmpty {
                let (status, items) = Self.declared(objective.declaredFields, card)
                parts.append(status)
                evidence += items
            }
            objectives.append((objective, Assessment(AssessmentStatus.combine(parts), evidence)))
        }
        self.concerns = concerns.map { (concern: $0.0, assessment: $0.1) }
        self.objectives = objectives.map { (objective: $0.0, assessment: $0.1) }
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.concerns.map(\.concern) == b.concerns.map(\.concern) && a.concerns.map(\.assessment) == b.concerns.map(\.assessment)
            && a.objectives.map(\.objective) == b.objectives.map(\.objective) && a.objectives.map(\.assessment) == b.objectives.map(\.assessment)
    }

    /// The assessment of one concern.
    public subscript(_ concern: ConventionConcern) -> Assessment? { concerns.first { $0.concern == concern }?.assessment }
    /// The assessment of one objective.
    public subscript(_ objective: ConventionObjective) -> Assessment? { objectives.first { $0.objective == objective }?.assessment }

    /// Declared evidence for `fields`: one item per field, declared or missing, and the status.
    static func declared(_ fields: [SystemCard.Field], _ card: SystemCard) -> (AssessmentStatus, [Evidence]) {
        var items: [Evidence] = []
        var present = 0
        for f in fields {
            if let v = card[f] {
                present += 1
                items.append(Evidence(.declared, "evidence.declared_field", ["field": .word("field.\(f.rawValue)"), "value": .declared(v)]))
            } else {
                items.append(Evidence(.missing, "evidence.missing_field", ["field": .word("field.\(f.rawValue)")]))
            }
        }
        return (AssessmentStatus.declared(present, of: fields.count), items)
    }


    static func assess(_ concern: ConventionConcern, result: AuditResult, card: SystemCard, suppressionThreshold: Int?) -> Assessment {
        switch concern {
        case .parameterSetting: return parameterSetting(result, card: card)
        case .dataReliability:
            var worst: (share: Double, attribute: String)?
            for a in result.attributes where !a.isIntersection {
                let unknown = a.groups.filter(\.isUnknown).reduce(0) { $0 + $1.statistics.count }
                let share = result.rowCount > 0 ? Double(unknown) / Double(result.rowCount) : 0
                if worst == nil || share > worst!.share { worst = (share, a.name) }
            }
            var evidence: [Evidence] = []
            var measured = AssessmentStatus.notAssessable
            if let worst {
                measured = worst.share <= unknownAttention ? .met : worst.share <= unknownNotMet ? .attention : .notMet
                evidence.append(Evidence(.measured, "evidence.unknown_share", ["share": .percent(worst.share), "attribute": .label(worst.attribute)]))
            }
            if result.hasLabel && result.hasDecision {
                evidence.append(Evidence(.measured, "evidence.error_rates_by_group"))
            }
            let (status, items) = declared([.updateProcess, .errorCorrection], card)
            return Assessment(.combine([measured, status]), evidence + items)
        case .dataSecurity:
            var evidence = [Evidence(.measured, "evidence.no_row_level")]
            let suppression: AssessmentStatus
            if let k = suppressionThreshold {
                suppression = .met
                evidence.append(Evidence(.measured, "evidence.suppression", ["k": .count(k)]))
            } else {
                suppression = .attention
                evidence.append(Evidence(.measured, "evidence.no_suppression"))
            }
            let (status, items) = declared([.storage, .access, .retention], card)
            return Assessment(.combine([.met, suppression, status]), evidence + items)
        case .dependence:
            let (status, items) = declared([.fallback, .training], card)
            return Assessment(status, items)
        case .costBenefit:
            let (status, items) = declared([.cost, .energy], card)
            return Assessment(status, items)
        case .governance:
            let (status, items) = declared([.operator, .ethicsCommittee, .reviewDates], card)
            return Assessment(status, items)
        case .placeOfHuman:
            let order = result.analysis.intersections
            let measured: AssessmentStatus = order >= 2 ? .met : .attention
            let small = result.comparisonCount[.insufficientEvidence]
            let evidence = [
                Evidence(.measured, order >= 2 ? "evidence.intersections" : "evidence.no_intersections", ["order": .count(order)]),
                Evidence(.measured, "evidence.small_groups_reported", ["count": .count(small)]),
            ]
            let (status, items) = declared([.humanOversight], card)
            return Assessment(.combine([measured, status]), evidence + items)
        case .training:
            let (status, items) = declared([.training], card)
            return Assessment(.combine([.met, status]), [Evidence(.measured, "evidence.plain_bilingual")] + items)
        }
    }

    static func parameterSetting(_ result: AuditResult, card: SystemCard) -> Assessment {
        let mandated = Set(card.values[.mandatedPriorities] ?? [])
        let differences = result.findings.filter { $0.kind == .difference }
        guard !differences.isEmpty else {
            return Assessment(.notAssessable, [Evidence(.missing, "evidence.no_findings")])
        }
        func ground(_ g: ProtectedGround) -> [AuditMetrics.Finding] { differences.filter { ProtectedGround.of($0.attribute, mandated: mandated) == g } }
        let suspect = ground(.suspect), mixed = ground(.mixed), lawful = ground(.mandated)
        let disparities = suspect.filter { $0.verdict == .disparity }.count
        let unsure = suspect.filter { $0.verdict == .insufficientEvidence }.count
        let none = suspect.filter { $0.verdict == .noDisparity }.count
        // Mixed intersections are compared within each priority level (`GroupResult.stratumReference`):
        // their disparities are on the suspect ground; gaps in favour of a priority are `intended`.
        let mixedDisparities = mixed.filter { $0.verdict == .disparity }.count
        let against = lawful.filter { $0.verdict == .disparity }.count
        let intended = differences.filter { $0.verdict == .intended }.count
        var evidence = [Evidence(.measured, "evidence.suspect_verdicts", ["disparity": .count(disparities), "unsure": .count(unsure), "none": .count(none), "total": .count(suspect.count)])]
        if !mandated.isEmpty {
            let listed = mandated.sorted().joined(separator: ", ")
            evidence.append(Evidence(.declared, "evidence.mandated", ["attributes": .declared(listed), "intended": .count(intended), "disparity": .count(against)]))
            evidence.append(Evidence(.measured, "evidence.mixed", ["disparity": .count(mixedDisparities), "total": .count(mixed.count)]))
        } else {
            evidence.append(Evidence(.missing, "evidence.missing_field", ["field": .word("field.mandated_priorities")]))
        }
        let status: AssessmentStatus
        if suspect.isEmpty && mixed.isEmpty && against == 0 {
            status = .notAssessable
        } else if disparities > 0 || mixedDisparities > 0 || against > 0 {
            status = .notMet
        } else if unsure > 0 || mixed.contains(where: { $0.verdict == .insufficientEvidence }) {
            status = .attention
        } else {
            status = .met
        }
        return Assessment(status, evidence)
    }
}
