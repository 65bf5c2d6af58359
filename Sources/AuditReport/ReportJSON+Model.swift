import AuditMetrics
import ModelAudit

extension ReportJSON {
    /// The audit of the decision model itself (docs/report-schema.md#model).
    struct ModelJSON: Encodable {
        struct Criterion: Encodable {
            let name: String
            let label_fr: String?
            let label_en: String?
        }
        struct GroupJSON: Encodable {
            let group: String
            let count: Int
            let suppressed: Bool
            let reference: Bool
            let metrics: [String: Value]
        }
        struct CriterionGapJSON: Encodable {
            let criterion: String
            let group_mean: Value
            let reference_mean: Value
            let part: Value
            let share_of_gap: Value
        }
        struct ScoreGapJSON: Encodable {
            let group: String
            let gap: Value
            let criteria: [CriterionGapJSON]
        }
        struct ExplainedJSON: Encodable {
            let criterion: String
            let part: Double
            let standard_error: Value
        }
        struct OaxacaJSON: Encodable {
            let group: String
            let gap: Value
            let explained: Value
            let explained_standard_error: Value
            let unexplained: Value
            let unexplained_standard_error: Value
            let by_criterion: [ExplainedJSON]
            let dropped_criteria: [String]
        }
        struct ProxyJSON: Encodable {
            let criterion: String
            let measure: String
            let value: Value
        }
        struct ProxyModelJSON: Encodable {
            let level: String
            let positives: Int
            let negatives: Int
            let auc: Value
            let converged: Bool
            let separation: Bool
        }
        struct AttributeJSON: Encodable {
            let name: String
            let reference: String?
            let groups: [GroupJSON]
            let aggregates: [String: Value]
            let score_gaps: [ScoreGapJSON]
            let oaxaca: [OaxacaJSON]
            let proxies: [ProxyJSON]
            let proxy_models: [ProxyModelJSON]
        }
        struct SensitivityJSON: Encodable {
            let attribute: String
            let group: String
            let criterion: String
            let scale: Double
            let impact_ratio_change: Value
            let rate_difference_change: Value
            let mean_score_gap_change: Value
        }
        struct TornadoJSON: Encodable {
            let attribute: String
            let group: String
            let criterion: String
            let low_scale: Double
            let high_scale: Double
            let low_impact_ratio_change: Value
            let high_impact_ratio_change: Value
        }
        let name: String
        let file: String
        let role: String?
        let rows: Int
        let allocation_rule: String?
        let selected: Int?
        let criteria: [Criterion]
        let overall: [String: Value]
        let attributes: [AttributeJSON]
        let sensitivity: [SensitivityJSON]
        let tornado: [TornadoJSON]
        /// The grid's selection against the actual decisions, when the audit has a decision.
        let human: HumanJSON?

        /// Entries by name (the first of a repeated name).
        static func table(_ entries: [MetricEntry]) -> [String: Value] {
            Dictionary(entries.map { ($0.name, Value($0)) }, uniquingKeysWith: { first, _ in first })
        }

        init(_ m: ModelAuditResult) {
            let table = Self.table
            func mean(_ d: MeanDifference, n: Int) -> Value {
                Value(d.difference, n: n, interval: d.interval.map { MetricInterval(low: $0.low, high: $0.high, method: .studentT) })
            }
            name = m.name
            file = m.file
            role = m.role
            rows = m.rows
            allocation_rule = m.allocationRule
            selected = m.selected
            criteria = m.criteria.map { Criterion(name: $0.name, label_fr: $0.labelFR, label_en: $0.labelEN) }
            overall = table(m.overall)
            func count(_ attribute: String, _ group: String) -> Int { m[attribute]?.groups.first { $0.label == group }?.count ?? 0 }
            sensitivity = m.sensitivity.map {
                let n = count($0.attribute, $0.group)
                return SensitivityJSON(attribute: $0.attribute, group: $0.group, criterion: $0.criterion, scale: $0.scale,
                                       impact_ratio_change: Value($0.impactRatioChange, n: n), rate_difference_change: Value($0.rateDifferenceChange, n: n),
                                       mean_score_gap_change: Value($0.meanScoreGapChange, n: n))
            }
            tornado = m.tornado.map {
                let n = count($0.attribute, $0.group)
                return TornadoJSON(attribute: $0.attribute, group: $0.group, criterion: $0.criterion, low_scale: $0.lowScale, high_scale: $0.highScale,
                                   low_impact_ratio_change: Value($0.lowImpactRatioChange, n: n), high_impact_ratio_change: Value($0.highImpactRatioChange, n: n))
            }
            human = m.human.map(HumanJSON.init)
            attributes = m.attributes.map { a in
                let labels = a.groups.map(\.label)
                return AttributeJSON(
                    name: a.name, reference: a.reference,
                    groups: a.groups.map { GroupJSON(group: $0.label, count: $0.count, suppressed: $0.isSuppressed, reference: $0.isReference, metrics: table($0.metrics)) },
                    aggregates: table(a.aggregates),
                    score_gaps: a.scoreGaps.map { g in
                        ScoreGapJSON(group: g.group, gap: mean(g.gap.gap, n: g.gap.count), criteria: g.gap.criteria.map { c in
                            CriterionGapJSON(criterion: c.criterion, group_mean: Value(c.groupMean, n: g.gap.count), reference_mean: Value(c.referenceMean, n: g.gap.referenceCount),
                                             part: mean(c.part, n: g.gap.count), share_of_gap: Value(c.shareOfGap, n: g.gap.count))
                        })
                    },
                    oaxaca: a.oaxaca.map { o in
                        let d = o.decomposition
                        return OaxacaJSON(group: o.group, gap: Value(d.gap, n: d.count), explained: Value(d.explained, n: d.count),
                                          explained_standard_error: Value(d.explainedStandardError, n: d.count),
                                          unexplained: Value(d.unexplained, n: d.count), unexplained_standard_error: Value(d.unexplainedStandardError, n: d.count),
                                          by_criterion: d.byCriterion.map { ExplainedJSON(criterion: $0.criterion, part: $0.part, standard_error: Value($0.standardError, n: d.count)) },
                                          dropped_criteria: d.droppedCriteria)
                    },
                    proxies: (a.proxies?.ranked ?? []).map { ProxyJSON(criterion: $0.feature, measure: $0.measure.rawValue, value: Value($0.value, n: $0.count)) },
                    proxy_models: (a.proxies?.models ?? []).map { p in
                        ProxyModelJSON(level: Int(p.level) < labels.count && p.level >= 0 ? labels[Int(p.level)] : String(p.level), positives: p.positives, negatives: p.negatives,
                                       auc: Value(p.fit.auc, n: p.positives + p.negatives), converged: p.fit.converged, separation: p.fit.separation)
                    })
            }
        }
    }
}
