import LinearProgramming

/// The linear surrogate that seeds the search (`docs/amend.md`, "Search"): the grid closest to
/// the baseline, in total change of points, whose **linear** mean-score gap meets the target —
/// solved once per run by GLPK (``LinearProgram``), then measured exactly like every other
/// candidate (never reported from the surrogate).
///
/// With `b_f` the baseline in steps, `s` the step, `u_f` the reach (``AmendmentSpace/reach``)
/// and `d_f = mean_low(X_f) − mean_high(X_f)` the per-criterion gap decomposition between the
/// target's worst group and its comparison group (``GridAmendment``, "Direction"), so that the
/// linear gap of weights `w` is `G(w) = Σ_f w_f·d_f`, the variables are the whole numbers of
/// steps `Δ⁺_f, Δ⁻_f ≥ 0` of each free feature and
///
///     minimise    Σ_f s·u_f·(Δ⁺_f + Δ⁻_f)                (the Pareto front's total change)
///     subject to  G(b·s) + Σ_f s·d_f·(Δ⁺_f − Δ⁻_f) ≥ φ·G(b·s)   (impact, top-k share and exposure
///                                                         ratios ≥ x, baseline value m₀)
///            or  −N ≤ G(b·s) + Σ_f s·d_f·(Δ⁺_f − Δ⁻_f) ≤ N  (score_gap<=N)
///                 lower_f ≤ b_f + Δ⁺_f − Δ⁻_f ≤ upper_f  (floors, --keep; caps, --max-change; no
///                                                         change of sign: ``AmendmentSpace``)
///                 Δ whole numbers (points stay on the lattice k × step: GLPK's `glp_intopt`)
///
/// For a ratio target the metric is taken as linear in the gap, from `m₀` at the baseline gap to
/// parity (1) at no gap, so reaching `x` leaves the share `φ = (1 − x)/(1 − m₀)` of the gap
/// (`φ = 0`, close it all, when `m₀` is undefined; `φ ≥ 1`, no change needed, when `m₀ ≥ x`).
/// A ratio target whose worst group does not have the lower mean score (`G ≥ 0`) gives no
/// programme: the mean-score gap is not what holds it back (``Outcome/noGap``).
///
/// The seed is `b + Δ⁺ − Δ⁻`. The surrogate ignores what is not linear — exclusive groups, the
/// floor, the allocation — which is why it only seeds the search.
public enum AmendmentSurrogate {
    /// What the linear programme gave.
    public enum Outcome: Sendable, Equatable {
        /// A seed (in steps), its linear gap and the programme's objective (total change, points);
        /// `optimal` false when GLPK's time limit stopped it at a feasible point.
        case seed(steps: [Int], linearGap: Double, totalChange: Double, optimal: Bool)
        /// No grid within the constraints closes the linear gap.
        case infeasible
        /// The target picks no pair of groups at the baseline, or its worst group does not have
        /// the lower mean score: no linear gap to close.
        case noGap
        /// The solver failed (reason named).
        case failed(reason: String)

        /// The seed's steps, when there is one.
        public var steps: [Int]? {
            if case .seed(let steps, _, _, _) = self { steps } else { nil }
        }
    }

