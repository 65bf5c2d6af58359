import AuditData
import Foundation

/// The allocation audit (`--allocation COL [--need COL] [--per COL]`): per-group means,
/// medians and per-capita amounts with intervals and ratios to the reference group,
/// shortfall against need, and inequality within groups and overall, with its exact
/// between/within decomposition by each attribute.
///
/// Row-level (not sufficient statistics): medians and inequality need the values, so each
/// grouping's rows are gathered by group once. Unweighted intervals are analytic (normal for
/// means, distribution-free order-statistic interval for medians, delta method for ratios);
/// with sample weights, point values are weighted and intervals are left to the bootstrap.
public enum AllocationAnalysis {
    /// The inequality indices reported, in order (names of `metrics.csv`).
    public static let indices: [InequalityIndex] = [
        .gini, .theilT, .theilL, .generalizedEntropy(2), .atkinson(0.5), .atkinson(1), .atkinson(2), .coefficientOfVariation, .palma,
        .quantileShare(lower: 0, upper: 0.4), .quantileShare(lower: 0.9, upper: 1),
    ]
    /// Indices decomposed between and within groups.
    public static let decomposed: [InequalityIndex] = [.theilT, .theilL, .generalizedEntropy(2)]

    /// Optional per-row inputs beyond the allocation: the effort rate (bill over income) for
    /// affordability, and the volume cut by a drought restriction.
    public struct Extras: Sendable {
        public var effortRate: [Double]?
        public var droughtReduction: [Double]?
        /// The bill of each household under a tariff.
        public var bill: [Double]?
        /// The water part of each bill (blocks × prices, before subscription, sanitation and VAT).
        public var waterCharge: [Double]?
        /// A benefit per household (the free cubic metres of a tariff), for its concentration index by `rank_by`.
        public var benefit: (name: String, values: [Double])?
        public init(effortRate: [Double]? = nil, droughtReduction: [Double]? = nil, benefit: (name: String, values: [Double])? = nil) {
            self.effortRate = effortRate
            self.droughtReduction = droughtReduction
            self.benefit = benefit
        }
    }

    /// The affordability threshold: a water bill above 3 % of income (French Senate 2011;
    /// docs/domain.md §5).
    public static let affordabilityThreshold = 0.03

