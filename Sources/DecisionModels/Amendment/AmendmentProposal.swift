import AuditData
import AuditMetrics
import LinearAlgebra

/// One proposed grid, re-evaluated in full (``make(candidate:evaluator:space:targets:level:)``):
/// its weights, what it changes, its target metrics with intervals, and who gains and loses
/// per group — from its own exact scores and the full allocation (``GridAllocation``, every
/// rank), not from the search's partial selection.
public struct AmendmentProposal: Sendable {
    /// One criterion's change: its features' points before and after.
    public struct Change: Sendable, Equatable {
        public let criterion: String
        /// The feature (level, band) when the criterion has several, else `nil`.
        public let feature: String?
        public let before: Double
        public let after: Double
        /// `|after − before| · u_f`: the most points an applicant gains or loses by it
        /// (``AmendmentSpace/reach``).
        public let pointsChange: Double
    }

    /// A moved band edge (`--allow band-edges`): every bound of `criterion` equal to `before` is `after`.
    public struct EdgeChange: Sendable, Equatable {
        public let criterion: String
        public let before: Double
        public let after: Double

        public init(criterion: String, before: Double, after: Double) {
            self.criterion = criterion
            self.before = before
            self.after = after
        }
    }

    /// One group: its size, selected before and after, gainers and losers.
    public struct GroupRow: Sendable, Equatable {
        public let group: String
        public let count: Int
        public let selectedBefore: Int
        public let selectedAfter: Int
        public let gainers: Int
        public let losers: Int
        public let meanScoreBefore: Double?
        public let meanScoreAfter: Double?
    }

    public let candidate: AmendmentCandidate
    /// Points of every feature (design order).
    public let weights: [Double]
    public let changes: [Change]
    /// The band edge it moves, if any.
    public let edgeChange: EdgeChange?
    /// Per target: the metric, its interval (Katz for an impact ratio, Welch for a score gap)
    /// at the given level, `nil` when undefined.
    public let targetValues: [(value: Double?, interval: (low: Double, high: Double)?)]
    /// `|S Δ S_0| / n`.
    public let changedShare: Double
    /// `Σ_f |w'_f − w_f|`, points.
    public let totalChange: Double
    /// Kendall's τ between the baseline's and this grid's overall orders (score, then tie-break).
    public let kendallTau: Double?
    public let groups: [GroupRow]

