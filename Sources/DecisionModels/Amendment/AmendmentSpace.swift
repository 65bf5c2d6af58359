import AuditData

/// The lattice of weight vectors an amendment may take (`docs/amend.md`, "Constraints"):
/// feature `f`'s weight is `k_f × step` with the whole number `k_f ∈ [lower_f, upper_f]`.
///
/// Bounds of a feature of criterion `c` with baseline weight `w` (in steps `b`):
/// * `--max-change c=±N`: `[b − N/step, b + N/step]`; otherwise between the criterion removed
///   and doubled: `[min(0, b), max(0, 2b)]` (the sensitivity analysis' ×0 … ×2);
/// * a weight never changes sign (a bonus never becomes a penalty); points per unit never
///   reach 0 (a grid refuses `per_unit: 0`); a capped per-unit criterion whose cap in units is
///   not a finite decimal keeps its points (its cap in points could not be written exactly);
/// * `--keep c>=F`: `lower ≥ ⌈F/step⌉`, and without `--max-change` the upper bound rises to the
///   floor if it is below it.
public struct AmendmentSpace: Sendable, Equatable {
    /// The step, a decimal (1 for whole points).
    public let step: GridDecimal
    /// `b_f`: the baseline weight of each feature, in steps.
    public let baseline: [Int]
    /// `lower_f`, `upper_f`, in steps.
    public let lower: [Int]
    public let upper: [Int]
    /// The criterion of each feature.
    public let featureCriterion: [Int]
    /// `u_f`: the most units of feature `f` any applicant has — 1 for an indicator (flag, level,
    /// band), the cap in units or else the largest value for a per-unit criterion — so that a
    /// change of δ points per unit changes some applicant's points by `δ·u_f`.
    public let reach: [Double]

    /// Where the search starts: the baseline clamped into the bounds (a `--keep` floor above a
    /// current value raises it).
    public var start: [Int] { baseline.indices.map { clamp(baseline[$0], $0) } }

    /// Whether every feature is within its bounds (the baseline is not when a floor is above it).
    public func isWithinBounds(_ steps: [Int]) -> Bool { steps.indices.allSatisfy { steps[$0] >= lower[$0] && steps[$0] <= upper[$0] } }

    /// Features that may move (`lower_f < upper_f`).
    public var free: [Int] { baseline.indices.filter { lower[$0] < upper[$0] } }

    /// The weight of `k` steps, the exact decimal `k × step` as the nearest `Double`.
    public func weight(_ k: Int) -> Double {
        GridDecimal(significand: k * step.significand, decimals: step.decimals).doubleValue
    }

    /// Weights (points) of a vector of steps.
    public func weights(_ steps: [Int]) -> [Double] { steps.map(weight) }

    /// The total absolute change in points, `Σ_f |w'_f − w_f| · u_f`: for a flag, level or band
    /// the change of its points; for a per-unit criterion the change of the most points it gives
    /// (at its cap, or at the largest value in the data).
    public func totalChange(_ steps: [Int]) -> Double {
        var total = 0.0
        for f in steps.indices where steps[f] != baseline[f] { total += Double(abs(steps[f] - baseline[f])) * step.doubleValue * reach[f] }
        return total
    }

    /// `k` clamped to feature `f`'s bounds.
    public func clamp(_ k: Int, _ f: Int) -> Int { min(max(k, lower[f]), upper[f]) }