    public static func run(store: ColumnStore, result: AuditResult, quantity: String, values allocation: [Double], extras: Extras = Extras(), threads: Int) -> AllocationResult {
        let spec = result.analysis
        let level = spec.inference.level
        // The water audit's columns as arrays (`NumberColumn.values`: a copy for a coded column,
        // such as a household size; the allocation itself, a volume, is usually dense).
        let need = result.data.allocation?.need.flatMap { store.numbers[$0]?.values }
        let per = result.data.allocation?.per.flatMap { store.numbers[$0]?.values }
        let weight = store.weight
        let all = Array(0..<store.rowCount)
        let totals = DroughtTotals(store: store, persons: per, reduction: extras.droughtReduction)
        let overall = group(label: "all", rows: all, allocation: allocation, need: need, per: per, weight: weight,
                            isReference: false, belowMinSize: false, level: level, method: spec.inference.interval, extras: extras, totals: totals)
        var attributes: [AllocationAttributeResult] = []
        let groupings = Grouping.all(for: store, order: spec.intersections)
        let present = all.filter { !allocation[$0].isNaN }
        let sample = AllocationSample(values: present.map { allocation[$0] }, weights: weight.map { w in present.map { w[$0] } })
        for (a, grouping) in groupings.enumerated() {
            let audit = result.attributes[a]
            var rowsByGroup = [[Int]](repeating: [], count: grouping.groups.count)
            for r in 0..<store.rowCount { rowsByGroup[grouping.code(ofRow: r, in: store)].append(r) }
            var groups: [AllocationGroupResult] = []
            for (c, label) in grouping.groups.enumerated() where !rowsByGroup[c].isEmpty {
                groups.append(group(label: label, rows: rowsByGroup[c], allocation: allocation, need: need, per: per, weight: weight,
                                    isReference: audit.reference.group == c, belowMinSize: rowsByGroup[c].count < spec.minGroupSize, level: level,
                                    method: spec.inference.interval, extras: extras, totals: totals))
            }
            if let refIndex = audit.reference.group, let reference = groups.firstIndex(where: { $0.label == grouping.groups[refIndex] }) {
                groups = withDisparities(groups, reference: reference, level: level, eligibility: spec.ratioEligibility)
            }
            // Exact decomposition of the GE family by this grouping (the sample is sorted once, above).
            let codes = present.map { UInt32(grouping.code(ofRow: $0, in: store)) }
            var decompositions: [MetricEntry] = []
            for index in decomposed {
                if let d = Inequality.decompose(index, sample: sample, groups: codes, groupCount: grouping.groups.count) {
                    decompositions.append(MetricEntry(.between(index), .defined(d.between), n: present.count))
                    decompositions.append(MetricEntry(.within(index), .defined(d.within), n: present.count))
                } else {
                    let reason = "undefined for this allocation (zero or negative values, or a zero mean)"
                    decompositions.append(MetricEntry(.between(index), .undefined(reason: reason), n: present.count))
                    decompositions.append(MetricEntry(.within(index), .undefined(reason: reason), n: present.count))
                }
            }
            attributes.append(AllocationAttributeResult(name: grouping.name, reference: audit.reference.group.map { grouping.groups[$0] },
                                                        groups: groups, decompositions: decompositions))
        }
        let lorenz = Inequality.lorenzCurve(sample, points: 21).map { CurvePoint(p: $0.p, share: $0.share) }
        var concentration: [CurvePoint]?
        var overallMetrics = overall.metrics
        if let rank = result.data.rankBy.flatMap({ store.numbers[$0]?.values }) {
            let usable = present.filter { !rank[$0].isNaN }
            let w = weight.map { w in usable.map { w[$0] } }
            concentration = Inequality.concentrationCurve(values: usable.map { allocation[$0] }, rankBy: usable.map { rank[$0] }, weights: w, points: 21)
                .map { CurvePoint(p: $0.p, share: $0.share) }
            overallMetrics.append(MetricEntry(.concentrationIndex, Inequality.concentrationIndex(values: usable.map { allocation[$0] }, rankBy: usable.map { rank[$0] }, weights: w), n: usable.count))
            if let benefit = extras.benefit {
                let rows = usable.filter { !benefit.values[$0].isNaN }
                overallMetrics.append(MetricEntry(.concentrationIndex(of: benefit.name), Inequality.concentrationIndex(values: rows.map { benefit.values[$0] }, rankBy: rows.map { rank[$0] }, weights: weight.map { w in rows.map { w[$0] } }), n: rows.count))
            }
        }
        var overallResult = AllocationGroupResult(label: overall.label, households: overall.households, isReference: false, belowMinSize: false, metrics: overallMetrics, disparities: [])
        // Bootstrap intervals of the inequality indices: overall, and within each group of the
        // single attributes (intersections keep point values: each group costs a pass over its rows).
        let inference = spec.inference
        if inference.bootstrapReplicates > 0 {
            let method: BootstrapInterval.Method = inference.bootstrapMethod == .bca ? .bca : .percentile
            func withIntervals(_ g: AllocationGroupResult, rows: [Int], stream: UInt64) -> AllocationGroupResult {
                let usable = rows.filter { !allocation[$0].isNaN }
                let sample = AllocationSample(values: usable.map { allocation[$0] }, weights: weight.map { w in usable.map { w[$0] } })
                let engine = InequalityBootstrap(replicates: inference.bootstrapReplicates, seed: inference.seed, stream: stream, threads: threads)
                let intervals = engine.intervals(indices, sample: sample, level: inference.level, method: method)
                let metrics = g.metrics.map { e -> MetricEntry in
                    var e = e
                    if let index = indices.first(where: { $0.name == e.name }), let i = intervals[index], i.low.isFinite, i.high.isFinite {
                        e.bootstrapInterval = MetricInterval(low: i.low, high: i.high, method: method == .bca ? .bootstrapBCa : .bootstrapPercentile)
                    }
                    return e
                }
                return AllocationGroupResult(label: g.label, households: g.households, isReference: g.isReference, belowMinSize: g.belowMinSize, metrics: metrics, disparities: g.disparities)
            }
            // Streams 2⁴⁰ + attribute·2²⁰ + group + 1: disjoint from each other and from the
            // count bootstrap's attribute streams (0, 1, 2, …).
            let base: UInt64 = 1 << 40
            overallResult = withIntervals(overallResult, rows: all, stream: base)
            for (a, grouping) in groupings.enumerated() where !grouping.isIntersection {
                var rowsByGroup = [[Int]](repeating: [], count: grouping.groups.count)
                for r in 0..<store.rowCount { rowsByGroup[grouping.code(ofRow: r, in: store)].append(r) }
                let groups = attributes[a].groups.map { g -> AllocationGroupResult in
                    let c = grouping.groups.firstIndex(of: g.label)!
                    return withIntervals(g, rows: rowsByGroup[c], stream: base + (UInt64(a) << 20) + UInt64(c) + 1)
                }
                attributes[a] = AllocationAttributeResult(name: attributes[a].name, reference: attributes[a].reference, groups: groups, decompositions: attributes[a].decompositions)
            }
        }
        return AllocationResult(quantity: quantity, overall: overallResult, attributes: attributes, lorenz: lorenz, concentration: concentration,
                                missing: store.rowCount - present.count)
    }

