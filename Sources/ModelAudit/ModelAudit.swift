import AuditData
import AuditMetrics
import DecisionModels
import Foundation
import LinearAlgebra

/// Runs a decision model (a points grid) on the audited applicants and audits the model
/// itself: what the protected groups get from it and why (issue 4, points 3–5).
///
/// Steps, all on the rows of the audit's store (the data file read once, with the grid's
/// columns and the dates; `columnRequests(spec:grid:)`):
/// 1. score every applicant (`GridDesign.scores`, one dgemv) and, when the grid has an
///    allocation rule, allocate (`GridAllocation`); the per-criterion points actually given
///    (`GridDesign.patternContributions`: per distinct row of the grid's features, no
///    applicants × criteria matrix) feed the decompositions;
/// 2. per protected attribute (single attributes; rows whose value is missing are left out):
///    - selection by the grid: `grid_selection_rate` (Wilson) and `grid_impact_ratio` (the
///      audit's `GroupFrame` and `RatioEligibility`: over the most favoured comparable group's
///      rate — at least `min_group_size` rows, not missing, mandated priorities honoured — with
///      a Katz interval);
///    - score fairness (`ScoreFairness`): distribution, LL144 scoring rate and its impact
///      ratio, Kolmogorov–Smirnov distance to the rest and to the reference, and with a label
///      AUC by group;
///    - waiting-list fairness (`WaitingListFairness`): share of the k places against share of
///      applicants (k = applicants the grid selects), exposure 1/log2(1+rank) in the grid's
///      overall order (score, then the tie-break), NDKL overall; with dates, Kaplan–Meier
///      median and restricted mean wait per group and the log-rank test;
///    - what drives the gaps: the mean score gap to the reference split exactly into
///      per-criterion parts (`ScoreGapDecomposition`, Welch intervals); the Oaxaca–Blinder
///      decomposition of the allocation gap (criteria points as characteristics, HC1 errors);
///      proxy detection of the attribute from the criteria (`ProxyDetection`: Cramér's V for
///      two-valued criteria, the correlation ratio otherwise; logistic IRLS with its AUC);
/// 3. with the audit's decision column, the human decision after the grid (``HumanStage``);
/// 4. disclosure control: a group the audit suppressed (`AuditResult.disclosure`) keeps its
///    count and nothing else, and appears in no decomposition.
public enum ModelAudit {
    /// The columns the model audit reads besides the audit's: the grid's
    /// (``PointsGrid/columnRequests``) and, when given in the spec's `model:` or the grid, the
    /// application and allocation dates.
    public static func columnRequests(model: GridSpec, grid: PointsGrid) -> [ColumnRequest] {
        var requests = grid.columnRequests
        if let (application, allocation) = dateColumns(model: model, grid: grid) {
            requests += WaitingDates.columnRequests(application: application, allocation: allocation)
        }
        return requests
    }

    /// The application and allocation date columns: the spec's, else the grid's `dates:`.
    static func dateColumns(model m: GridSpec, grid: PointsGrid) -> (String, String)? {
        guard let a = m.applicationDate ?? grid.dates?.application,
              let b = m.allocationDate ?? grid.dates?.allocation else { return nil }
        return (a, b)
    }