    /// The programme for `space`, gap coefficients `d` (per point of each feature) and `target`
    /// (the first target not met at the baseline), with the columns `Δ⁺_f` then `Δ⁻_f` of each
    /// free feature.
    public static func programme(space: AmendmentSpace, gapPerPoint d: [Double], target: AmendmentTarget,
                                 baselineValue: Double?) -> (LinearProgram, free: [Int]) {
        let free = space.baseline.indices.filter { space.lower[$0] < space.upper[$0] || space.baseline[$0] != space.lower[$0] }
        let s = space.step.doubleValue
        var objective: [Double] = [], lower: [Double] = [], upper: [Double] = []
        var gapRow: [Double] = []
        for sign in [1.0, -1.0] {
            for f in free {
                let b = space.baseline[f], lo = space.lower[f], hi = space.upper[f]
                objective.append(s * space.reach[f])
                gapRow.append(sign * s * d[f])
                if sign > 0 {
                    // Δ⁺ ∈ [max(0, lower − b), max(0, upper − b)]
                    lower.append(Double(max(0, lo - b)))
                    upper.append(Double(max(0, hi - b)))
                } else {
                    lower.append(Double(max(0, b - hi)))
                    upper.append(Double(max(0, b - lo)))
                }
            }
        }
        let gap0 = space.baseline.indices.reduce(0.0) { $0 + Double(space.baseline[$1]) * s * d[$1] }
        let row: LinearProgram.Row
        switch target {
        case .scoreGapAtMost(let n): row = .init(coefficients: gapRow, lower: -n - gap0, upper: n - gap0)
        case .impactRatioAtLeast(let x), .topKShareRatioAtLeast(let x), .exposureRatioAtLeast(let x):
            row = .init(coefficients: gapRow, lower: share(target: x, baselineValue: baselineValue) * gap0 - gap0, upper: nil)
        }
        // Each feature within its bounds: lower ≤ b + Δ⁺ − Δ⁻ ≤ upper.
        var rows = [row]
        let m = free.count
        for (k, f) in free.enumerated() {
            var a = [Double](repeating: 0, count: 2 * m)
            a[k] = 1
            a[m + k] = -1
            rows.append(.init(coefficients: a, lower: Double(space.lower[f] - space.baseline[f]), upper: Double(space.upper[f] - space.baseline[f])))
        }
        return (LinearProgram(objective: objective, lower: lower, upper: upper, rows: rows, integer: true), free)
    }

    /// `φ = (1 − x)/(1 − m₀)`, the share of the gap a ratio target leaves (0 when `m₀` is
    /// undefined, 1 when `m₀ ≥ 1`).
    static func share(target x: Double, baselineValue m0: Double?) -> Double {
        guard let m0, m0.isFinite else { return 0 }
        guard m0 < 1 else { return 1 }
        return max(0, (1 - x) / (1 - m0))
    }

    /// Solves the programme and turns its solution into a seed. `baselineValue`: the target's
    /// metric at the baseline (`m₀`).
    public static func solve(space: AmendmentSpace, gapPerPoint d: [Double], target: AmendmentTarget, baselineValue: Double? = nil) -> Outcome {
        guard d.count == space.baseline.count else { return .failed(reason: "\(d.count) gap coefficients for \(space.baseline.count) features") }
        guard d.contains(where: { $0 != 0 }) else { return .noGap }
        if case .scoreGapAtMost = target {} else {
            let gap0 = space.baseline.indices.reduce(0.0) { $0 + Double(space.baseline[$1]) * space.step.doubleValue * d[$1] }
            if gap0 >= 0 { return .noGap }
        }
        let (lp, free) = programme(space: space, gapPerPoint: d, target: target, baselineValue: baselineValue)
        let m = free.count
        guard m > 0 else { return .infeasible }
        let outcome = lp.solve()
        switch outcome {
        case .infeasible: return .infeasible
        case .unbounded: return .failed(reason: "the programme is unbounded")
        case .failed(let reason): return .failed(reason: reason)
        case .optimal, .feasible:
            guard let (x, objective) = outcome.solution else { return .failed(reason: "no solution") }
            var steps = space.baseline
            for (k, f) in free.enumerated() {
                let delta = (x[k] - x[m + k]).rounded()
                guard delta.isFinite, abs(delta) < 1e12 else { return .failed(reason: "a step change is not a whole number") }
                steps[f] = space.clamp(space.baseline[f] + Int(delta), f)
            }
            let s = space.step.doubleValue
            let gap = steps.indices.reduce(0.0) { $0 + Double(steps[$1]) * s * d[$1] }
            if case .optimal = outcome { return .seed(steps: steps, linearGap: gap, totalChange: objective, optimal: true) }
            return .seed(steps: steps, linearGap: gap, totalChange: objective, optimal: false)
        }
    }
}
