import AuditData
import Dispatch
import Foundation

/// Bootstrap intervals for every count-based value of the central table (`--bootstrap B`).
///
/// For each attribute and intersection, the table of its groups' confusion counts is
/// resampled `B` times by `StratifiedCountBootstrap` (group sizes fixed; stream = the
/// attribute's index, so attributes are independent and each is reproducible on its own).
/// On every replicate the same pure functions as the point estimate give each group's rates,
/// their differences and ratios against the same reference group, the impact ratios and the
/// attribute's aggregates; the whole population of a replicate is the sum of its groups.
/// Percentile or BCa intervals (acceleration by the cell-grouped jackknife) follow.
///
/// Not bootstrapped: `count` and `share` (fixed by stratification), the confusion counts
/// themselves, `score_mean` (a row-level statistic: the count bootstrap does not resample
/// scores), and weighted audits (rejected by the spec until a row-level bootstrap exists).
enum BootstrapAnalysis {
    /// One value of the table, located so that it can be recomputed on a replicate.
    enum Key: Hashable {
        case metric(group: Int, GroupMetric)
        case disparity(group: Int, MetricID)
        case impactRatio(group: Int)
        case aggregate(MetricID)
    }

    /// Runs the bootstrap and attaches its intervals to `result`. Unweighted, it resamples the
    /// count tables only (so merged statistics give the pooled audit's intervals, `vigie
    /// merge`); weighted, it resamples rows, which only `store` has (without it, none).
    static func attach(to result: inout AuditResult, statistics: AuditStatistics, store: ColumnStore?, threads: Int) {
        let inference = result.analysis.inference
        guard inference.bootstrapReplicates > 0 else { return }
        if result.weighted {
            guard let store else { return }
            attachRowLevel(to: &result, statistics: statistics, store: store, threads: threads)
            return
        }
        for (a, grouping) in statistics.groupings.enumerated() {
            let attribute = result.attributes[a]
            let keys = keysToBootstrap(attribute)
            guard !keys.isEmpty else { continue }
            let table = statistics.groups[a].map(\.rows)
            let evaluate = Evaluator(result: result, grouping: grouping, referenceGroup: attribute.reference.group, keys: keys)
            let engine = StratifiedCountBootstrap(replicates: inference.bootstrapReplicates, seed: inference.seed, stream: UInt64(a), threads: threads)
            let values = replicateValues(engine: engine, table: table, evaluate: evaluate)
            let estimates = evaluate(table)
            let accelerations = inference.bootstrapMethod == .bca ? jackknifeAccelerations(table: table, estimates: estimates, evaluate: evaluate) : []
            var intervals: [Key: MetricInterval] = [:]
            for (k, key) in keys.enumerated() {
                let interval: BootstrapInterval?
                switch inference.bootstrapMethod {
                case .percentile:
                    interval = BootstrapIntervals.percentile(values[k], level: inference.level)
                case .bca:
                    if let estimate = estimates[k], let acceleration = accelerations[k] {
                        interval = BootstrapIntervals.bca(values[k], estimate: estimate, acceleration: acceleration, level: inference.level)
                    } else {
                        interval = nil
                    }
                }
                if let interval, interval.low.isFinite, interval.high.isFinite {
                    intervals[key] = MetricInterval(low: interval.low, high: interval.high, method: interval.method == .bca ? .bootstrapBCa : .bootstrapPercentile)
                }
            }
            result.attributes[a] = attribute.withBootstrapIntervals(intervals)
        }
        result.bootstrapReplicates = inference.bootstrapReplicates
    }