    /// Builds the proposal of `candidate`.
    /// With a moved band edge, `evaluator` is the moved grid's and `baselineDesign` the
    /// baseline grid's (same applicants, same capacities and tie-break).
    public static func make(candidate: AmendmentCandidate, evaluator: AmendmentEvaluator, space: AmendmentSpace,
                            targets: [AmendmentTarget], level: Double = 0.95, baselineDesign: GridDesign? = nil,
                            edgeChange: EdgeChange? = nil) throws -> AmendmentProposal {
        let design = evaluator.design, n = design.rows
        let weights = space.weights(candidate.steps)
        let before: [Double], after: [Double]
        if let baselineDesign {
            before = try baselineDesign.scores(weights: Matrix(rows: weights.count, columns: 1, columnMajor: baselineDesign.weights)).storage
            after = try design.scores(weights: Matrix(rows: weights.count, columns: 1, columnMajor: weights)).storage
        } else {
            let scored = try design.scores(weights: Matrix(rows: weights.count, columns: 2, columnMajor: design.weights + weights))
            before = Array(scored.storage[0..<n])
            after = Array(scored.storage[n..<(2 * n)])
        }
        let both = try Matrix(rows: n, columns: 2, columnMajor: before + after)
        let allocation = try GridAllocation.allocate(scores: both, design: design)
        let groups = evaluator.groups
        let k = groups.labels.count
        var rows = (0..<k).map { _ in (selB: 0, selA: 0, gain: 0, lose: 0, sumB: 0.0, sumA: 0.0, sqA: 0.0) }
        for i in 0..<n {
            let g = Int(groups.codes[i])
            guard g >= 0 else { continue }
            let b = allocation.isSelected(i, grid: 0), a = allocation.isSelected(i, grid: 1)
            if b { rows[g].selB += 1 }
            if a { rows[g].selA += 1 }
            if a && !b { rows[g].gain += 1 }
            if b && !a { rows[g].lose += 1 }
            rows[g].sumB += before[i]
            rows[g].sumA += after[i]
            rows[g].sqA += after[i] * after[i]
        }
        let table = (0..<k).map { g in
            GroupRow(group: groups.labels[g], count: groups.counts[g], selectedBefore: rows[g].selB, selectedAfter: rows[g].selA,
                     gainers: rows[g].gain, losers: rows[g].lose,
                     meanScoreBefore: groups.counts[g] > 0 ? rows[g].sumB / Double(groups.counts[g]) : nil,
                     meanScoreAfter: groups.counts[g] > 0 ? rows[g].sumA / Double(groups.counts[g]) : nil)
        }
        var changed = 0
        for i in 0..<n where allocation.isSelected(i, grid: 0) != allocation.isSelected(i, grid: 1) { changed += 1 }
        // The full allocation must agree with the search's partial selection.
        guard changed == candidate.measure.changed, table.map(\.selectedAfter) == candidate.measure.selected else {
            throw SpecError(key: "amend", problem: .sentence(.amendCheckSelection, arguments: [:]))
        }
        let m = candidate.measure
        let values = targets.map { t -> (Double?, (Double, Double)?) in
            switch t {
            case .impactRatioAtLeast:
                guard let w = m.worstGroup, let b = m.bestGroup else { return (nil, nil) }
                let ci = RatioInterval.katzOrAdjusted(successes1: Double(m.selected[w]), trials1: Double(groups.counts[w]),
                                                      successes2: Double(m.selected[b]), trials2: Double(groups.counts[b]), level: level)
                return (m.minImpactRatio, ci.map { ($0.low, $0.high) })
            case .topKShareRatioAtLeast:
                guard let g = m.topKGroup else { return (nil, nil) }
                let r = groups.reference
                let ci = RatioInterval.katzOrAdjusted(successes1: Double(m.selected[g]), trials1: Double(groups.counts[g]),
                                                      successes2: Double(m.selected[r]), trials2: Double(groups.counts[r]), level: level)
                return (m.minTopKShareRatio, ci.map { ($0.low, $0.high) })
            case .exposureRatioAtLeast:
                // No interval: positions are not independent draws (an applicant's position
                // depends on every other score), and no standard interval applies.
                return (m.minExposureRatio, nil)
            case .scoreGapAtMost:
                guard let g = m.gapGroup, let gap = m.maxAbsScoreGap else { return (nil, nil) }
                let r = groups.reference
                return (gap, welch(rows[g].sumA, rows[g].sqA, groups.counts[g], rows[r].sumA, rows[r].sqA, groups.counts[r], level: level))
            }
        }
        let newOrder = KendallTau.order(scores: after, tieRank: design.tieRank)
        let tau = KendallTau.tau(first: KendallTau.order(scores: before, tieRank: design.tieRank), second: newOrder)
        // The search's exposure (radix sort of exact scores) must agree with the full order's.
        if let searched = m.minExposureRatio {
            var sums = [Double](repeating: 0, count: k)
            var position = 0
            for i in newOrder where groups.codes[i] >= 0 {
                position += 1
                sums[Int(groups.codes[i])] += RankedApplicants.exposure(atPosition: position)
            }
            let full = AmendmentMeasure.make(groups: groups, scoreSums: [Double](repeating: 0, count: k), selected: m.selected,
                                             selectedTotal: m.selectedTotal, changed: m.changed, exposureSums: sums)
            guard let x = full.minExposureRatio, abs(x - searched) <= 1e-9 * max(1, abs(x)) else {
                throw SpecError(key: "amend", problem: .sentence(.amendCheckExposure, arguments: [:]))
            }
        }
        var changes: [Change] = []
        for (f, w) in weights.enumerated() where w != design.weights[f] {
            let c = design.featureCriterion[f]
            let several = design.featureCriterion.filter { $0 == c }.count > 1
            let label: String? = several ? describe(design.featureDefinitions[f].definition) : nil
            changes.append(Change(criterion: design.grid.criteria[c].name, feature: label, before: design.weights[f], after: w,
                                  pointsChange: abs(w - design.weights[f]) * space.reach[f]))
        }
        return AmendmentProposal(candidate: candidate, weights: weights, changes: changes, edgeChange: edgeChange,
                                 targetValues: values.map { ($0.0, $0.1.map { (low: $0.0, high: $0.1) }) },
                                 changedShare: Double(changed) / Double(max(n, 1)), totalChange: candidate.totalChange,
                                 kendallTau: tau, groups: table)
    }

    /// Welch's interval of `|mean_1 − mean_2|` (Welch 1947), from the interval `[lo, hi]` of the
    /// signed difference: `[|hi|, |lo|]` reflected when both are negative, `[0, max(−lo, hi)]` when
    /// it contains 0; `nil` with fewer than two rows a side.
    static func welch(_ s1: Double, _ q1: Double, _ n1: Int, _ s2: Double, _ q2: Double, _ n2: Int, level: Double) -> (Double, Double)? {
        guard n1 >= 2, n2 >= 2 else { return nil }
        let a = Double(n1), b = Double(n2)
        let m1 = s1 / a, m2 = s2 / b
        let v1 = max(0, (q1 - a * m1 * m1) / (a - 1)), v2 = max(0, (q2 - b * m2 * m2) / (b - 1))
        let se2 = v1 / a + v2 / b
        guard se2 > 0 else { return nil }
        let nu = se2 * se2 / ((v1 / a) * (v1 / a) / (a - 1) + (v2 / b) * (v2 / b) / (b - 1))
        guard let t = StudentT.criticalValue(level: level, degreesOfFreedom: nu) else { return nil }
        let d = m1 - m2, half = t * se2.squareRoot()
        let (lo, hi) = (d - half, d + half)
        if lo >= 0 { return (lo, hi) }
        if hi <= 0 { return (-hi, -lo) }
        return (0, max(-lo, hi))
    }

    static func describe(_ d: GridFeature.Definition) -> String {
        switch d {
        case .flag: "flag"
        case .level(let v): v
        case .units: "per unit"
        case .band(let from, let to): "[\(from.map { $0.pointsText } ?? "−∞"), \(to.map { $0.pointsText } ?? "+∞"))"
        }
    }
}
