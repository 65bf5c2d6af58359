import AuditData
import AuditMetrics
import LinearAlgebra

/// The smallest lawful amendments of a points grid that meet fairness targets (`vigie amend`,
/// `docs/amend.md`).
///
/// The amended grid stays group-blind (no protected attribute is a criterion), keeps its
/// criteria, levels, bands, caps in units, groups, floor, allocation rule and tie-break, and
/// moves points on the lattice of ``AmendmentSpace``. The search:
/// 1. **Direction.** At the baseline, the target's worst group `g` and its comparison group
///    `h` (the most-selected group for an impact ratio, the reference for a score gap); raising
///    feature `f`'s weight by δ moves the mean-score gap `mean_g − mean_h` by
///    `δ·(mean_g(X_f) − mean_h(X_f))` — the per-criterion gap decomposition, linear in the
///    weights — which gives each feature its helpful direction.
/// 2. **Lines.** Every free feature alone along its whole range (at most 48 values), and every
///    criterion's points scaled together by 0, 0.1, …, 2.
/// 3. **Random neighbourhood.** Seeded random integer vectors moving one to three criteria,
///    mostly in their helpful direction, criteria drawn in proportion to their part of the gap.
/// 4. **Linear surrogate.** The grid of least total change whose linear mean-score gap meets
///    the first unmet target, under the floors and caps, by GLPK (``AmendmentSurrogate``): one
///    more seed, measured exactly, and refined in the first round of step 5.
/// 5. **Local refinement.** Around the best candidates, every free feature ±1 step and each
///    change pulled halfway, and all the way, back to the baseline, until the budget is spent or nothing new.
///
/// Every candidate is scored exactly and re-allocated under the baseline capacities and
/// tie-break (``AmendmentEvaluator``, one `dgemm` per batch); nothing is approximated. The
/// result is the Pareto front of the evaluated candidates (``AmendmentCandidate``).
public enum GridAmendment {
    /// Options of the search.
    public struct Options: Sendable, Equatable {
        /// Candidates evaluated at most (`--candidates`).
        public var budget: Int
        /// Candidates per `dgemm`.
        public var batchSize: Int
        /// Seed of the random neighbourhood (`--seed`).
        public var seed: UInt64

        public init(budget: Int = 2_000, batchSize: Int = 256, seed: UInt64 = 1) {
            self.budget = budget
            self.batchSize = batchSize
            self.seed = seed
        }
    }

    /// What the search found.
    public struct Result: Sendable {
        public let space: AmendmentSpace
        public let targets: [AmendmentTarget]
        public let baseline: AmendmentCandidate
        /// Non-dominated candidates, best first (``AmendmentCandidate/precedes(_:_:)``).
        public let front: [AmendmentCandidate]
        /// Candidates evaluated, the baseline included.
        public let evaluated: Int
        /// Per target, the best value any candidate reached, and that candidate.
        public let bestReachable: [(value: Double?, candidate: AmendmentCandidate)]
        /// What the linear surrogate gave (``AmendmentSurrogate``); its seed, when there is one,
        /// was measured exactly like every candidate.
        public let surrogate: AmendmentSurrogate.Outcome
    }

    /// The band edges the search may move (`--allow band-edges`): the lattice, the baseline
    /// grid, and how to measure another grid on the same applicants (a design read from the
    /// same rows, counted against the baseline's selection).
    public struct EdgeSearch {
        public let edges: AmendmentEdges
        public let grid: PointsGrid
        public let evaluator: (PointsGrid) throws -> AmendmentEvaluator

        public init(edges: AmendmentEdges, grid: PointsGrid, evaluator: @escaping (PointsGrid) throws -> AmendmentEvaluator) {
            self.edges = edges
            self.grid = grid
            self.evaluator = evaluator
        }
    }

