import AuditAssessment
import AuditReport
import AuditData
import Foundation

/// The resolved `AuditSpec` in the manifest: every field, in a form that re-runs the audit.
///
/// The keys are those of a spec file (`docs/spec.md`) and every path is absolute, so the
/// `spec` object of a `manifest.json` is itself a valid spec (JSON is YAML): copied into a
/// file, `vigie audit --spec FILE` reads it. Optional keys are left out when unset (never
/// `null`, which a spec file would read as the text "null"). One field has no spec key: the
/// CSV quote byte, which no flag or spec key changes; it is written (`csv.quote`) only when a
/// library caller set another one.
public struct ManifestSpec: Codable, Equatable, Sendable {
    public struct CSV: Codable, Equatable, Sendable {
        /// `auto`, `,`, `;`, `tab`, or the delimiter character.
        public var delimiter: String
        /// `.` or `,`.
        public var decimal: String
        /// Every missing-value marker, the empty field included, sorted.
        public var missing: [String]
        /// Only when not `"`.
        public var quote: String?
    }

    /// A reference rule: `largest`, `best`, `overall`, or `{"named": GROUP}` (a named group
    /// is always written as a mapping, so a group called "largest" stays a group).
    public enum Reference: Codable, Equatable, Sendable {
        case rule(String)
        case named(String)

        init(_ r: ReferenceRule) {
            switch r {
            case .named(let g): self = .named(g)
            case .largest: self = .rule("largest")
            case .best: self = .rule("best")
            case .overall: self = .rule("overall")
            }
        }

        var rule: ReferenceRule {
            switch self {
            case .named(let g): return .named(g)
            case .rule(let r): return ReferenceRule(parsing: r)
            }
        }