    /// The bootstrap of weighted audits: rows are resampled with independent Poisson(1)
    /// multipliers (the "Poisson bootstrap"; drawn per replicate and block of 65,536 rows from
    /// `BootstrapRandom(seed:stream: 2⁴⁸ + block, replicate:)`, so thread-independent), each
    /// row's weight is multiplied by its draw, and the sufficient statistics of every grouping
    /// are recomputed in one pass per replicate; the keyed values follow as on the point
    /// estimate, `score_mean` included. A pass over the rows per replicate: 1,000 replicates
    /// cost about 1,000 statistics passes. Percentile intervals only (a row-level jackknife for
    /// BCa would cost a pass per row); the method is recorded as `bootstrap_percentile`.
    static func attachRowLevel(to result: inout AuditResult, statistics: AuditStatistics, store: ColumnStore, threads: Int) {
        let inference = result.analysis.inference
        let groupings = statistics.groupings
        var keyLists: [[Key]] = []
        var evaluatorList: [Evaluator] = []
        for (a, grouping) in groupings.enumerated() {
            let attribute = result.attributes[a]
            let k = keysToBootstrap(attribute, includeScores: true)
            keyLists.append(k)
            evaluatorList.append(Evaluator(result: result, grouping: grouping, referenceGroup: attribute.reference.group, keys: k))
        }
        let b = inference.bootstrapReplicates
        let keys = keyLists, evaluators = evaluatorList
        let offsets = keys.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        let total = offsets.last!
        guard total > 0 else { return }
        let buffer = UnsafeMutableBufferPointer<Double?>.allocate(capacity: total * b)
        buffer.initialize(repeating: nil)
        defer { buffer.deallocate() }
        nonisolated(unsafe) let slots = buffer
        let weights = store.weight ?? Array(repeating: 1, count: store.rowCount)
        let workers = max(1, min(b, threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount))
        let work: @Sendable (Range<Int>) -> Void = { range in
            for r in range {
                var w = weights
                for blockStart in stride(from: 0, to: store.rowCount, by: AuditStatistics.blockSize) {
                    var random = BootstrapRandom(seed: inference.seed, stream: (1 << 48) + UInt64(blockStart / AuditStatistics.blockSize), replicate: UInt64(r))
                    for i in blockStart..<min(blockStart + AuditStatistics.blockSize, store.rowCount) {
                        w[i] *= Double(PoissonOneSampler.sample(using: &random))
                    }
                }
                let replicate = AuditStatistics(store: store.withWeights(w), groupings: groupings, threads: 1)
                for a in groupings.indices where !keys[a].isEmpty {
                    let values = evaluators[a].values(replicate.groups[a])
                    for k in 0..<keys[a].count { slots[(offsets[a] + k) * b + r] = values[k] }
                }
            }
        }
        if workers == 1 {
            work(0..<b)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { w in work((w * b / workers)..<((w + 1) * b / workers)) }
        }
        for a in groupings.indices where !keys[a].isEmpty {
            var intervals: [Key: MetricInterval] = [:]
            for (k, key) in keys[a].enumerated() {
                let values = Array(slots[((offsets[a] + k) * b)..<((offsets[a] + k + 1) * b)])
                if let i = BootstrapIntervals.percentile(values, level: inference.level), i.low.isFinite, i.high.isFinite {
                    intervals[key] = MetricInterval(low: i.low, high: i.high, method: .bootstrapPercentile)
                }
            }
            result.attributes[a] = result.attributes[a].withBootstrapIntervals(intervals)
        }
        result.bootstrapReplicates = b
    }

    /// The defined, non-constant values of an attribute: rates, disparities, impact ratios, aggregates.
    static func keysToBootstrap(_ attribute: AttributeResult, includeScores: Bool = false) -> [Key] {
        var keys: [Key] = []
        for (c, group) in attribute.groups.enumerated() where group.statistics.count > 0 {
            for entry in group.metrics where entry.value.value != nil {
                guard let metric = entry.id.rate, entry.id.comparison == nil, GroupMetric.rates.contains(metric), includeScores || metric != .scoreMean else { continue }
                keys.append(.metric(group: c, metric))
            }
            if !group.isReference {
                for entry in group.disparities where entry.value.value != nil && (includeScores || entry.id.rate != .scoreMean) {
                    keys.append(.disparity(group: c, entry.id))
                }
            }
            if group.impactRatio?.value != nil { keys.append(.impactRatio(group: c)) }
        }
        for entry in attribute.aggregates where entry.value.value != nil { keys.append(.aggregate(entry.id)) }
        return keys
    }

