import AuditAssessment
import AuditData
import AuditMetrics
import Foundation
import ModelAudit

/// `report.json`: the whole central table, with a schema version (`docs/report-schema.md`).
///
/// Deterministic: keys sorted, numbers in shortest round-trip form, no timestamps, and the
/// data file named by its base name only, so the same inputs give the same bytes anywhere.
public enum ReportJSON {
    /// The encoded report.
    public static func render(_ result: AuditResult, model: ModelAuditResult? = nil) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var document = Document(result)
        document.model = model.map(ModelJSON.init)
        var data = try encoder.encode(document)
        data.append(0x0A)
        return data
    }

    struct Document: Encodable {
        let schema_version = ReportVersion.schema
        let generator = Generator()
        let input: Input
        let spec: SpecSummary
        let overall: Group
        let attributes: [Attribute]
        let findings: [FindingJSON]
        let verdicts: VerdictCounts
        let independence_tests: [IndependenceJSON]
        let allocation: AllocationJSON?
        let disclosure: DisclosureJSON?
        let warnings: [String]
        /// The language of the human texts (`assessment…evidence[].text`): `en` or `fr`.
        let language: String
        /// The declared system card, as in the spec.
        let system: SystemCard?
        /// The convention's criteria and the legal checklist, with statuses and evidence.
        let assessment: AssessmentJSON
        /// The audit of the decision model itself, when the spec names one.
        var model: ModelJSON?

        init(_ r: AuditResult) {
            input = Input(
                data_file: r.spec.dataPath.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "",
                rows: r.rowCount, weighted: r.weighted, has_label: r.hasLabel, has_decision: r.hasDecision, has_score: r.hasScore
            )
            spec = SpecSummary(r.spec, delimiter: r.source?.delimiter ?? CSVDialect.name(ofDelimiter: r.spec.csv.delimiter), weighted: r.weighted)
            overall = Group(r.overall)
            attributes = r.attributes.map(Attribute.init)
            findings = r.findings.map(FindingJSON.init)
            verdicts = VerdictCounts(r.findings)
            independence_tests = r.independenceTests.map(IndependenceJSON.init)
            allocation = r.allocation.map(AllocationJSON.init)
            disclosure = r.disclosure.map(DisclosureJSON.init)
            warnings = r.warnings
            language = r.spec.language.rawValue
            system = r.spec.system
            assessment = AssessmentJSON(r)
        }
    }

    struct Generator: Encodable {
        let name = "vigie"
        let version = ReportVersion.vigie
    }

    struct Input: Encodable {
        let data_file: String
        let rows: Int
        let weighted: Bool
        let has_label: Bool
        let has_decision: Bool
        let has_score: Bool
    }

    struct SpecSummary: Encodable {
        struct Binning: Encodable {
            /// `categorical`, `bands` or `quantiles`.
            let kind: String
            let edges: [Double]?
            let quantiles: Int?
        }
        struct Rule: Encodable {
            /// `named`, `largest`, `best` or `overall`.
            let rule: String
            /// The named group, for `named`.
            let group: String?

            init(_ r: ReferenceRule) {
                switch r {
                case .named(let g): rule = "named"; group = g
                case .largest: rule = "largest"; group = nil
                case .best: rule = "best"; group = nil
                case .overall: rule = "overall"; group = nil
                }
            }
        }
        struct Protected: Encodable {
            let column: String
            let binning: Binning
            let reference: Rule?
            let mapping: [String: String]?
        }
        struct CSV: Encodable {
            let delimiter: String
            let decimal: String
            let missing: [String]
        }
        struct Binary: Encodable {
            let column: String
            let positive: String?
            let threshold: Double?
        }
        let csv: CSV
        let protected: [Protected]
        let label: Binary?
        let decision: Binary?
        let score: String?
        let weight: String?
        let default_reference: Rule
        let intersections: Int
        let impact_ratio_threshold: Double
        let min_group_size: Int
        let min_cell_size: Int
        let decision_is: String
        let inference: Inference
        let allocation: Allocation?
        let rank_by: String?
        let income: String?
        let tariff: Model?
        let drought: Model?

        struct Allocation: Encodable {
            let column: String
            let need: String?
            let per: String?
        }
        /// A decision model applied to the data: its file (base name) and the column it reads.
        struct Model: Encodable {
            let file: String
            let column: String
        }

        struct Inference: Encodable {
            let interval: String
            let level: Double
            let alpha: Double
            let adjust: String
            let difference_tolerance: Double
            let min_denominator: Int
            let power: Double
            let bootstrap_replicates: Int
            let seed: UInt64?
            let bootstrap_method: String?
        }

        /// - Parameter weighted: weighted audits bootstrap rows with percentile intervals
        ///   whatever the declared method; the method recorded is the one that ran.
        init(_ s: AuditSpec, delimiter: String, weighted: Bool) {
            csv = CSV(delimiter: delimiter, decimal: s.csv.decimalComma ? "," : ".", missing: s.csv.missingValues.sorted())
            protected = s.protected.map { p in
                let binning: Binning
                switch p.binning {
                case .none: binning = Binning(kind: "categorical", edges: nil, quantiles: nil)
                case .bands(let edges): binning = Binning(kind: "bands", edges: edges, quantiles: nil)
                case .quantiles(let k): binning = Binning(kind: "quantiles", edges: nil, quantiles: k)
                }
                return Protected(column: p.column, binning: binning, reference: p.reference.map(Rule.init), mapping: p.mapping.isEmpty ? nil : p.mapping)
            }
            label = s.label.map { Binary(column: $0.column, positive: $0.positive, threshold: $0.threshold) }
            decision = s.decision.map { Binary(column: $0.column, positive: $0.positive, threshold: $0.threshold) }
            score = s.score
            weight = s.weight
            default_reference = Rule(s.defaultReference)
            intersections = s.intersections
            impact_ratio_threshold = s.impactRatioThreshold
            min_group_size = s.minGroupSize
            min_cell_size = s.minCellSize
            decision_is = s.decisionIs.rawValue
            allocation = s.allocation.map { Allocation(column: $0.column, need: $0.need, per: $0.per) }
            rank_by = s.rankBy
            income = s.income
            tariff = s.tariff.map { Model(file: URL(fileURLWithPath: $0.model).lastPathComponent, column: $0.meter) }
            drought = s.drought.map { Model(file: URL(fileURLWithPath: $0.rule).lastPathComponent, column: $0.level) }
            let i = s.inference
            inference = Inference(
                interval: i.interval.rawValue, level: i.level, alpha: i.alpha, adjust: i.adjust.rawValue,
                difference_tolerance: i.differenceTolerance, min_denominator: i.minDenominator, power: i.power,
                bootstrap_replicates: i.bootstrapReplicates,
                seed: i.bootstrapReplicates > 0 ? i.seed : nil,
                bootstrap_method: i.bootstrapReplicates > 0 ? (weighted ? "percentile" : i.bootstrapMethod.rawValue) : nil
            )
        }
    }

    /// `{"status": "ok", "value": x, "n": k}` or `{"status": "undefined", "reason": "…", "n": k}`.
    /// A confidence interval with its method.
    /// What disclosure control withheld (docs/report-schema.md#disclosure).
    struct DisclosureJSON: Encodable {
        struct Cell: Encodable {
            let attribute: String
            let group: String
            let count: Int
            let kind: String
        }
        let min_cell_size: Int
        let suppressed_cells: [Cell]
        let suppressed_findings: Int
        let suppressed_aggregates: Int

        init(_ d: DisclosureSummary) {
            min_cell_size = d.minimumCellSize
            suppressed_cells = d.cells.map { Cell(attribute: $0.attribute, group: $0.group, count: $0.count, kind: $0.kind.rawValue) }
            suppressed_findings = d.suppressedFindings
            suppressed_aggregates = d.suppressedAggregates
        }
    }

    struct Interval: Encodable {
        let low: Double
        let high: Double
        let method: String

        init?(_ i: MetricInterval?) {
            guard let i else { return nil }
            low = i.low
            high = i.high
            method = i.method.rawValue
        }
    }

    struct Value: Encodable {
        let status: String
        let value: Double?
        let reason: String?
        let n: Int?
        /// The analytic interval, when the metric has one.
        let ci: Interval?
        /// The bootstrap interval, when the audit ran one.
        let bootstrap_ci: Interval?

        init(_ v: MetricValue, n: Int?, interval: MetricInterval? = nil, bootstrap: MetricInterval? = nil) {
            switch v {
            case .defined(let x): status = "ok"; value = x; reason = nil
            case .undefined(let why), .suppressed(let why): status = v.status; value = nil; reason = why
            }
            self.n = n
            ci = Interval(interval)
            bootstrap_ci = Interval(bootstrap)
        }

        init(_ e: MetricEntry) {
            self.init(e.value, n: e.n, interval: e.interval, bootstrap: e.bootstrapInterval)
        }
    }

    struct FindingJSON: Encodable {
        let attribute: String
        let group: String
        let reference: String
        let metric: String
        let kind: String
        let intersection: Bool
        let value: Value
        let test: String?
        let p_value: Double?
        let p_adjusted: Double?
        let verdict: String
        let reason: String
        let minimum_detectable_decrease: Double?
        let minimum_detectable_increase: Double?
        let verdict_detectable_gap: Double?
        let group_rows: Int
        let reference_rows: Int

        init(_ f: Finding) {
            attribute = f.attribute
            group = f.group
            reference = f.reference
            metric = f.metric
            kind = f.kind.rawValue
            intersection = f.isIntersection
            value = Value(f.value, n: f.groupRows, interval: f.interval)
            test = f.test
            p_value = f.pValue
            p_adjusted = f.pAdjusted
            verdict = f.verdict.rawValue
            reason = f.reason
            minimum_detectable_decrease = f.minimumDetectableDecrease
            minimum_detectable_increase = f.minimumDetectableIncrease
            verdict_detectable_gap = f.verdictDetectableGap
            group_rows = f.groupRows
            reference_rows = f.referenceRows
        }
    }

    struct AllocationJSON: Encodable {
        struct GroupJSON: Encodable {
            let group: String
            let households: Int
            let reference: Bool
            let below_min_size: Bool
            let metrics: [String: Value]
            let disparities: [String: Value]?

            init(_ g: AllocationGroupResult) {
                group = g.label
                households = g.households
                reference = g.isReference
                below_min_size = g.belowMinSize
                metrics = Dictionary(uniqueKeysWithValues: g.metrics.map { ($0.name, Value($0)) })
                disparities = g.disparities.isEmpty ? nil : Dictionary(uniqueKeysWithValues: g.disparities.map { ($0.name, Value($0)) })
            }
        }
        struct AttributeJSON: Encodable {
            let name: String
            let reference: String?
            let groups: [GroupJSON]
            let decompositions: [String: Value]

            init(_ a: AllocationAttributeResult) {
                name = a.name
                reference = a.reference
                groups = a.groups.map(GroupJSON.init)
                decompositions = Dictionary(uniqueKeysWithValues: a.decompositions.map { ($0.name, Value($0)) })
            }
        }
        let quantity: String
        let missing: Int
        let overall: GroupJSON
        let attributes: [AttributeJSON]
        /// Lorenz curve points [p, share].
        let lorenz: [[Double]]
        /// Concentration curve points [p, share] by `rank_by`.
        let concentration: [[Double]]?

        init(_ a: AllocationResult) {
            quantity = a.quantity
            missing = a.missing
            overall = GroupJSON(a.overall)
            attributes = a.attributes.map(AttributeJSON.init)
            lorenz = a.lorenz.map { [$0.p, $0.share] }
            concentration = a.concentration?.map { [$0.p, $0.share] }
        }
    }

    struct IndependenceJSON: Encodable {
        let attribute: String
        let metric: String
        let statistic: Double
        let degrees_of_freedom: Int
        let p_value: Double
        let p_adjusted: Double
        let groups: Int

        init(_ t: IndependenceTest) {
            attribute = t.attribute
            metric = t.metric
            statistic = t.statistic
            degrees_of_freedom = t.degreesOfFreedom
            p_value = t.pValue
            p_adjusted = t.pAdjusted
            groups = t.groups
        }
    }

    struct VerdictCounts: Encodable {
        let disparity: Int
        let no_disparity: Int
        let insufficient_evidence: Int

        init(_ findings: [Finding]) {
            disparity = findings.filter { $0.verdict == .disparity }.count
            no_disparity = findings.filter { $0.verdict == .noDisparity }.count
            insufficient_evidence = findings.filter { $0.verdict == .insufficientEvidence }.count
        }
    }

    struct Group: Encodable {
        let group: String
        let count: Int
        let unknown: Bool
        let below_min_size: Bool
        let reference: Bool
        let metrics: [String: Value]
        let disparities: [String: Value]?
        let impact_ratio: Value?
        let adverse_impact: Bool?

        init(_ g: GroupResult) {
            group = g.label
            count = g.statistics.count
            unknown = g.isUnknown
            below_min_size = g.belowMinSize
            reference = g.isReference
            metrics = Dictionary(uniqueKeysWithValues: g.metrics.map { ($0.name, Value($0)) })
            disparities = g.disparities.isEmpty ? nil : Dictionary(uniqueKeysWithValues: g.disparities.map { ($0.name, Value($0)) })
            impact_ratio = g.impactRatio.map { Value($0, n: g.statistics.count, interval: g.impactRatioInterval, bootstrap: g.impactRatioBootstrapInterval) }
            adverse_impact = g.adverseImpact
        }
    }

    struct Attribute: Encodable {
        struct Reference: Encodable {
            /// The declared rule (`named`, `largest`, `best`, `overall`).
            let rule: String
            /// The group named by a `named` rule.
            let named: String?
            /// The group actually used; absent when the reference is the whole population.
            let group: String?
            /// Whether the reference is the whole population.
            let whole_population: Bool
            let note: String?
        }
        let name: String
        let kind: String
        let components: [String]
        let reference: Reference
        let groups: [Group]
        let aggregates: [String: Value]
        /// Cut points of a banded or quantile-binned attribute.
        let cut_points: [Double]?

        init(_ a: AttributeResult) {
            name = a.name
            kind = a.isIntersection ? "intersection" : "attribute"
            components = a.components
            let rule = SpecSummary.Rule(a.reference.rule)
            reference = Reference(
                rule: rule.rule, named: rule.group,
                group: a.reference.group == nil ? nil : a.reference.label,
                whole_population: a.reference.group == nil, note: a.reference.note
            )
            groups = a.groups.map(Group.init)
            aggregates = Dictionary(uniqueKeysWithValues: a.aggregates.map { ($0.name, Value($0)) })
            cut_points = a.cutPoints.isEmpty ? nil : a.cutPoints
        }
    }
}