        struct Named: Codable { let named: String }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .rule(let r): try c.encode(r)
            case .named(let g): try c.encode(Named(named: g))
            }
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let r = try? c.decode(String.self) {
                guard ["largest", "best", "overall"].contains(r) else {
                    throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected largest, best, overall or {named: GROUP}, found '\(r)'")
                }
                self = .rule(r)
            } else {
                self = .named(try c.decode(Named.self).named)
            }
        }
    }

    public struct Protected: Codable, Equatable, Sendable {
        public var column: String
        public var bands: [Double]?
        public var quantiles: Int?
        public var reference: Reference?
        public var mapping: [String: String]?
    }

    public struct Binary: Codable, Equatable, Sendable {
        public var column: String
        public var positive: String?
        public var threshold: Double?
    }

    public struct Bootstrap: Codable, Equatable, Sendable {
        public var replicates: Int
        public var seed: UInt64
        public var method: String
    }

    public struct Allocation: Codable, Equatable, Sendable {
        public var column: String
        public var need: String?
        public var per: String?
    }

    public struct Tariff: Codable, Equatable, Sendable {
        public var model: String
        public var meter: String
    }

    public struct Model: Codable, Equatable, Sendable {
        public var grid: String
        public var applicationDate: String?
        public var allocationDate: String?
        public var asOf: String?

        enum CodingKeys: String, CodingKey {
            case grid
            case applicationDate = "application_date"
            case allocationDate = "allocation_date"
            case asOf = "as_of"
        }
    }

    public struct Drought: Codable, Equatable, Sendable {
        public var rule: String
        public var level: String
    }

    public var version: Int
    public var data: String?
    public var csv: CSV
    public var protected: [Protected]
    public var label: Binary?
    public var decision: Binary?
    public var score: String?
    public var weight: String?
    public var reference: Reference
    public var intersections: Int
    public var impactRatioThreshold: Double
    public var minGroupSize: Int
    /// Absent in manifests written before disclosure control: then the default, 10.
    public var minCellSize: Int?
    public var decisionIs: String
    public var interval: String
    public var level: Double
    public var alpha: Double
    public var adjust: String
    public var differenceTolerance: Double
    public var minDenominator: Int
    public var power: Double
    public var bootstrap: Bootstrap
    public var allocation: Allocation?
    public var rankBy: String?
    public var income: String?
    public var tariff: Tariff?
    public var drought: Drought?
    /// The decision model (points grid), when the audit runs one.
    public var model: Model?
    /// The report language, only when not the default `en`.
    public var lang: String?
    /// The system card, when the spec has one.
    public var system: SystemCard?

    enum CodingKeys: String, CodingKey {
        case version, data, csv, protected, label, decision, score, weight, reference, intersections
        case impactRatioThreshold = "impact_ratio_threshold"
        case minGroupSize = "min_group_size"
        case minCellSize = "min_cell_size"
        case decisionIs = "decision_is"
        case interval, level, alpha, adjust
        case differenceTolerance = "difference_tolerance"
        case minDenominator = "min_denominator"
        case power, bootstrap, allocation
        case rankBy = "rank_by"
        case income, tariff, drought, model, lang, system
    }

    /// Absolute form of a path, resolved against the current folder.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The spec, every path made absolute.
    public init(_ s: AuditSpec) {
        version = 1
        data = s.dataPath.map(Self.absolute)
        let delimiter = CSVDialect.name(ofDelimiter: s.csv.delimiter)
        csv = CSV(
            delimiter: delimiter, decimal: s.csv.decimalComma ? "," : ".", missing: s.csv.missingValues.sorted(),
            quote: s.csv.quote == UInt8(ascii: "\"") ? nil : String(UnicodeScalar(s.csv.quote))
        )
        protected = s.protected.map { p in
            var out = Protected(column: p.column, reference: p.reference.map(Reference.init), mapping: p.mapping.isEmpty ? nil : p.mapping)
            switch p.binning {
            case .none: break
            case .bands(let edges): out.bands = edges
            case .quantiles(let k): out.quantiles = k
            }
            return out
        }
        label = s.label.map { Binary(column: $0.column, positive: $0.positive, threshold: $0.threshold) }
        decision = s.decision.map { Binary(column: $0.column, positive: $0.positive, threshold: $0.threshold) }
        score = s.score
        weight = s.weight
        reference = Reference(s.defaultReference)
        intersections = s.intersections
        impactRatioThreshold = s.impactRatioThreshold
        minGroupSize = s.minGroupSize
        minCellSize = s.minCellSize
        decisionIs = s.decisionIs.rawValue
        let i = s.inference
        interval = i.interval.rawValue
        level = i.level
        alpha = i.alpha
        adjust = i.adjust.rawValue
        differenceTolerance = i.differenceTolerance
        minDenominator = i.minDenominator
        power = i.power
        bootstrap = Bootstrap(replicates: i.bootstrapReplicates, seed: i.seed, method: i.bootstrapMethod.rawValue)
        allocation = s.allocation.map { Allocation(column: $0.column, need: $0.need, per: $0.per) }
        rankBy = s.rankBy
        income = s.income
        tariff = s.tariff.map { Tariff(model: Self.absolute($0.model), meter: $0.meter) }
        drought = s.drought.map { Drought(rule: Self.absolute($0.rule), level: $0.level) }
        model = s.model.map { Model(grid: Self.absolute($0.grid), applicationDate: $0.applicationDate, allocationDate: $0.allocationDate, asOf: $0.asOf) }
        lang = s.language == .en ? nil : s.language.rawValue
        system = s.system
    }

    /// The `AuditSpec` back, validated.
    public func auditSpec() throws -> AuditSpec {
        func fail(_ key: String, _ message: String) -> SpecError { SpecError(file: Manifest.fileName, key: "spec.\(key)", message: message) }
        func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ key: String) throws -> T where T.RawValue == String {
            guard let value = T(rawValue: text) else { throw fail(key, "unexpected value '\(text)'") }
            return value
        }
        guard version == 1 else { throw fail("version", "this Vigie reads spec version 1") }
        var s = AuditSpec()
        s.dataPath = data
        do {
            s.csv.delimiter = try CSVDialect.delimiter(named: csv.delimiter, key: "csv.delimiter")
        } catch {
            throw fail("csv.delimiter", error.message)
        }
        guard csv.decimal == "." || csv.decimal == "," else { throw fail("csv.decimal", "expected '.' or ','") }
        s.csv.decimalComma = csv.decimal == ","
        s.csv.missingValues = Set(csv.missing)
        if let quote = csv.quote {
            guard quote.utf8.count == 1 else { throw fail("csv.quote", "expected one character") }
            s.csv.quote = quote.utf8.first!
        }
        s.protected = try protected.map { p in
            var a = ProtectedAttributeSpec(column: p.column, reference: p.reference?.rule, mapping: p.mapping ?? [:])
            if p.bands != nil && p.quantiles != nil { throw fail("protected", "'\(p.column)' has both bands and quantiles") }
            if let bands = p.bands { a.binning = .bands(bands) }
            if let k = p.quantiles { a.binning = .quantiles(k) }
            return a
        }
        s.label = label.map { BinaryColumnSpec(column: $0.column, positive: $0.positive, threshold: $0.threshold) }
        s.decision = decision.map { BinaryColumnSpec(column: $0.column, positive: $0.positive, threshold: $0.threshold) }
        s.score = score
        s.weight = weight
        s.defaultReference = reference.rule
        s.intersections = intersections
        s.impactRatioThreshold = impactRatioThreshold
        s.minGroupSize = minGroupSize
        s.minCellSize = minCellSize ?? 10
        s.decisionIs = try choice(decisionIs, "decision_is")
        s.inference.interval = try choice(interval, "interval")
        s.inference.level = level
        s.inference.alpha = alpha
        s.inference.adjust = try choice(adjust, "adjust")
        s.inference.differenceTolerance = differenceTolerance
        s.inference.minDenominator = minDenominator
        s.inference.power = power
        s.inference.bootstrapReplicates = bootstrap.replicates
        s.inference.seed = bootstrap.seed
        s.inference.bootstrapMethod = try choice(bootstrap.method, "bootstrap.method")
        s.allocation = allocation.map { AllocationSpec(column: $0.column, need: $0.need, per: $0.per) }
        s.rankBy = rankBy
        s.income = income
        s.tariff = tariff.map { TariffSpec(model: $0.model, meter: $0.meter) }
        s.drought = drought.map { DroughtSpec(rule: $0.rule, level: $0.level) }
        s.model = model.map { ModelSpec(grid: $0.grid, applicationDate: $0.applicationDate, allocationDate: $0.allocationDate, asOf: $0.asOf) }
        if let lang { s.language = try choice(lang, "lang") }
        s.system = system
        try s.validate()
        return s
    }

    /// The `vigie audit` arguments (after `vigie audit`, without `--out`) that give this spec,
    /// or `nil` when flags cannot express it (a system card, value mappings, a group literally named
    /// `largest`/`best`/`overall`, an empty missing-value list, a non-default quote).
    public var commandLine: [String]? {
        guard csv.quote == nil, system == nil else { return nil }  // no flags for a system card
        var a: [String] = []
        // `--flag=value` when the value starts with '-', which would otherwise read as a flag.
        func add(_ flag: String, _ value: String) { a += value.hasPrefix("-") ? ["\(flag)=\(value)"] : [flag, value] }
        if let data { add("--data", data) }
        for p in protected {
            guard p.mapping == nil else { return nil }
            if let bands = p.bands {
                add("--protected", p.column + ":" + bands.map { NumberFormat.exact($0) }.joined(separator: ","))
            } else if let k = p.quantiles {
                add("--protected", "\(p.column):q\(k)")
            } else {
                guard !p.column.contains(":") else { return nil }
                add("--protected", p.column)
            }
        }
        for p in protected {
            switch p.reference {
            case nil: break
            case _ where p.column.contains("="): return nil
            case .rule(let r)?: add("--reference", "\(p.column)=\(r)")
            case .named(let g)?:
                guard !["largest", "best", "overall"].contains(g) else { return nil }
                add("--reference", "\(p.column)=\(g)")
            }
        }
        guard case .rule(let defaultRule) = reference else { return nil }  // a named default has no flag
        add("--reference", defaultRule)
        if let label {
            guard label.threshold == nil else { return nil }  // no --label-threshold flag
            add("--label", label.column)
            if let p = label.positive { add("--positive-label", p) }
        }
        if let decision {
            add("--decision", decision.column)
            if let p = decision.positive { add("--positive-decision", p) }
            if let t = decision.threshold { add("--decision-threshold", NumberFormat.exact(t)) }
        }
        if let score { add("--score", score) }
        if let weight { add("--weight", weight) }
        add("--delimiter", csv.delimiter)
        guard ["auto", ",", ";", "tab"].contains(csv.delimiter) else { return nil }
        if csv.decimal == "," { a += ["--decimal-comma"] }
        let markers = csv.missing.filter { !$0.isEmpty }
        guard !markers.isEmpty, csv.missing.contains("") else { return nil }
        for m in markers { add("--missing", m) }
        add("--intersections", "\(intersections)")
        add("--impact-ratio-threshold", NumberFormat.exact(impactRatioThreshold))
        add("--min-group-size", "\(minGroupSize)")
        add("--min-cell-size", "\(minCellSize ?? 10)")
        add("--decision-is", decisionIs)
        add("--interval", interval)
        add("--level", NumberFormat.exact(level))
        add("--alpha", NumberFormat.exact(alpha))
        add("--adjust", adjust)
        add("--difference-tolerance", NumberFormat.exact(differenceTolerance))
        add("--min-denominator", "\(minDenominator)")
        add("--bootstrap", "\(bootstrap.replicates)")
        add("--seed", "\(bootstrap.seed)")
        add("--bootstrap-method", bootstrap.method)
        guard power == InferenceSpec().power else { return nil }  // no --power flag
        if let allocation {
            add("--allocation", allocation.column)
            if let n = allocation.need { add("--need", n) }
            if let p = allocation.per { add("--per", p) }
        }
        if let rankBy { add("--rank-by", rankBy) }
        if let income { add("--income", income) }
        if let tariff { add("--tariff", tariff.model); add("--meter", tariff.meter) }
        if let drought { add("--drought", drought.rule); add("--drought-level", drought.level) }
        if let model {
            add("--model", model.grid)
            if let d = model.applicationDate { add("--application-date", d) }
            if let d = model.allocationDate { add("--allocation-date", d) }
            if let d = model.asOf { add("--as-of", d) }
        }
        if let lang { add("--lang", lang) }
        return a
    }
}