    /// One group's allocation metrics.
    /// Population totals the drought shares are taken of.
    struct DroughtTotals {
        let reduction: Double
        let households: Double
        let persons: Double
        init(store: ColumnStore, persons per: [Double]?, reduction: [Double]?) {
            let w = store.weight
            var r = 0.0, h = 0.0, p = 0.0
            if let reduction {
                for i in 0..<store.rowCount where !reduction[i].isNaN {
                    let wi = w?[i] ?? 1
                    r += wi * reduction[i]
                    h += wi
                    p += wi * AllocationAnalysis.persons(per, i)
                }
            }
            self.reduction = r
            self.households = h
            self.persons = p
        }
    }

    static func group(label: String, rows: [Int], allocation: [Double], need: [Double]?, per: [Double]?, weight: [Double]?,
                      isReference: Bool, belowMinSize: Bool, level: Double, method: InferenceSpec.IntervalMethod = .wilson,
                      extras: Extras, totals: DroughtTotals) -> AllocationGroupResult {
        let present = rows.filter { !allocation[$0].isNaN }
        let n = present.count
        let z = Normal.quantile(0.5 + level / 2)
        var metrics: [MetricEntry] = []
        let w = weight.map { w in present.map { w[$0] } }
        let x = present.map { allocation[$0] }
        let totalWeight = w?.reduce(0, +) ?? Double(n)
        // Mean, with a normal interval (unweighted).
        if n == 0 || totalWeight == 0 {
            metrics.append(MetricEntry(.allocationMean, .undefined(reason: "no household with an allocation"), n: n))
        } else {
            let mean = w.map { w in zip(x, w).reduce(0) { $0 + $1.0 * $1.1 } / totalWeight } ?? x.reduce(0, +) / Double(n)
            var interval: MetricInterval?
            if weight == nil, n >= 2 {
                let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
                let half = z * (variance / Double(n)).squareRoot()
                interval = MetricInterval(low: mean - half, high: mean + half, method: .normal)
            }
            metrics.append(MetricEntry(.allocationMean, .defined(mean), n: n, interval: interval))
        }
        metrics.append(median(x, weights: w, level: level))
        metrics.append(perCapita(present, allocation: allocation, per: per, weight: weight, level: level))
        metrics += shortfall(present, allocation: allocation, need: need, weight: weight, level: level, method: method)
        if let bill = extras.bill { metrics.append(mean(.billMean, present, values: bill, weight: weight, level: level)) }
        if let charge = extras.waterCharge { metrics.append(pricePerCubicMetre(present, charge: charge, volume: allocation, weight: weight, level: level)) }
        if let effort = extras.effortRate { metrics += affordability(present, effort: effort, weight: weight, level: level, method: method) }
        if let reduction = extras.droughtReduction {
            metrics += drought(present, reduction: reduction, need: need, per: per, weight: weight, totals: totals, level: level)
        }
        let sample = AllocationSample(values: x, weights: w)
        for index in indices {
            metrics.append(MetricEntry(MetricID(index), Inequality.value(index, of: sample), n: n))
        }
        return AllocationGroupResult(label: label, households: n, isReference: isReference, belowMinSize: belowMinSize, metrics: metrics, disparities: [])
    }

