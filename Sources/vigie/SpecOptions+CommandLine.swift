import AuditApplication
import AuditData
import AuditMetrics
import AuditReport

extension SpecOptions {
    /// The `vigie audit` arguments (after `vigie audit`, without `--out`) that give `spec`,
    /// every path absolute, for `manifest.json`; or `nil` when flags cannot express it (a
    /// system card, a `scan:` block, labels, value mappings, a group literally named
    /// `largest`/`best`/`overall`, a label threshold, an empty missing-value list, a
    /// non-default quote or power).
    ///
    /// The inverse of ``resolve(tariffOverride:)``: `vigie audit` with these arguments
    /// resolves to the same spec (tested in `ProvenanceTests`).
    static func commandLine(for spec: AuditSpec) -> [String]? {
        let s = spec.withAbsolutePaths
        let data = s.data, analysis = s.analysis, inference = s.analysis.inference
        guard data.csv.quote == UInt8(ascii: "\""), s.report.system == nil, s.scan == nil, s.report.labels.isEmpty else { return nil }  // no flags for a system card, a scan block or labels
        let keywords = ["largest", "best", "overall"]
        var a: [String] = []
        // `--flag=value` when the value starts with '-', which would otherwise read as a flag.
        func add(_ flag: String, _ value: String) { a += value.hasPrefix("-") ? ["\(flag)=\(value)"] : [flag, value] }
        if let path = data.path { add("--data", path) }
        for p in data.protected {
            guard p.mapping.isEmpty else { return nil }
            switch p.binning {
            case .bands(let edges): add("--protected", p.column + ":" + edges.map { NumberFormat.exact($0) }.joined(separator: ","))
            case .quantiles(let k): add("--protected", "\(p.column):q\(k)")
            case .none:
                guard !p.column.contains(":") else { return nil }
                add("--protected", p.column)
            }
        }
        for p in data.protected {
            guard let rule = p.reference else { continue }
            guard !p.column.contains("=") else { return nil }
            if case .named(let group) = rule, keywords.contains(group) { return nil }
            add("--reference", "\(p.column)=\(rule.namedGroup ?? rule.name)")
        }
        guard analysis.defaultReference.namedGroup == nil else { return nil }  // a named default has no flag
        add("--reference", analysis.defaultReference.name)
        if let label = data.label {
            guard label.threshold == nil else { return nil }  // no --label-threshold flag
            add("--label", label.column)
            if let p = label.positive { add("--positive-label", p) }
        }
        if let decision = data.decision {
            add("--decision", decision.column)
            if let p = decision.positive { add("--positive-decision", p) }
            if let t = decision.threshold { add("--decision-threshold", NumberFormat.exact(t)) }
        }
        if let score = data.score { add("--score", score) }
        if let weight = data.weight { add("--weight", weight) }
        if let maxGroups = data.maxGroups { add("--max-groups", "\(maxGroups)") }
        guard let delimiter = CSVDelimiter(named: CSVDialect.name(ofDelimiter: data.csv.delimiter)) else { return nil }
        add("--delimiter", delimiter.rawValue)
        if data.csv.decimalComma { a += ["--decimal-comma"] }
        let markers = data.csv.missingValues.filter { !$0.isEmpty }.sorted()
        guard !markers.isEmpty, data.csv.missingValues.contains("") else { return nil }
        for m in markers { add("--missing", m) }
        add("--intersections", "\(analysis.intersections)")
        add("--impact-ratio-threshold", NumberFormat.exact(analysis.impactRatioThreshold))
        add("--min-group-size", "\(analysis.minGroupSize)")
        add("--min-cell-size", "\(analysis.minCellSize)")
        add("--decision-is", analysis.decisionIs.rawValue)
        add("--interval", inference.interval.rawValue)
        add("--level", NumberFormat.exact(inference.level))
        add("--alpha", NumberFormat.exact(inference.alpha))
        add("--adjust", inference.adjust.rawValue)
        add("--difference-tolerance", NumberFormat.exact(inference.differenceTolerance))
        add("--min-denominator", "\(inference.minDenominator)")
        add("--bootstrap", "\(inference.bootstrapReplicates)")
        add("--seed", "\(inference.seed)")
        add("--bootstrap-method", inference.bootstrapMethod.rawValue)
        guard inference.power == InferenceSpec().power else { return nil }  // no --power flag
        if let allocation = data.allocation {
            add("--allocation", allocation.column)
            if let n = allocation.need { add("--need", n) }
            if let p = allocation.per { add("--per", p) }
        }
        if let rankBy = data.rankBy { add("--rank-by", rankBy) }
        if let income = data.income { add("--income", income) }
        if let tariff = s.models.tariff { add("--tariff", tariff.path); add("--meter", tariff.meter) }
        if let drought = s.models.drought { add("--drought", drought.path); add("--drought-level", drought.level) }
        if let grid = s.models.grid {
            add("--model", grid.path)
            if let d = grid.applicationDate { add("--application-date", d) }
            if let d = grid.allocationDate { add("--allocation-date", d) }
            if let d = grid.asOf { add("--as-of", d) }
        }
        if s.report.language != .en { add("--lang", s.report.language.rawValue) }
        if s.report.paper != .a4 { add("--paper", s.report.paper.rawValue) }
        return a
    }
}