    /// Recomputes the keyed values on a table of group counts.
    struct Evaluator: Sendable {
        let context: Audit.Context
        let grouping: Grouping
        let referenceGroup: Int?
        let keys: [Key]
        let spec: AnalysisSpec
        let hasScore: Bool
        /// The groups eligible on the full sample (kept on every replicate and leave-one-out table).
        let eligible: [Int]
        /// Each group's mandated priorities and stratum reference (`GroupResult`).
        let priorities: [Set<String>]
        let stratumReferences: [Int?]

        init(result: AuditResult, grouping: Grouping, referenceGroup: Int?, keys: [Key]) {
            self.spec = result.analysis
            self.hasScore = result.hasScore
            self.context = Audit.Context(spec: result.analysis, hasScore: result.hasScore, population: .zero, hasLabel: result.hasLabel, hasDecision: result.hasDecision)
            let index = result.attributes.firstIndex { $0.name == grouping.name }!
            self.eligible = self.context.impactFrame(grouping: grouping, statistics: result.attributes[index].groups.map(\.statistics), priorities: nil)
                .eligibleGroups(requireDefinedValue: false)
            self.priorities = result.attributes[index].groups.map(\.priorities)
            self.stratumReferences = result.attributes[index].groups.map(\.stratumReference)
            self.grouping = grouping
            self.referenceGroup = referenceGroup
            self.keys = keys
        }

        func callAsFunction(_ table: [SIMD4<Int>]) -> [Double?] {
            values(table.map { cells -> GroupStatistics in
                let w = SIMD4<Double>(cells)
                return GroupStatistics(rows: cells, weights: w, weightSquares: w)
            })
        }

        /// The keyed values on a table of group statistics (weighted ones for the row bootstrap).
        func values(_ groups: [GroupStatistics]) -> [Double?] {
            let population = groups.reduce(GroupStatistics.zero, +)
            var context = Audit.Context(spec: spec, hasScore: hasScore, population: population, hasLabel: self.context.hasLabel, hasDecision: self.context.hasDecision)
            context.fixedEligible = eligible
            let reference = referenceGroup.map { groups[$0] } ?? population
            var aggregates: [MetricID: Double]?
            var impactRatios: [MetricValue?]?
            var frame: GroupFrame?
            func impactFrame() -> GroupFrame {
                if let frame { return frame }
                let made = context.impactFrame(grouping: grouping, statistics: groups, priorities: priorities)
                frame = made
                return made
            }
            return keys.map { key -> Double? in
                switch key {
                case .metric(let g, let metric):
                    return groups[g].metric(metric, population: population).value
                case .disparity(let g, let id):
                    return Self.disparity(id, groups[g], stratumReferences[g].map { groups[$0] } ?? reference, population)
                case .impactRatio(let g):
                    if impactRatios == nil { impactRatios = context.impactRatios(impactFrame()) }
                    return impactRatios![g]?.value
                case .aggregate(let id):
                    if aggregates == nil {
                        aggregates = [:]
                        for e in context.aggregates(groups, frame: impactFrame(), overall: population) {
                            if let v = e.value.value { aggregates![e.id] = v }
                        }
                    }
                    return aggregates![id]
                }
            }
        }

        /// A rate's difference or ratio to the reference (``MetricID/comparison`` of a
        /// ``MetricID/rate``), or one of AIF360's named disparities, from the typed identifier.
        static func disparity(_ id: MetricID, _ g: GroupStatistics, _ r: GroupStatistics, _ population: GroupStatistics) -> Double? {
            func rate(_ m: GroupMetric, _ s: GroupStatistics) -> MetricValue { s.metric(m, population: population) }
            if let m = id.rate, let comparison = id.comparison {
                switch comparison {
                case .difference: return Disparity.difference(rate(m, g), rate(m, r)).value
                case .ratio: return Disparity.ratio(rate(m, g), rate(m, r)).value
                }
            }
            switch id {
            case .statisticalParityDifference: return Disparity.difference(rate(.selectionRate, g), rate(.selectionRate, r)).value
            case .disparateImpact: return Disparity.ratio(rate(.selectionRate, g), rate(.selectionRate, r)).value
            case .equalOpportunityDifference: return Disparity.difference(rate(.tpr, g), rate(.tpr, r)).value
            case .averageOddsDifference, .averageAbsOddsDifference:
                let dFPR = Disparity.difference(rate(.fpr, g), rate(.fpr, r))
                let dTPR = Disparity.difference(rate(.tpr, g), rate(.tpr, r))
                return Disparity.mean(dFPR, dTPR, absolute: id == .averageAbsOddsDifference).value
            default: return nil
            }
        }
    }

