import AuditMetrics
import ModelAudit

extension ReportJSON {
    /// The human decision after the grid (docs/report-schema.md#modelhuman, docs/human-stage.md).
    struct HumanJSON: Encodable {
        struct SegmentJSON: Encodable {
            let segment: String
            let count: Int
            let metrics: [String: Value]
        }
        struct AttributeJSON: Encodable {
            let name: String
            let reference: String?
            let groups: [ModelJSON.GroupJSON]
            let findings: [FindingJSON]
            let aggregates: [String: Value]
        }
        let decision: String
        let decision_is_favourable: Bool
        let rows: Int
        let grid_selected: Int
        let actual_selected: Int
        let overall: [String: Value]
        let segment_by: [String]
        let segments: [SegmentJSON]
        let strata: String
        let strata_count: Int
        let bootstrap_replicates: Int
        let adjusted_tests: Int
        let attributes: [AttributeJSON]

        init(_ h: HumanStageResult) {
            let table = ModelJSON.table
            decision = h.decision
            decision_is_favourable = h.decisionIsFavourable
            rows = h.rows
            grid_selected = h.gridSelected
            actual_selected = h.actualSelected
            overall = table(h.overall)
            segment_by = h.segmentBy
            segments = h.segments.map { SegmentJSON(segment: $0.label, count: $0.count, metrics: table($0.metrics)) }
            strata = h.strata
            strata_count = h.strataCount
            bootstrap_replicates = h.bootstrapReplicates
            adjusted_tests = h.adjustedTests
            attributes = h.attributes.map { a in
                AttributeJSON(name: a.name, reference: a.reference,
                              groups: a.groups.map { ModelJSON.GroupJSON(group: $0.label, count: $0.count, suppressed: $0.isSuppressed, reference: $0.isReference, metrics: table($0.metrics)) },
                              findings: a.findings.map(FindingJSON.init), aggregates: table(a.aggregates))
            }
        }
    }
}