    /// Audits `grid` (the spec's `model:`, `m`) on the rows of `store`, read with the audit's
    /// requests and ``columnRequests(model:grid:)``, under the rules `audit` applied.
    ///
    /// With the audit's decision column and a grid allocation rule, the grid's selection is also
    /// put side by side with the actual decisions (``HumanStage``). `threads` only changes
    /// who computes what: the result is the same for any number. `design`: the grid applied to
    /// `store` (`GridDesign(grid:store:)`), and `outcome` its scores and selection
    /// (`GridOutcome(design:grid:)`), when the caller has them already.
    public static func run(model m: GridSpec, grid: PointsGrid, store: ColumnStore, audit: AuditResult, design prepared: GridDesign? = nil,
                           outcome scored: GridOutcome? = nil, threads: Int = 1) throws -> ModelAuditResult {
        let spec = audit.analysis
        let design = try prepared ?? GridDesign(grid: grid, store: store)
        let n = design.rows
        let level = spec.inference.level
        let hidden = Set((audit.disclosure?.cells ?? []).map { "\($0.attribute)\u{1F}\($0.group)" })
        let allocation: GridAllocationResult?
        // The waits sorted once, for the survival analyses by attribute and the human stage's
        // waits at equal points; the waits by row are released once sorted.
        let timeOrder = try dateColumns(model: m, grid: grid).map { a, b in
            try WaitingOrder(waiting: WaitingDates(store: store, application: a, allocation: b, asOf: m.asOf))
        }
        var overall: [MetricEntry] = []
        var attributes: [ModelAttributeResult] = []
        // The row-level buffers of the scores, the criteria's points, the grid's order and the
        // compressed design live in this scope only: released before the sensitivity analysis
        // and the human stage, which hold their own.
        do {
            let scores = try scored?.scores ?? design.scores()
            // The criteria's points per distinct row of the grid's features; applicant i's are
            // row `pointRows[i]` (no applicants × criteria matrix when the design compresses).
            let points = try design.patternContributions()
            let pointRows = design.patternOfRow
            allocation = try scored.map(\.allocation) ?? grid.allocation.map { _ in try GridAllocation.allocate(scores: scores, design: design) }
            let selected: [Bool]? = allocation.map { a in (0..<n).map { a.isSelected($0) } }
            // The grid's overall order: score descending, then the declared tie-break — a stable
            // sort of the scores over the rows in tie-break order (by counting, or radix: linear,
            // no comparison sort).
            var order = [Int32](repeating: 0, count: n)
            for i in 0..<n { order[Int(design.tieRank[i])] = Int32(i) }
            StableRadixSort.sort(items: &order) { StableRadixSort.descendingKey(scores[$0]) }
            let criteria = grid.criteria.map(\.name)
            // The design compressed once into its distinct (criteria points, selection) patterns
            // with their counts; every Oaxaca–Blinder and proxy fit below runs on it (exact:
            // `DesignPatterns`), or on the rows when it does not compress (more than n/4 patterns).
            // The selection as a 0/1 outcome per applicant lives only for the compression (8 MB
            // at 1M); the fits on rows, when the design does not compress, write it again.
            let patterns = try DesignPatterns.compress(design: points, rows: pointRows, outcome: selected.map { $0.map { $0 ? 1.0 : 0.0 } })
            // The points written out per applicant only when the fits cannot run on patterns.
            let contributions: Matrix? = patterns == nil ? try design.contributions() : nil
            let features = proxyFeatures(patterns?.design ?? contributions ?? points, criteria)

            // Whole population. The scores and the waiting times sorted once for every grouping.
            let everyone = [Int32](repeating: 0, count: n)
            let scoreOrder = ScoreSample.ascendingOrder(scores: scores)
            let overallScores = try ScoreFairness.analyze(ScoreSample(groups: everyone, groupLabels: ["all"], scores: scores, labels: store.label, order: scoreOrder))
            overall += overallScores.overall.entries(reference: nil).filter { MetricID.scoreDistribution.contains($0.id) }
            if let selected {
                let k = selected.filter { $0 }.count
                overall.append(MetricEntry(.gridSelectionRate, .ratio(Double(k), Double(n), reason: "no applicant"), n: n,
                                           interval: wilson(Double(k), Double(n), level)))
            }
            if let timeOrder {
                let times = try WaitingTimes(groups: everyone, groupLabels: ["all"], order: timeOrder)
                overall += try WaitingListFairness.survivalEntries(times, level: level).overall.filter { !$0.id.isLogRank }
            }

            // Each protected attribute audited on its own, one after the other (side by side
            // on two workers measured as fast at 1M, with 33 MB more at the peak). OpenBLAS runs
            // single-threaded for the phase, whatever `threads`: the fits' last bits do not
            // depend on the machine — OpenBLAS's own thread count (by
            // default one per core) changes the last bits of the Oaxaca–Blinder decompositions
            // on the 1M demo (74 values of model-metrics.csv, 1 thread against 2 or 4; issue 21,
            // checked by Benchmarks/model_scale.sh).
            func audited(_ column: GroupColumn) throws -> ModelAttributeResult {
                let name = column.attribute
                let labels = column.groups
                let codes = column.codesLeavingOutUnknown
                let auditAttribute = audit[name]
                let reference: Int32? = auditAttribute?.reference.group.map(Int32.init)
                let counts = (0..<labels.count).map { g in codes.lazy.filter { $0 == Int32(g) }.count }
                let isHidden = labels.map { hidden.contains("\(name)\u{1F}\($0)") }

                var perGroup = [[MetricEntry]](repeating: [], count: labels.count)
                // Selection by the grid.
                if let selected {
                    var chosen = [Int](repeating: 0, count: labels.count)
                    for r in 0..<n where codes[r] >= 0 && selected[r] { chosen[Int(codes[r])] += 1 }
                    // The audit's group frame and eligibility (minimum size, missing group by its
                    // code, mandated priorities): one impact ratio, one definition.
                    let rates = labels.indices.map { g in MetricValue.ratio(Double(chosen[g]), Double(counts[g]), reason: "empty group: no rows") }
                    let frame = GroupFrame(labels: labels, values: rates, sizes: counts,
                                           isMissing: labels.indices.map { UInt32($0) == column.unknownCode },
                                           priorities: labels.map { auditAttribute?[$0]?.priorities ?? [] }, eligibility: audit.analysis.ratioEligibility)
                    let ratios = frame.mostFavouredRatios(zeroComparator: "no group has a selected applicant")
                    for g in labels.indices {
                        perGroup[g].append(MetricEntry(.gridSelectionRate, rates[g], n: counts[g], interval: wilson(Double(chosen[g]), Double(counts[g]), level)))
                        if let b = frame.mostFavoured(for: g), counts[g] > 0 {
                            let ratio = ratios[g]
                            let ci = RatioInterval.katzOrAdjusted(successes1: Double(chosen[g]), trials1: Double(counts[g]), successes2: Double(chosen[b]), trials2: Double(counts[b]), level: level)
                            perGroup[g].append(MetricEntry(.gridImpactRatio, ratio, n: counts[g], interval: ci.map { MetricInterval(low: $0.low, high: $0.high, method: .katz) }))
                        }
                    }
                }
                // Score fairness.
                var options = ScoreFairness.Options()
                options.level = level
                options.reference = reference.map(Int.init)
                let fairness = try ScoreFairness.analyze(ScoreSample(groups: codes, groupLabels: labels, scores: scores, labels: store.label, order: scoreOrder), options: options)
                for g in labels.indices { perGroup[g] += fairness.groups[g].entries(reference: options.reference) }
                // Waiting list: the grid's order, k = applicants it selects.
                var aggregates: [MetricEntry] = []
                if let selected {
                    let ranked = try RankedApplicants(groups: codes, groupLabels: labels, priorityOrder: order)
                    let k = (0..<n).filter { selected[$0] && codes[$0] >= 0 }.count
                    let entries = try WaitingListFairness.rankingEntries(ranked, allocated: k, level: level)
                    for g in labels.indices { perGroup[g] += entries.groups[g] }
                    aggregates += entries.overall
                }
                if let timeOrder {
                    let times = try WaitingTimes(groups: codes, groupLabels: labels, order: timeOrder)
                    let entries = try WaitingListFairness.survivalEntries(times, level: level)
                    for g in labels.indices { perGroup[g] += entries.groups[g] }
                    aggregates += entries.overall.filter { $0.id.isLogRank }
                }
                // What drives the gaps.
                var scoreGaps: [(group: String, gap: GroupScoreGap)] = []
                var oaxaca: [(group: String, decomposition: OaxacaBlinderDecomposition)] = []
                if let reference, !isHidden[Int(reference)] {
                    let visible = codes.map { c -> Int32 in c >= 0 && !isHidden[Int(c)] ? c : -1 }
                    for gap in try ScoreGapDecomposition.decompose(contributions: points, rows: pointRows, criteria: criteria, groups: visible, reference: reference, level: level)
                    where gap.group != reference && counts[Int(gap.group)] > 0 {
                        scoreGaps.append((labels[Int(gap.group)], gap))
                        perGroup[Int(gap.group)].append(MetricEntry(.scoreGap, gap.gap.difference, n: counts[Int(gap.group)],
                                                                     interval: gap.gap.interval.map { MetricInterval(low: $0.low, high: $0.high, method: .studentT) }))
                    }
                    if let selected {
                        let decompositions = try patterns.map { try OaxacaBlinder.decompose(patterns: $0, criteria: criteria, groups: visible, reference: reference) }
                            ?? OaxacaBlinder.decompose(characteristics: contributions ?? points, criteria: criteria, outcome: selected.map { $0 ? 1.0 : 0.0 },
                                                       groups: visible, reference: reference)
                        for d in decompositions
                        where d.group != reference && counts[Int(d.group)] > 0 {
                            oaxaca.append((labels[Int(d.group)], d))
                            let g = Int(d.group)
                            perGroup[g].append(MetricEntry(.allocationGap, d.gap, n: counts[g]))
                            perGroup[g].append(MetricEntry(.allocationGapExplained, d.explained, n: counts[g], interval: normal(d.explained, d.explainedStandardError, level)))
                            perGroup[g].append(MetricEntry(.allocationGapUnexplained, d.unexplained, n: counts[g], interval: normal(d.unexplained, d.unexplainedStandardError, level)))
                        }
                    }
                }
                // A suppressed group's level-against-the-rest model is withheld (its AUC is about
                // that group alone); the associations are attribute-level and stay.
                let analysed = try patterns.map { try ProxyDetection.analyse(attribute: name, groups: codes, patterns: $0, features: features) }
                    ?? ProxyDetection.analyse(attribute: name, groups: codes, features: features)
                let proxies = ProxyReport(attribute: analysed.attribute, ranked: analysed.ranked,
                                          models: analysed.models.filter { $0.level < 0 || Int($0.level) >= labels.count || !isHidden[Int($0.level)] },
                                          modelObservations: analysed.modelObservations)
                let groups = labels.indices.map { g -> ModelGroupResult in
                    let entries = isHidden[g]
                        ? perGroup[g].map { e in e.id == .applicantShare ? e : MetricEntry(e.id, .suppressed(reason: "suppressed: the group is suppressed in the audit (disclosure control)"), n: counts[g]) }
                        : perGroup[g]
                    return ModelGroupResult(label: labels[g], count: counts[g], isSuppressed: isHidden[g], isReference: reference == Int32(g), metrics: entries)
                }
                return ModelAttributeResult(
                    name: name, reference: reference.map { labels[Int($0)] }, groups: groups,
                    aggregates: isHidden.contains(true) ? aggregates.map { $0.id == .topK ? $0 : MetricEntry($0.id, .suppressed(reason: "suppressed: depends on a suppressed group (disclosure control)"), n: counts.reduce(0, +)) } : aggregates,
                    scoreGaps: scoreGaps, oaxaca: oaxaca, proxies: proxies)
            }
            // OpenBLAS single-threaded for the phase, whatever `threads` (see above).
            let previousThreads = BLASProvider.setOpenBLASThreads(1)
            defer { if let previousThreads { BLASProvider.setOpenBLASThreads(previousThreads) } }
            for column in store.attributes { attributes.append(try audited(column)) }
        }
        // Weight sensitivity (variants scored in batches by one dgemm per worker, re-selected
        // per column by the partial selection, streamed), when the grid allocates; groups the
        // audit suppressed are left out of the ranking.
        var sensitivity: [GridSensitivityEntry] = [], tornado: [GridTornadoBar] = []
        if grid.allocation != nil {
            let references = Dictionary(attributes.compactMap { a in a.reference.map { (a.name, $0) } }, uniquingKeysWith: { x, _ in x })
            let run = try GridSensitivity.run(design: design, attributes: store.attributes,
                                              minGroupSize: spec.minGroupSize, referenceGroups: references,
                                              priorities: Dictionary(uniqueKeysWithValues: store.attributes.map { c in (c.attribute, c.groups.map { audit[c.attribute]?[$0]?.priorities ?? [] }) }),
                                              threads: threads)
            // The missing group of each attribute, found by its code (its label may be `unknown (missing)`).
            let missing = Set(store.attributes.compactMap { c in c.unknownCode.map { "\(c.attribute)\u{1F}\(c.groups[Int($0)])" } })
            sensitivity = run.ranking.filter { !hidden.contains("\($0.attribute)\u{1F}\($0.group)") && !missing.contains("\($0.attribute)\u{1F}\($0.group)") }
            tornado = run.tornado.filter { !hidden.contains("\($0.attribute)\u{1F}\($0.group)") && !missing.contains("\($0.attribute)\u{1F}\($0.group)") }
        }
        // The human decision after the grid. One owner of the cores: its workers (the stage
        // split's bootstrap, the override statistics), OpenBLAS single-threaded meanwhile (its
        // threads would spin beside them; its few calls there are gemv-sized and their values
        // do not depend on it: outputs checked byte-identical, Benchmarks/README.md).
        let human: HumanStageResult?
        do {
            let previousThreads = threads > 1 ? BLASProvider.setOpenBLASThreads(1) : nil
            defer { if let previousThreads { BLASProvider.setOpenBLASThreads(previousThreads) } }
            human = try allocation.flatMap {
                try HumanStage.run(store: store, audit: audit, design: design, allocation: $0, waitingOrder: timeOrder, gridFile: m.path, threads: threads)
            }
        }
        return ModelAuditResult(
            name: grid.name, file: URL(fileURLWithPath: m.path).lastPathComponent, role: grid.role, rows: n,
            criteria: grid.criteria.map { ($0.name, $0.labelFR, $0.labelEN) },
            allocationRule: grid.allocation.map { describe($0, segments: grid.segmentBy) }, selected: allocation.map { $0.selectedCount() },
            overall: overall, attributes: attributes, sensitivity: sensitivity, tornado: tornado, human: human,
            allocation: grid.allocation, segmentBy: grid.segmentBy, maximumScore: grid.maximumScore, unboundedCriteria: grid.unboundedCriteria)
    }