    /// `values[key][replicate]`, computed in parallel; replicate r always uses its own stream.
    static func replicateValues(engine: StratifiedCountBootstrap, table: [SIMD4<Int>], evaluate: Evaluator) -> [[Double?]] {
        let b = engine.replicates, k = evaluate.keys.count
        let buffer = UnsafeMutableBufferPointer<Double?>.allocate(capacity: b * k)
        buffer.initialize(repeating: nil)
        defer { buffer.deallocate() }
        nonisolated(unsafe) let slots = buffer
        let workers = max(1, min(b, engine.threads > 0 ? engine.threads : ProcessInfo.processInfo.activeProcessorCount))
        let work: @Sendable (Range<Int>) -> Void = { range in
            for r in range {
                let values = evaluate(engine.resample(groups: table, replicate: r))
                for i in 0..<k { slots[i * b + r] = values[i] }
            }
        }
        if workers == 1 {
            work(0..<b)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { w in work((w * b / workers)..<((w + 1) * b / workers)) }
        }
        return (0..<k).map { i in Array(slots[(i * b)..<((i + 1) * b)]) }
    }

    /// BCa accelerations of every key by the cell-grouped jackknife
    /// (`StratifiedCountBootstrap.acceleration`, for all keys at once).
    static func jackknifeAccelerations(table: [SIMD4<Int>], estimates: [Double?], evaluate: Evaluator) -> [Double?] {
        var leaveOneOut: [[Double?]] = []
        var multiplicity: [Double] = []
        var t = table
        for g in table.indices {
            for c in 0..<4 where table[g][c] > 0 {
                t[g][c] -= 1
                leaveOneOut.append(evaluate(t))
                t[g][c] += 1
                multiplicity.append(Double(table[g][c]))
            }
        }
        return estimates.indices.map { k in
            guard let estimate = estimates[k] else { return nil }
            var deltas: [Double] = []
            for row in leaveOneOut {
                guard let v = row[k], v.isFinite else { return nil }
                deltas.append(v - estimate)
            }
            return StratifiedCountBootstrap.acceleration(deltas: deltas, multiplicities: multiplicity)
        }
    }
}

extension AttributeResult {
    /// The same attribute with bootstrap intervals attached to the keyed entries.
    func withBootstrapIntervals(_ intervals: [BootstrapAnalysis.Key: MetricInterval]) -> AttributeResult {
        let groups = self.groups.enumerated().map { c, g -> GroupResult in
            let metrics = g.metrics.map { e -> MetricEntry in
                var e = e
                if let m = e.id.rate, e.id.comparison == nil { e.bootstrapInterval = intervals[.metric(group: c, m)] }
                return e
            }
            let disparities = g.disparities.map { e -> MetricEntry in
                var e = e
                e.bootstrapInterval = intervals[.disparity(group: c, e.id)]
                return e
            }
            var result = g
            result.metrics = metrics
            result.disparities = disparities
            result.impactRatioBootstrapInterval = intervals[.impactRatio(group: c)]
            return result
        }
        let aggregates = self.aggregates.map { e -> MetricEntry in
            var e = e
            e.bootstrapInterval = intervals[.aggregate(e.id)]
            return e
        }
        return AttributeResult(name: name, components: components, reference: reference, groups: groups, aggregates: aggregates, cutPoints: cutPoints, binning: binning)
    }
}