    /// Refuses a grid that reads a protected column.
    /// - Throws: `SpecError` keyed `--protected` naming the criterion.
    public static func checkGroupBlind(_ grid: PointsGrid, protectedColumns: [String]) throws(SpecError) {
        for criterion in grid.criteria where protectedColumns.contains(criterion.column) {
            throw SpecError(key: "--protected", problem: .sentence(.amendProtectedCriterion, arguments: ["name": "\(criterion.name)", "grid": "\(grid.name)", "column": "\(criterion.column)"]))
        }
    }

    /// Runs the search.
    public static func run(evaluator: AmendmentEvaluator, space: AmendmentSpace, targets: [AmendmentTarget],
                           options: Options = Options(), edgeSearch: EdgeSearch? = nil) throws -> Result {
        guard !targets.isEmpty else { throw SpecError(key: "--target", problem: .sentence(.amendOneTarget, arguments: [:])) }
        guard options.budget >= 1, options.batchSize >= 1 else {
            throw SpecError(key: "--candidates", problem: .sentence(.amendCandidates, arguments: ["found": "\(options.budget)"]))
        }
        var state = SearchState(evaluator: evaluator, space: space, targets: targets, options: options)
        state.edges = edgeSearch?.edges.baseline ?? []
        try state.evaluate([space.baseline])
        let baseline = state.all[0]
        // A baseline outside the bounds (a floor above a current value) is measured, never proposed.
        if !space.isWithinBounds(space.baseline) { state.all.removeAll() }
        try state.evaluate([space.start])
        let direction = helpfulDirection(evaluator: evaluator, baseline: baseline, targets: targets)
        // The linear surrogate, solved once: one more seed, measured exactly, and refined below.
        let focus = targets.indices.first { baseline.shortfalls[$0] > 0 } ?? 0
        let surrogate = AmendmentSurrogate.solve(space: space, gapPerPoint: direction, target: targets[focus],
                                                 baselineValue: baseline.measure.value(of: targets[focus]))
        if let seed = surrogate.steps { try state.evaluate([seed]) }
        try state.evaluate(lines(space: space, direction: direction))
        try state.evaluate(randomNeighbourhood(space: space, direction: direction, count: max(0, (options.budget - state.all.count) / 2), seed: options.seed))
        for round in 0..<12 where state.remaining > 0 {
            let before = state.all.count
            var elite = state.elite(8)
            if round == 0, let seed = surrogate.steps, !elite.contains(where: { $0.steps == seed }),
               let measured = state.all.first(where: { $0.steps == seed }) {
                elite.append(measured)
            }
            try state.evaluate(refinements(of: elite, space: space))
            if state.all.count == before { break }
        }
        if let edgeSearch { try moveEdges(edgeSearch, state: &state) }
        let best = targets.indices.map { t -> (Double?, AmendmentCandidate) in
            let ranked = state.all.sorted { a, b in
                if a.shortfalls[t] != b.shortfalls[t] { return a.shortfalls[t] < b.shortfalls[t] }
                return AmendmentCandidate.precedes(a, b)
            }
            let c = ranked[0]
            return (c.measure.value(of: targets[t]), c)
        }
        return Result(space: space, targets: targets, baseline: baseline, front: AmendmentCandidate.paretoFront(state.all),
                      evaluated: state.all.count, bestReachable: best, surrogate: surrogate)
    }

    /// Each movable edge at each value of its lattice (one edge at a time), with the points of
    /// the start and of the 4 best candidates meeting every target and the 4 best not meeting
    /// them: each such grid is read from the same applicants and measured exactly, counted
    /// against the baseline's selection. Adds at most `edges × 10 × 9` candidates to the budget.
    static func moveEdges(_ search: EdgeSearch, state: inout SearchState) throws {
        let space = state.space, design = state.evaluator.design
        var seeds: [[Int]] = [space.start]
        for c in state.elite(4) where !seeds.contains(c.steps) { seeds.append(c.steps) }
        let baseline = search.edges.baseline
        for (e, edge) in search.edges.edges.enumerated() {
            let first = design.featureCriterion.firstIndex(of: edge.criterion) ?? 0
            for value in edge.lattice {
                let moved = try search.evaluator(search.edges.grid(search.grid, moving: e, to: value))
                let measures = try moved.measure(seeds.map(space.weights))
                var edges = baseline
                edges[e] = value
                for (steps, m) in zip(seeds, measures) {
                    let change = space.totalChange(steps) + search.edges.reach(e, weights: space.weights(space.baseline), firstFeature: first)
                    state.all.append(AmendmentCandidate(steps: steps, measure: m, shortfalls: state.targets.map { $0.shortfall(m.value(of: $0)) },
                                                        totalChange: change, edges: edges, edgeMoved: true))
                }
            }
        }
    }

