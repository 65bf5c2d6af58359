import AuditData
import DecisionModels
import Foundation

/// `explanation.json`: the same explanation as ``ExplanationReport``, as
/// data (keys documented in `docs/explain.md`; sorted, so the output is
/// deterministic). Numbers are plain JSON numbers; sentences (`text`, `rule`,
/// `notes`, `operations`) are in the chosen language.
public enum ExplanationJSON {
    /// Schema identifier written as `schema`.
    public static let schema = "vigie-explanation/1"

    public static func render(_ e: ApplicantExplanation, language: ReportLanguage) throws -> Data {
        let p = ExplanationPhrases(language)
        let plain = ReportInline.plainText
        let s = e.standing
        func optional(_ x: Any?) -> Any { x ?? NSNull() }
        let contribution: [String: Any] = [
            "role": optional(e.role),
            "allocation_rule": ruleObject(s.rule),
            "segment_by": s.segmentColumns,
            "text": plain(p.allocationRule(s)),
        ]
        let data: [[String: Any]] = e.data.map {
            ["column": $0.column, "value": optional($0.value), "source": optional($0.source),
             "description": optional($0.description), "uses": $0.uses]
        }
        let criteria: [[String: Any]] = e.criteria.map { c in
            var item: [String: Any] = [
                "name": c.name, "label": plain([p.label(c)]), "column": c.column, "kind": c.kind.name, "rule": plain(p.rule(c.kind)),
                "value": optional(c.value), "points": c.points, "counted": c.counted, "counted_points": c.countedPoints,
                "group": optional(c.group.map { e.groups[$0].name }), "matched": optional(c.matched), "notes": p.notes(c, in: e).map(plain),
            ]
            if let cap = c.cap {
                item["cap"] = ["units": cap.units, "units_counted": cap.unitsCounted, "cap_units": cap.capUnits,
                               "cap_points": cap.capPoints, "binding": cap.isBinding]
            }
            return item
        }
        let groups: [[String: Any]] = e.groups.map { g in
            ["name": g.name, "members": g.members.map { e.criteria[$0].name }, "counted": e.criteria[g.countedMember].name, "points": g.points]
        }
        let operations: [String: Any] = [
            "sum": e.operations.sum, "minimum_score": optional(e.operations.minimumScore),
            "floor_applied": e.operations.floorApplied, "total": e.operations.total, "exclusive_groups": groups,
            "tie_break": s.tieBreak.map { ["column": $0.column, "order": $0.descending ? "desc" : "asc"] },
            "text": p.operations(e).map(plain),
        ]
        let standing: [String: Any] = [
            "segment": Dictionary(zip(s.segmentColumns, s.segmentValues).map { ($0, $1) }, uniquingKeysWith: { first, _ in first }),
            "comparable_count": s.comparableCount, "rank": s.rank, "capacity": optional(s.capacity),
            "selection_limit": optional(s.selectionLimit), "selected": optional(s.selected),
        ]
        var wait: [String: Any] = ["text": plain(p.wait(e.wait))]
        switch e.wait {
        case .notDeclared: wait["status"] = "not_declared"
        case .suppressed(let n, let minimum):
            wait["status"] = "suppressed"
            wait["count"] = n
            wait["minimum_count"] = minimum
        case .available(let n, let mean, let median):
            wait["status"] = "available"
            wait["count"] = n
            wait["mean_months"] = mean
            wait["median_months"] = median
        }
        let root: [String: Any] = [
            "schema": schema, "language": language.rawValue, "id": e.applicantID, "grid": e.gridName,
            "score": e.totalScore, "contribution": contribution, "data": data, "criteria": criteria,
            "operations": operations, "standing": standing, "wait": wait,
            "rights": [p.t(.explanationRightsCommunication), p.t(.explanationRightsCada)],
        ]
        var out = try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        out.append(0x0A)
        return out
    }

    static func ruleObject(_ rule: GridAllocationRule?) -> Any {
        switch rule {
        case nil: return NSNull()
        case .threshold(let t): return ["rule": "threshold", "threshold": t] as [String: Any]
        case .capacity(let c): return ["rule": "capacity", "capacity": capacityObject(c)] as [String: Any]
        case .proposals(let c, let perUnit): return ["rule": "proposals", "per_unit": perUnit, "capacity": capacityObject(c)] as [String: Any]
        }
    }

    static func capacityObject(_ c: GridCapacity) -> Any {
        switch c {
        case .fromData(let column): return ["from_data": column]
        case .declared(_, let fallback): return ["declared": true, "default": fallback] as [String: Any]
        }
    }
}
