import AuditAssessment
import AuditData
import AuditMetrics

extension ReportJSON {
    /// `assessment` (schema 1.1): the context, the convention's objectives and concerns, the legal
    /// checklist and the LL144 impact-ratio tables, with machine-readable statuses and
    /// evidence sources, and each piece of evidence as a sentence in the report's language.
    struct AssessmentJSON: Encodable {
        struct EvidenceJSON: Encodable {
            /// `measured`, `declared` or `missing`.
            let source: String
            /// The catalogue key of the sentence.
            let key: String
            /// The sentence, in the report's language.
            let text: String
        }
        struct Item: Encodable {
            let id: String
            /// `met`, `attention`, `not_met` or `not_assessable`.
            let status: String
            let evidence: [EvidenceJSON]
        }
        struct Row: Encodable {
            let category: String
            let count: Int
            let share: Double
            let rate: Double?
            let impact_ratio: Double?
            /// `suppressed` or `undefined` when the category has no impact ratio.
            let excluded: String?
            /// `small` (under 2 % of the sample) or `unknown`: a category that has its ratio but
            /// that LL144 allows leaving out.
            let note: String?
        }
        struct Table: Encodable {
            let attribute: String
            let rows: [Row]
        }
        /// `french_public_body` when the system card declares a French public body's system
        /// (`SystemCard.isFrenchPublicBody`: the convention and French administrative law
        /// apply), else `generic` — as in `report.html`.
        let context: String
        /// The convention's objectives and concerns: only for a French public body's system.
        let objectives: [Item]?
        let concerns: [Item]?
        /// The legal checklist; its CRPA items only for a French public body's system.
        let legal: [Item]
        let impact_ratio_tables: [Table]

        init(_ r: AuditResult, builder: ReportBuilder) {
            func item(_ id: String, _ a: Assessment) -> Item {
                Item(id: id, status: a.status.rawValue, evidence: a.evidence.map { e in
                    let text = ReportInline.plainText(builder.sentence(e))
                    return EvidenceJSON(source: e.source.rawValue, key: e.key, text: text)
                })
            }
            let french = builder.card.isFrenchPublicBody
            context = french ? "french_public_body" : "generic"
            let convention = french ? ConventionAssessment(r, card: builder.card, suppressionThreshold: builder.suppressionThreshold) : nil
            objectives = convention?.objectives.map { item($0.objective.rawValue, $0.assessment) }
            concerns = convention?.concerns.map { item($0.concern.rawValue, $0.assessment) }
            legal = LegalChecklist.items(r, card: builder.card, grid: builder.model?.file)
                .filter { french || !$0.id.hasPrefix("crpa_") }.map { item($0.id, $0.assessment) }
            impact_ratio_tables = ImpactRatioTable.tables(r).map { t in
                Table(attribute: t.attribute, rows: t.rows.map {
                    Row(category: $0.category, count: $0.count, share: $0.share, rate: $0.rate, impact_ratio: $0.impactRatio, excluded: $0.exclusion, note: $0.note)
                })
            }
        }
    }
}