    /// Each criterion's points as a proxy feature: categorical when it takes at most two
    /// values (a flag: Cramér's V), numeric otherwise (correlation ratio η).
    static func proxyFeatures(_ c: Matrix, _ criteria: [String]) -> [ProxyFeature] {
        criteria.indices.map { j in
            let column = (0..<c.rows).map { c[$0, j] }
            let distinct = Array(Set(column)).sorted()
            if distinct.count <= 2 {
                return ProxyFeature(name: criteria[j], values: .categorical(column.map { Int32(distinct.firstIndex(of: $0) ?? 0) }))
            }
            return ProxyFeature(name: criteria[j], values: .numeric(column))
        }
    }

    static func wilson(_ x: Double, _ n: Double, _ level: Double) -> MetricInterval? {
        ProportionInterval.wilson(successes: x, trials: n, level: level).map { MetricInterval(low: $0.low, high: $0.high, method: .wilson) }
    }

    /// value ± z·SE, when both are defined.
    static func normal(_ value: MetricValue, _ se: MetricValue, _ level: Double) -> MetricInterval? {
        guard let x = value.value, let s = se.value else { return nil }
        let z = Normal.quantile(0.5 + level / 2)
        return MetricInterval(low: x - z * s, high: x + z * s, method: .normal)
    }

    static func describe(_ rule: GridAllocationRule, segments: [String]) -> String {
        let within = segments.isEmpty ? "" : " within each \(segments.joined(separator: " × "))"
        func capacity(_ c: GridCapacity) -> String {
            switch c {
            case .fromData(let column): return "k = allocations in \(column)"
            case .declared: return "declared k"
            }
        }
        switch rule {
        case .threshold(let t): return "score ≥ \(t)"
        case .capacity(let c): return "top k by score\(within) (\(capacity(c)))"
        case .proposals(let c, let per): return "top \(per) × k proposed\(within) (\(capacity(c)))"
        }
    }
}