    /// +1 when raising the feature's weight helps the target's worst group, −1 when lowering it
    /// does, 0 when it does not move the gap; with each feature's share of the gap.
    static func helpfulDirection(evaluator: AmendmentEvaluator, baseline: AmendmentCandidate, targets: [AmendmentTarget]) -> [Double] {
        let m = baseline.measure, groups = evaluator.groups
        // The first target not met, else the first.
        let t = targets.indices.first { baseline.shortfalls[$0] > 0 } ?? 0
        var pair: (low: Int, high: Int)?
        switch targets[t] {
        case .impactRatioAtLeast:
            if let w = m.worstGroup, let b = m.bestGroup, w != b { pair = (w, b) }
        case .topKShareRatioAtLeast:
            if let g = m.topKGroup, g != groups.reference { pair = (g, groups.reference) }
        case .exposureRatioAtLeast:
            if let w = m.exposureWorstGroup, let b = m.exposureBestGroup, w != b { pair = (w, b) }
        case .scoreGapAtMost:
            if let g = m.gapGroup, let mg = m.meanScore[g], let mr = m.meanScore[groups.reference] {
                pair = mg < mr ? (g, groups.reference) : (groups.reference, g)
            }
        }
        let x = evaluator.design.features, n = x.rows
        guard let (low, high) = pair else { return [Double](repeating: 0, count: x.columns) }
        return (0..<x.columns).map { f in
            var sum = (low: 0.0, high: 0.0)
            for i in 0..<n {
                let g = Int(groups.codes[i])
                if g == low { sum.low += x.storage[f * n + i] } else if g == high { sum.high += x.storage[f * n + i] }
            }
            return sum.low / Double(groups.counts[low]) - sum.high / Double(groups.counts[high])
        }
    }

    /// Each free feature alone along its range; each criterion's points scaled together.
    static func lines(space: AmendmentSpace, direction: [Double]) -> [[Int]] {
        var out: [[Int]] = []
        for f in space.free {
            let lo = space.lower[f], hi = space.upper[f]
            let values = hi - lo <= 48 ? Array(lo...hi) : (0...48).map { lo + ($0 * (hi - lo)) / 48 }
            for v in values where v != space.start[f] {
                var s = space.start
                s[f] = v
                out.append(s)
            }
        }
        let criteria = Set(space.free.map { space.featureCriterion[$0] }).sorted()
        for c in criteria {
            let members = space.free.filter { space.featureCriterion[$0] == c }
            guard members.count > 1 else { continue }
            for tenth in 0...20 where tenth != 10 {
                var s = space.start
                for f in members { s[f] = space.clamp(Int((Double(space.baseline[f] * tenth) / 10).rounded()), f) }
                out.append(s)
            }
        }
        return out
    }