    /// The space of `design`'s grid under `constraints`.
    /// - Throws: `SpecError` keyed by the option: `--keep` or `--max-change` naming an unknown
    ///   criterion, a floor above what `--max-change` allows (contradictory constraints), a
    ///   negative or non-decimal `--step`, a grid point that is not a multiple of the step.
    public init(design: GridDesign, constraints: AmendmentConstraints) throws(SpecError) {
        let grid = design.grid
        for (option, names) in [("--keep", constraints.floors.keys), ("--max-change", constraints.maximumChanges.keys)] {
            for name in names.sorted() where grid.criterionIndex(named: name) == nil {
                throw SpecError(key: option, problem: .sentence(.amendNotCriterion, arguments: ["name": "\(name)", "grid": "\(grid.name)", "names": "\(grid.criteria.map(\.name).joined(separator: ", "))"]))
            }
        }
        let weights = design.weights
        let step: GridDecimal
        if let s = constraints.step {
            guard s > 0, let d = GridDecimal(s) else { throw SpecError(key: "--step", problem: .sentence(.amendStep, arguments: ["found": "\(s)"])) }
            step = d
        } else {
            let decimals = weights.compactMap { GridDecimal($0)?.decimals }.max() ?? 0
            step = GridDecimal(significand: 1, decimals: decimals)
        }
        var baseline: [Int] = [], lower: [Int] = [], upper: [Int] = []
        for (f, w) in weights.enumerated() {
            let c = design.featureCriterion[f]
            let criterion = grid.criteria[c]
            guard let k = Self.steps(w, step) else {
                throw SpecError(key: "--step", problem: .sentence(.amendStepMultiple, arguments: ["name": "\(criterion.name)", "points": "\(w)", "step": "\(step.doubleValue)"]))
            }
            var lo: Int, hi: Int
            if let n = constraints.maximumChanges[criterion.name] {
                let m = Int((n / step.doubleValue).rounded(.down).clamped(to: 0...1e9))
                (lo, hi) = (k - m, k + m)
            } else {
                (lo, hi) = (min(0, k), max(0, 2 * k))
            }
            if k > 0 { lo = max(lo, 0) }
            if k < 0 { hi = min(hi, 0) }
            if case .perUnit(_, let cap) = criterion.kind {
                if k > 0 { lo = max(lo, 1) } else { hi = min(hi, -1) }
                if cap != nil, Self.capUnits(design.featureDefinitions[f]) == nil { (lo, hi) = (k, k) }
            }
            if let floor = constraints.floors[criterion.name] {
                let needed = Int((floor / step.doubleValue).rounded(.up).clamped(to: -1e12...1e12))
                if constraints.maximumChanges[criterion.name] == nil { hi = max(hi, needed) }
                lo = max(lo, needed)
                guard lo <= hi else {
                    throw SpecError(key: "--keep", problem: .sentence(.amendContradiction, arguments: ["name": "\(criterion.name)", "floor": "\(floor)", "change": "\(constraints.maximumChanges[criterion.name] ?? 0)", "most": "\(Self.describe(hi, step))", "points": "\(w)"]))
                }
            }
            baseline.append(k)
            lower.append(lo)
            upper.append(hi)
        }
        self.step = step
        self.baseline = baseline
        self.lower = lower
        self.upper = upper
        featureCriterion = design.featureCriterion
        let x = design.features, n = x.rows
        reach = design.featureDefinitions.indices.map { f in
            guard case .units(let cap) = design.featureDefinitions[f].definition else { return 1 }
            if let cap { return cap }
            var largest = 0.0
            for i in 0..<n { largest = max(largest, abs(x.storage[f * n + i])) }
            return largest
        }
    }

    /// `w / step` when whole.
    static func steps(_ w: Double, _ step: GridDecimal) -> Int? {
        guard let d = GridDecimal(w) else { return nil }
        let k = max(d.decimals, step.decimals)
        guard let a = d.scaled(toDecimals: k), let b = step.scaled(toDecimals: k), b != 0, a % b == 0 else { return nil }
        return a / b
    }

    /// A per-unit feature's cap in units as an exact decimal (`nil` without a cap, or when it is
    /// a repeating decimal).
    static func capUnits(_ feature: GridFeature) -> GridDecimal? {
        guard case .units(let cap?) = feature.definition, let d = GridDecimal(cap) else { return nil }
        return d
    }

    static func describe(_ k: Int, _ step: GridDecimal) -> String {
        let d = GridDecimal(significand: k * step.significand, decimals: step.decimals)
        return d.doubleValue.pointsText
    }
}

extension Double {
    /// The value clamped to `range`.
    func clamped(to range: ClosedRange<Double>) -> Double { Swift.min(Swift.max(self, range.lowerBound), range.upperBound) }

    /// Shortest text: `40` for 40.0, `0.5` for 0.5.
    var pointsText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
