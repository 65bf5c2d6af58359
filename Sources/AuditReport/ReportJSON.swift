import AuditAssessment
import AuditData
import AuditMetrics
import DecisionModels
import Foundation
import ModelAudit

/// `report.json`: the whole central table, with a schema version (`docs/report-schema.md`).
///
/// Deterministic: keys sorted, numbers in shortest round-trip form, no timestamps, and the
/// data file named by its base name only, so the same inputs give the same bytes anywhere.
public enum ReportJSON {
    /// The encoded report.
    /// - Parameters:
    ///   - model: the audit of the decision model, when the spec names one.
    ///   - report: the spec's report part (language, system card).
    ///   - models: the spec's decision-model part (the tariff and drought rule in `spec`).
    ///   - scan: the scan for groups no one declared, when the spec has a `scan:` block.
    public static func render(_ result: AuditResult, model: ModelAuditResult? = nil, scan: ScanReport.Input? = nil, report: ReportSpec = ReportSpec(),
                              models: DecisionModelSpec = DecisionModelSpec()) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.userInfo[SpecView.key] = SpecView.report
        var document = Document(result, model: model, report: report, models: models)
        document.model = model.map(ModelJSON.init)
        document.scan = scan.map(ScanJSON.init)
        var data = try encoder.encode(document)
        data.append(0x0A)
        return data
    }

    struct Document: Encodable {
        let schema_version = ReportVersion.schema
        let generator = Generator()
        let input: Input
        let spec: SpecSection
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
        /// The scan for groups no one declared, when the spec asks for it (optional, within 1.3).
        var scan: ScanJSON?

        init(_ r: AuditResult, model: ModelAuditResult?, report: ReportSpec, models: DecisionModelSpec) {
            input = Input(
                data_file: r.data.path.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "",
                rows: r.rowCount, weighted: r.weighted, has_label: r.hasLabel, has_decision: r.hasDecision, has_score: r.hasScore
            )
            spec = SpecSection(r, models: models)
            overall = Group(r.overall)
            attributes = r.attributes.map(Attribute.init)
            findings = r.findings.map(FindingJSON.init)
            verdicts = VerdictCounts(r.findings)
            independence_tests = r.independenceTests.map(IndependenceJSON.init)
            allocation = r.allocation.map(AllocationJSON.init)
            disclosure = r.disclosure.map(DisclosureJSON.init)
            warnings = r.warnings.map(\.description)
            language = report.language.rawValue
            system = report.system
            assessment = AssessmentJSON(r, builder: ReportBuilder(r, model: model, report: report))
        }
    }

    struct Generator: Encodable {
        let name = "vigie"
        let version = ReportVersion.vigie
    }

    /// The spec as the audit ran it, in the report's view (`SpecView.report`): its data,
    /// analysis and decision-model parts, each writing itself. The delimiter is the one the
    /// file was read with (detected when `auto`); a weighted audit's bootstrap is recorded as
    /// `percentile`, the method that ran (rows are resampled with Poisson multipliers).
    struct SpecSection: Encodable {
        var data: DataSpec
        var analysis: AnalysisSpec
        let models: DecisionModelSpec

        init(_ r: AuditResult, models: DecisionModelSpec) {
            data = r.data
            if let used = r.source?.delimiter { data.csv.delimiter = CSVDialect.delimiter(named: used) }
            analysis = r.analysis
            if r.weighted { analysis.inference.bootstrapMethod = .percentile }
            self.models = models
        }

        func encode(to encoder: Encoder) throws {
            try data.encode(to: encoder)
            try analysis.encode(to: encoder)
            try models.encode(to: encoder)
        }
    }

    struct Input: Encodable {
        let data_file: String
        let rows: Int
        let weighted: Bool
        let has_label: Bool
        let has_decision: Bool
        let has_score: Bool
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
        /// Why a metric that normally has an interval has none (`MetricEntry.intervalUnavailable`).
        var ci_unavailable: String? = nil

        init(_ v: MetricValue, n: Int?, interval: MetricInterval? = nil, bootstrap: MetricInterval? = nil) {
            switch v {
            case .defined(let x): status = "ok"; value = x; reason = nil
            case .upperBound(let x, let why): status = v.status; value = x; reason = why
            case .undefined(let why), .suppressed(let why): status = v.status; value = nil; reason = why
            }
            self.n = n
            ci = Interval(interval)
            bootstrap_ci = Interval(bootstrap)
        }

        init(_ e: MetricEntry) {
            self.init(e.value, n: e.n, interval: e.interval, bootstrap: e.bootstrapInterval)
            ci_unavailable = e.intervalUnavailable
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
            metric = f.metric.name
            kind = f.kind.rawValue
            intersection = f.isIntersection
            value = Value(f.value, n: f.groupRows, interval: f.interval)
            test = f.test
            p_value = f.pValue
            p_adjusted = f.pAdjusted
            verdict = f.verdict.rawValue
            reason = f.reason.description
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
            metric = t.metric.name
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
        let intended: Int

        init(_ findings: [Finding]) {
            disparity = findings.filter { $0.verdict == .disparity }.count
            no_disparity = findings.filter { $0.verdict == .noDisparity }.count
            insufficient_evidence = findings.filter { $0.verdict == .insufficientEvidence }.count
            intended = findings.filter { $0.verdict == .intended }.count
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
            reference = Reference(
                rule: a.reference.rule.name, named: a.reference.rule.namedGroup,
                group: a.reference.group == nil ? nil : a.reference.label,
                whole_population: a.reference.group == nil, note: a.reference.note
            )
            groups = a.groups.map(Group.init)
            aggregates = Dictionary(uniqueKeysWithValues: a.aggregates.map { ($0.name, Value($0)) })
            cut_points = a.cutPoints.isEmpty ? nil : a.cutPoints
        }
    }
}