    /// The median (weighted when weighted: the smallest value whose cumulative weight
    /// reaches half) with, unweighted, the distribution-free interval between the order
    /// statistics j and k chosen from Binomial(n, ½) (Conover, *Practical Nonparametric
    /// Statistics*, §3.2).
    static func median(_ x: [Double], weights: [Double]?, level: Double) -> MetricEntry {
        let n = x.count
        guard n > 0 else { return MetricEntry(.allocationMedian, .undefined(reason: "no household with an allocation"), n: 0) }
        let order = x.indices.sorted { x[$0] < x[$1] }
        let sorted = order.map { x[$0] }
        if let weights {
            let total = weights.reduce(0, +)
            guard total > 0 else { return MetricEntry(.allocationMedian, .undefined(reason: "total weight is 0"), n: n) }
            var cumulative = 0.0
            for i in order {
                cumulative += weights[i]
                if cumulative >= total / 2 { return MetricEntry(.allocationMedian, .defined(x[i]), n: n) }
            }
            return MetricEntry(.allocationMedian, .defined(sorted[n - 1]), n: n)
        }
        let median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        // Largest j with P(B ≤ j − 1) ≤ (1 − level)/2 for B ~ Binomial(n, ½); interval
        // [x_(j), x_(n+1−j)]. P(B ≤ k) = I_{1/2}(n − k, k + 1) (regularized incomplete beta),
        // exact at any n, searched by bisection over k.
        var interval: MetricInterval?
        let tail = (1 - level) / 2
        func cdf(_ k: Int) -> Double {
            k >= n ? 1 : SpecialFunctions.regularizedIncompleteBeta(a: Double(n - k), b: Double(k + 1), x: 0.5)
        }
        var j = 0
        if cdf(0) <= tail {
            var lo = 0, hi = n / 2  // cdf(lo) ≤ tail; find the largest such k below n/2
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if cdf(mid) <= tail { lo = mid } else { hi = mid - 1 }
            }
            j = lo + 1
        }
        if j >= 1, j <= n - j + 1 { interval = MetricInterval(low: sorted[j - 1], high: sorted[n - j], method: .orderStatistics) }
        return MetricEntry(.allocationMedian, .defined(median), n: n, interval: interval)
    }

    /// Σ allocation / Σ persons (weighted sums when weighted), with a delta-method interval
    /// for the ratio estimator when unweighted: var(R) ≈ Σ (a_i − R·p_i)² / (n (n − 1) p̄²).
    static func perCapita(_ rows: [Int], allocation: [Double], per: [Double]?, weight: [Double]?, level: Double) -> MetricEntry {
        guard let per else {
            return MetricEntry(.allocationPerCapita, .undefined(reason: "no household-size column (allocation.per)"), n: rows.count)
        }
        let usable = rows.filter { !per[$0].isNaN }
        var a = 0.0, p = 0.0
        for r in usable {
            let w = weight?[r] ?? 1
            a += w * allocation[r]
            p += w * per[r]
        }
        guard p > 0 else { return MetricEntry(.allocationPerCapita, .undefined(reason: "no person counted"), n: usable.count) }
        let ratio = a / p
        var interval: MetricInterval?
        let n = usable.count
        if weight == nil, n >= 2 {
            let meanPersons = p / Double(n)
            let s = usable.reduce(0.0) { $0 + pow(allocation[$1] - ratio * per[$1], 2) } / Double(n - 1)
            let half = Normal.quantile(0.5 + level / 2) * (s / Double(n)).squareRoot() / meanPersons
            interval = MetricInterval(low: ratio - half, high: ratio + half, method: .normal)
        }
        return MetricEntry(.allocationPerCapita, .defined(ratio), n: n, interval: interval)
    }

    /// The share of households below their need (Wilson interval on Kish counts) and the
    /// mean shortfall max(0, need − allocation) over households with a need.
    /// A proportion's interval by the audit's method (Wilson or Clopper–Pearson).
    static func proportionInterval(_ x: Double, _ n: Double, method: InferenceSpec.IntervalMethod, level: Double) -> MetricInterval? {
        switch method {
        case .wilson: return MetricInterval(ProportionInterval.wilson(successes: x, trials: n, level: level), .wilson)
        case .exact: return MetricInterval(ProportionInterval.clopperPearson(successes: x, trials: n, level: level), .clopperPearson)
        }
    }

    static func shortfall(_ rows: [Int], allocation: [Double], need: [Double]?, weight: [Double]?, level: Double, method: InferenceSpec.IntervalMethod) -> [MetricEntry] {
        guard let need else {
            let reason = "no need column (allocation.need)"
            return [MetricEntry(.shortfallShare, .undefined(reason: reason), n: rows.count), MetricEntry(.shortfallMean, .undefined(reason: reason), n: rows.count)]
        }
        let usable = rows.filter { !need[$0].isNaN }
        var below = 0.0, total = 0.0, squares = 0.0, gap = 0.0
        for r in usable {
            let w = weight?[r] ?? 1
            total += w
            squares += w * w
            if allocation[r] < need[r] { below += w; gap += w * (need[r] - allocation[r]) }
        }
        guard total > 0 else {
            let reason = "no household with a need"
            return [MetricEntry(.shortfallShare, .undefined(reason: reason), n: 0), MetricEntry(.shortfallMean, .undefined(reason: reason), n: 0)]
        }
        let trials = total * total / squares
        let share = below / total
        let interval = proportionInterval(share * trials, trials, method: method, level: level)
        var entry = MetricEntry(.shortfallShare, .defined(share), n: usable.count, interval: interval)
        entry.effectiveTrials = trials
        return [entry, MetricEntry(.shortfallMean, .defined(gap / total), n: usable.count)]
    }

    /// The (weighted) mean of `values` over the rows where it is defined, with a normal
    /// interval when unweighted.
    static func mean(_ name: MetricID, _ rows: [Int], values: [Double], weight: [Double]?, level: Double) -> MetricEntry {
        let usable = rows.filter { !values[$0].isNaN }
        var total = 0.0, sum = 0.0
        for r in usable {
            let w = weight?[r] ?? 1
            total += w
            sum += w * values[r]
        }
        guard total > 0 else { return MetricEntry(name, .undefined(reason: "no household with a value"), n: 0) }
        let mean = sum / total
        var interval: MetricInterval?
        if weight == nil, usable.count >= 2 {
            let variance = usable.reduce(0) { $0 + (values[$1] - mean) * (values[$1] - mean) } / Double(usable.count - 1)
            let half = Normal.quantile(0.5 + level / 2) * (variance / Double(usable.count)).squareRoot()
            interval = MetricInterval(low: mean - half, high: mean + half, method: .normal)
        }
        return MetricEntry(name, .defined(mean), n: usable.count, interval: interval)
    }

    /// The persons of household `r` as the drought rule counts them: the household size
    /// rounded, 1 when missing (`AllocationPipeline`).
    static func persons(_ per: [Double]?, _ r: Int) -> Double {
        guard let value = per?[r], value.isFinite else { return 1 }
        return value.rounded()
    }

    /// The average water price paid per m³: Σ w·(water charge) / Σ w·volume over the group
    /// (before subscription, sanitation and VAT): what a group pays for each cubic metre under
    /// the block grid, the free band included. Unweighted, with the delta-method interval of a
    /// ratio estimator R = Σc/Σv (Cochran, *Sampling Techniques*, 3rd ed., §6.4):
    /// var(R) ≈ Σ (c_i − R·v_i)² / (n (n − 1) v̄²), as ``perCapita``.
    static func pricePerCubicMetre(_ rows: [Int], charge: [Double], volume: [Double], weight: [Double]?, level: Double) -> MetricEntry {
        let usable = rows.filter { !charge[$0].isNaN && !volume[$0].isNaN }
        var paid = 0.0, used = 0.0
        for r in usable {
            let w = weight?[r] ?? 1
            paid += w * charge[r]
            used += w * volume[r]
        }
        let value = MetricValue.ratio(paid, used, reason: "no volume used")
        var interval: MetricInterval?
        let n = usable.count
        if weight == nil, n >= 2, let ratio = value.value, used > 0 {
            let meanVolume = used / Double(n)
            let s = usable.reduce(0.0) { $0 + pow(charge[$1] - ratio * volume[$1], 2) } / Double(n - 1)
            let half = Normal.quantile(0.5 + level / 2) * (s / Double(n)).squareRoot() / meanVolume
            interval = MetricInterval(low: ratio - half, high: ratio + half, method: .normal)
        }
        return MetricEntry(.waterPricePerM3, value, n: n, interval: interval)
    }

    /// Affordability: the mean effort rate (bill over income) and the share of households
    /// above 3 % of income (Wilson interval on Kish counts), over households with an income.
    static func affordability(_ rows: [Int], effort: [Double], weight: [Double]?, level: Double, method: InferenceSpec.IntervalMethod) -> [MetricEntry] {
        let usable = rows.filter { !effort[$0].isNaN }
        var total = 0.0, squares = 0.0, above = 0.0, sum = 0.0
        for r in usable {
            let w = weight?[r] ?? 1
            total += w
            squares += w * w
            sum += w * effort[r]
            if effort[r] > affordabilityThreshold { above += w }
        }
        guard total > 0 else {
            let reason = "no household with a positive income"
            return [MetricEntry(.effortRateMean, .undefined(reason: reason), n: 0), MetricEntry(.effortAbove3pctShare, .undefined(reason: reason), n: 0)]
        }
        let trials = total * total / squares
        let share = above / total
        var entry = MetricEntry(.effortAbove3pctShare, .defined(share), n: usable.count,
                                interval: proportionInterval(share * trials, trials, method: method, level: level))
        entry.effectiveTrials = trials
        return [MetricEntry(.effortRateMean, .defined(sum / total), n: usable.count), entry]
    }

    /// Who bears a drought restriction: the group's share of the total volume cut, next to its
    /// share of households and of persons; the cut per person (m³/person/year); and the cut
    /// relative to the group's essential need (Σ cut / Σ need).
    static func drought(_ rows: [Int], reduction: [Double], need: [Double]?, per: [Double]?, weight: [Double]?, totals: DroughtTotals, level: Double) -> [MetricEntry] {
        var cut = 0.0, households = 0.0, persons = 0.0, needed = 0.0
        let usable = rows.filter { !reduction[$0].isNaN }
        for r in usable {
            let w = weight?[r] ?? 1
            cut += w * reduction[r]
            households += w
            persons += w * Self.persons(per, r)
        }
        // The cut relative to need, over the households that declare a need only.
        var cutWithNeed = 0.0
        if let need {
            for r in usable where !need[r].isNaN {
                let w = weight?[r] ?? 1
                cutWithNeed += w * reduction[r]
                needed += w * need[r]
            }
        }
        let n = usable.count
        // The cut per person, a ratio estimator Σcut/Σpersons: unweighted, the delta-method
        // interval Σ(cut − R·p)² / (n (n − 1) p̄²), as ``perCapita``.
        let perPerson = MetricValue.ratio(cut, persons, reason: "no person counted")
        var perPersonInterval: MetricInterval?
        if weight == nil, n >= 2, let ratio = perPerson.value, persons > 0 {
            let s = usable.reduce(0.0) { $0 + pow(reduction[$1] - ratio * Self.persons(per, $1), 2) } / Double(n - 1)
            let half = Normal.quantile(0.5 + level / 2) * (s / Double(n)).squareRoot() / (persons / Double(n))
            perPersonInterval = MetricInterval(low: ratio - half, high: ratio + half, method: .normal)
        }
        return [
            MetricEntry(.droughtReductionShare, .ratio(cut, totals.reduction, reason: "no volume is cut"), n: n),
            MetricEntry(.droughtHouseholdShare, .ratio(households, totals.households, reason: "no household"), n: n),
            MetricEntry(.droughtPersonShare, .ratio(persons, totals.persons, reason: "no person"), n: n),
            MetricEntry(.droughtReductionPerPerson, perPerson, n: n, interval: perPersonInterval),
            MetricEntry(.droughtReductionPerNeed, need == nil ? .undefined(reason: "no need column (allocation.need)") : .ratio(cutWithNeed, needed, reason: "no need declared"), n: n),
        ]
    }

    /// Each group's comparison with the reference group (the audit's), metric by metric through
    /// one `GroupFrame` of that metric over the attribute's groups
    /// (``GroupFrame/comparison(of:with:level:)``): ratios of means, medians and per-capita
    /// amounts (`MetricID.allocationRatioMeans`), the difference and the ratio of the compared
    /// shares (`MetricID.allocationComparedShares`) and of the shortfall share. Intervals
    /// (``GroupEstimate``): for means and per-person amounts, exp(ln r ± z·SE) with
    /// var(ln r) = s₁²/m₁² + s₂²/m₂² (each s from the group's normal interval) and the normal
    /// interval of their difference; for shares of households, Newcombe's and Katz's on Kish
    /// effective counts — the intervals the allocation findings give (``AllocationFindings``).
    /// A median (order-statistics interval) and the reference itself get none.
    static func withDisparities(_ groups: [AllocationGroupResult], reference: Int, level: Double, eligibility: RatioEligibility) -> [AllocationGroupResult] {
        var disparities = [[MetricEntry]](repeating: [], count: groups.count)
        func compare(_ name: MetricID, estimate: (MetricEntry) -> GroupEstimate, difference: Bool) {
            guard groups[reference][name] != nil else { return }
            let entries = groups.map { $0[name] }
            let frame = GroupFrame(labels: groups.map(\.label), values: entries.map { $0?.value ?? .undefined(reason: "not measured") },
                                   sizes: groups.map(\.households), isMissing: groups.map { _ in false }, eligibility: eligibility,
                                   estimates: entries.map { $0.map(estimate) ?? .unavailable })
            for g in groups.indices {
                guard let mine = entries[g] else { continue }
                let c = frame.comparison(of: g, with: reference, level: level)
                if difference { disparities[g].append(MetricEntry(name.difference, c.difference, n: mine.n, interval: c.differenceInterval)) }
                disparities[g].append(MetricEntry(name.ratio, c.ratio, n: mine.n, interval: c.ratioInterval))
            }
        }
        let mean = { (e: MetricEntry) in GroupEstimate.normalMean(e, level: level) }
        for name in MetricID.allocationRatioMeans { compare(name, estimate: mean, difference: false) }
        for name in MetricID.allocationComparedShares {
            compare(name, estimate: name == .droughtReductionPerPerson ? mean : GroupEstimate.share, difference: true)
        }
        compare(.shortfallShare, estimate: GroupEstimate.share, difference: true)
        return groups.indices.map { g in
            AllocationGroupResult(label: groups[g].label, households: groups[g].households, isReference: groups[g].isReference,
                                  belowMinSize: groups[g].belowMinSize, metrics: groups[g].metrics, disparities: disparities[g])
        }
    }
}