    /// `count` random vectors moving one to three criteria.
    static func randomNeighbourhood(space: AmendmentSpace, direction: [Double], count: Int, seed: UInt64) -> [[Int]] {
        let free = space.free
        guard !free.isEmpty, count > 0 else { return [] }
        let criteria = Set(free.map { space.featureCriterion[$0] }).sorted()
        // Weight of a criterion: its part of the gap at the baseline, |Σ_f w_f·d_f|, plus a floor.
        let parts = criteria.map { c -> Double in
            let gap = free.filter { space.featureCriterion[$0] == c }.reduce(0.0) { $0 + abs(Double(space.baseline[$1]) * direction[$1]) }
            return gap + 0.05
        }
        let totalPart = parts.reduce(0, +)
        var random = BootstrapRandom(seed: seed, stream: 19, replicate: 0)
        func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        func integer(_ lo: Int, _ hi: Int) -> Int { lo + Int(random.next() % UInt64(hi - lo + 1)) }
        var out: [[Int]] = []
        let start = space.start
        for _ in 0..<count {
            var s = start
            for _ in 0..<integer(1, min(3, criteria.count)) {
                var u = uniform() * totalPart, pick = criteria.count - 1
                for (i, p) in parts.enumerated() { if u < p { pick = i; break }; u -= p }
                for f in free where space.featureCriterion[f] == criteria[pick] {
                    let b = start[f]
                    let helpful = direction[f] > 0 ? (b, space.upper[f]) : direction[f] < 0 ? (space.lower[f], b) : (space.lower[f], space.upper[f])
                    let (lo, hi) = uniform() < 0.75 ? helpful : (space.lower[f], space.upper[f])
                    s[f] = integer(lo, hi)
                }
            }
            out.append(s)
        }
        return out
    }

    /// Every free feature ±1 step, and each change pulled halfway and all the way back to the baseline.
    static func refinements(of elite: [AmendmentCandidate], space: AmendmentSpace) -> [[Int]] {
        var out: [[Int]] = []
        for c in elite {
            for f in space.free {
                for delta in [-1, 1] {
                    var s = c.steps
                    s[f] = space.clamp(s[f] + delta, f)
                    out.append(s)
                }
                if c.steps[f] != space.baseline[f] {
                    var s = c.steps
                    s[f] = space.clamp(space.baseline[f] + (c.steps[f] - space.baseline[f]) / 2, f)
                    out.append(s)
                    s[f] = space.clamp(space.baseline[f], f)
                    out.append(s)
                }
            }
        }
        return out
    }
}

/// The candidates evaluated so far (deduplicated, in evaluation order).
struct SearchState {
    let evaluator: AmendmentEvaluator
    let space: AmendmentSpace
    let targets: [AmendmentTarget]
    let options: GridAmendment.Options
    var all: [AmendmentCandidate] = []
    var seen: Set<[Int]> = []
    /// The baseline's band edges (`--allow band-edges`), carried by every candidate of the points search.
    var edges: [Double] = []

    var remaining: Int { options.budget - all.count }

    init(evaluator: AmendmentEvaluator, space: AmendmentSpace, targets: [AmendmentTarget], options: GridAmendment.Options) {
        self.evaluator = evaluator
        self.space = space
        self.targets = targets
        self.options = options
    }

    /// Evaluates the new vectors among `vectors`, in order, within the budget, in batches.
    mutating func evaluate(_ vectors: [[Int]]) throws {
        var fresh: [[Int]] = []
        for v in vectors where fresh.count < remaining && !seen.contains(v) {
            seen.insert(v)
            fresh.append(v)
        }
        var start = 0
        while start < fresh.count {
            let batch = Array(fresh[start..<min(start + options.batchSize, fresh.count)])
            let measures = try evaluator.measure(batch.map(space.weights))
            for (steps, m) in zip(batch, measures) {
                all.append(AmendmentCandidate(steps: steps, measure: m, shortfalls: targets.map { $0.shortfall(m.value(of: $0)) },
                                              totalChange: space.totalChange(steps), edges: edges))
            }
            start += options.batchSize
        }
    }

    /// The best `k` candidates meeting every target and the best `k` not meeting them.
    func elite(_ k: Int) -> [AmendmentCandidate] {
        let sorted = all.sorted(by: AmendmentCandidate.precedes)
        return Array(sorted.filter(\.meetsEveryTarget).prefix(k)) + Array(sorted.filter { !$0.meetsEveryTarget }.prefix(k))
    }
}
