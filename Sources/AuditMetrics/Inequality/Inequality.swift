import Foundation

/// Inequality indices of continuous allocations (water volumes, subsidies, bills), weighted.
///
/// Notation: kept rows `i` with value `x_i ≥ 0` and weight `w_i > 0`, `W = Σ w_i`,
/// `μ = Σ w_i x_i / W`, `r_i = x_i / μ`. Sources: Cowell, *Measuring Inequality* (3rd ed., 2011),
/// ch. 3 and technical appendix; Shorrocks (1980), "The class of additively decomposable
/// inequality measures", *Econometrica* 48(3); Atkinson (1970), "On the measurement of
/// inequality", *JET* 2(3); Palma (2011) / Cobham & Sumner (2013) for the Palma ratio;
/// `docs/domain.md` §8 and `docs/toolkits.md` rows 17–19 and 25 (AIF360's `generalized_entropy_index`,
/// `theil_index`, `coefficient_of_variation`).
///
/// **Domain.** Every index is undefined (`.undefined(reason:)`, never NaN or ∞) when
/// * the sample is empty (no row with a finite value and positive weight);
/// * any value is **negative** — no index is defined then, none (the GE and Atkinson families
///   need `x ≥ 0` for their powers and logs, and the Gini, CV, Palma and shares lose their
///   meaning as inequality measures when the total can be made up of offsetting signs);
/// * the mean is **0** (all allocations zero): nothing to share.
///
/// With a **zero** allocation, the indices that take a log of, or a negative power of, `x` are
/// undefined: Theil L, GE(α ≤ 0), Atkinson ε ≥ 1. The others are defined (0·ln 0 = 0 in Theil T;
/// 0^α = 0 for α > 0).
///
/// A **single value** (or all values equal) means no inequality: Gini, GE, Theil, Atkinson and
/// CV are exactly 0, the Palma ratio is 0.25 (its equality value, 10 %/40 %) and the share of
/// quantiles (a, b) is `b − a` — all defined.
public enum Inequality {
    /// The index `index` of `sample`.
    ///
    /// * **Gini** (mean difference over twice the mean; `docs/domain.md` §8, `docs/toolkits.md` row 25):
    ///   `G = Σ_i Σ_j w_i w_j |x_i − x_j| / (2 W² μ)` — unweighted, `ΣΣ|x_i − x_j| / (2n²μ)`, not the
    ///   "unbiased" `n/(n−1)` variant. Computed in O(n) on the sorted sample as `G = H / (W·S)`,
    ///   `S = Σ w_i x_i`, `H = Σ_i w_i D_i`, `D_i = Σ_{j<i} w_j (x_i − x_j)` updated as
    ///   `D_i = D_{i−1} + C_{i−1}(x_i − x_{i−1})`, `C_i = Σ_{j≤i} w_j` — a sum of non-negative
    ///   terms, so no cancellation. This is the weighted Gini with midpoint fractional ranks,
    ///   `G = 2 cov_w(x, F)/μ`, `F_i = (C_{i−1} + w_i/2)/W` (Lerman & Yitzhaki 1989), and equals
    ///   `1 − 2·(area under the trapezoid Lorenz curve)` as in the World Bank's
    ///   `wbpip::md_compute_gini` (PIP); weights act as frequency weights (integer weights equal
    ///   replicating rows).
    /// * **GE(α)** (Shorrocks 1980; Cowell 2011, ch. 3; AIF360 `generalized_entropy_index`):
    ///   `GE(α) = 1/(α(α−1)) · [(1/W) Σ w_i r_i^α − 1]`; `GE(1) = Theil T = (1/W) Σ w_i r_i ln r_i`;
    ///   `GE(0) = Theil L = −(1/W) Σ w_i ln r_i` (mean log deviation). Computed as the weighted
    ///   mean of the non-negative terms `[r^α − 1 − α(r − 1)]/(α(α−1))` (resp. `r ln r − r + 1`,
    ///   `r − 1 − ln r`), which is the same number since `Σ w_i (r_i − 1) = 0`, without the
    ///   cancellation of `mean − 1` when inequality is small.
    /// * **Atkinson** (Atkinson 1970): `A_ε = 1 − (1/μ)·((1/W) Σ w_i x_i^{1−ε})^{1/(1−ε)}`,
    ///   `A_1 = 1 − exp((1/W) Σ w_i ln x_i)/μ`, ε ≥ 0 (`docs/toolkits.md` row 25). Computed from GE as
    ///   `A_ε = 1 − (1 + α(α−1)·GE(α))^{1/α}`, `α = 1 − ε` (`A_1 = 1 − exp(−GE(0))`), with
    ///   `expm1`/`log1p`. ε < 0 is undefined (not an inequality-averse index); `A_0 = 0`.
    /// * **CV** `= σ/μ` with the population `σ² = (1/W) Σ w_i (x_i − μ)²`, i.e. `√(2·GE(2))`
    ///   (AIF360 `coefficient_of_variation`, `docs/toolkits.md` row 18).
    /// * **Quantile share** `(a, b)`: `L(b) − L(a)`, and **Palma** `= (1 − L(0.9)) / L(0.4)`
    ///   (undefined if the bottom 40 % hold nothing), where `L` is the Lorenz curve of
    ///   `Inequality.lorenzCurve`: linear between the points `(C_i/W, S_i/S)`, so a unit that
    ///   straddles a cut `p` counts for the fraction `(pW − C_{i−1})/w_i` of its weight below the
    ///   cut (no unit is moved whole to one side; ties are indistinguishable so their order does
    ///   not matter). This is `numpy.interp` on those points in the reference script.
    public static func value(_ index: InequalityIndex, of sample: AllocationSample) -> MetricValue {
        if let reason = domainReason(sample) { return .undefined(reason: reason) }
        let mu = sample.mean!
        let x = sample.values, w = sample.weights, total = sample.totalWeight
        let result: Double
        switch index {
        case .gini:
            result = gini(x, w)
        case .theilT, .theilL, .generalizedEntropy:
            let alpha = index.entropyAlpha!
            if let reason = zeroReason(index, sample) { return .undefined(reason: reason) }
            result = generalizedEntropy(x, w, alpha: alpha, mean: mu, totalWeight: total)
        case .atkinson(let epsilon):
            guard epsilon >= 0 else { return .undefined(reason: "\(index.name): the inequality aversion ε must be ≥ 0") }
            if let reason = zeroReason(index, sample) { return .undefined(reason: reason) }
            result = atkinson(epsilon: epsilon, x, w, mean: mu, totalWeight: total)
        case .coefficientOfVariation:
            result = (2 * generalizedEntropy(x, w, alpha: 2, mean: mu, totalWeight: total)).squareRoot()
        case .palma:
            let l = lorenzOrdinates(x, w, at: [0.4, 0.9])
            guard l[0] > 0 else { return .undefined(reason: "palma: the bottom 40 % hold no allocation") }
            result = (1 - l[1]) / l[0]
        case .quantileShare(let lower, let upper):
            guard lower >= 0, upper <= 1, lower < upper else {
                return .undefined(reason: "\(index.name): the quantile range must satisfy 0 ≤ lower < upper ≤ 1")
            }
            let l = lorenzOrdinates(x, w, at: [lower, upper])
            result = l[1] - l[0]
        }
        return result.isFinite ? .defined(result) : .undefined(reason: "\(index.name): not a finite number")
    }

    /// Why no index of `sample` is defined (empty, negative value, zero mean), or nil.
    static func domainReason(_ sample: AllocationSample) -> String? {
        if sample.count == 0 { return "no allocation with a finite value and a positive weight" }
        if sample.hasNegative { return "a negative allocation: inequality indices are defined for non-negative allocations only" }
        if sample.mean! == 0 { return "the mean allocation is 0" }
        return nil
    }

    /// Why `index` is undefined because of a zero allocation, or nil.
    static func zeroReason(_ index: InequalityIndex, _ sample: AllocationSample) -> String? {
        guard sample.hasZero else { return nil }
        switch index {
        case .theilL: return "theil_l is undefined with a zero allocation (log 0)"
        case .generalizedEntropy(let a) where a == 0: return "\(index.name) is undefined with a zero allocation (log 0)"
        case .generalizedEntropy(let a) where a < 0: return "\(index.name) is undefined with a zero allocation (0 to a negative power)"
        case .atkinson(let e) where e == 1: return "\(index.name) is undefined with a zero allocation (log 0)"
        case .atkinson(let e) where e > 1: return "\(index.name) is undefined with a zero allocation (0 to a negative power)"
        default: return nil
        }
    }

    /// `G = H/(W·S)` on sorted `x` (see `value`).
    static func gini(_ x: [Double], _ w: [Double]) -> Double {
        var c = 0.0, d = 0.0, h = 0.0, s = 0.0
        var previous = x.first ?? 0
        for i in x.indices {
            d += c * (x[i] - previous)
            h += w[i] * d
            c += w[i]
            s += w[i] * x[i]
            previous = x[i]
        }
        return h / (c * s)
    }

    /// The non-negative GE term of `r = x/μ`: `[r^α − 1 − α(r − 1)]/(α(α−1))`,
    /// `r ln r − r + 1` (α = 1), `r − 1 − ln r` (α = 0). Its weighted mean is GE(α).
    @inline(__always)
    static func entropyTerm(_ r: Double, alpha: Double) -> Double {
        if alpha == 1 { return r == 0 ? 1 : r * Foundation.log(r) - r + 1 }
        if alpha == 0 { return r - 1 - Foundation.log(r) }
        if r == 0 { return 1 / alpha }  // α > 0 here; α < 0 with a zero is excluded before
        return (Foundation.expm1(alpha * Foundation.log(r)) - alpha * (r - 1)) / (alpha * (alpha - 1))
    }

    /// `GE(α) = (1/W) Σ w_i · entropyTerm(x_i/μ)` (values need not be sorted).
    static func generalizedEntropy(_ x: [Double], _ w: [Double], alpha: Double, mean mu: Double, totalWeight: Double) -> Double {
        var sum = 0.0
        for i in x.indices { sum += w[i] * entropyTerm(x[i] / mu, alpha: alpha) }
        return sum / totalWeight
    }

    /// `A_ε = 1 − (1 + α(α−1)·GE(α))^{1/α}` with `α = 1 − ε`; `A_1 = 1 − exp(−GE(0))`; `A_0 = 0`.
    static func atkinson(epsilon: Double, _ x: [Double], _ w: [Double], mean mu: Double, totalWeight: Double) -> Double {
        if epsilon == 0 { return 0 }
        let alpha = 1 - epsilon
        let ge = generalizedEntropy(x, w, alpha: alpha, mean: mu, totalWeight: totalWeight)
        return atkinson(alpha: alpha, generalizedEntropy: ge)
    }

    /// Atkinson from GE(α), α = 1 − ε: `−expm1(log1p(α(α−1)·GE)/α)`, or `−expm1(−GE(0))`.
    static func atkinson(alpha: Double, generalizedEntropy ge: Double) -> Double {
        if alpha == 1 { return 0 }
        if alpha == 0 { return -Foundation.expm1(-ge) }
        return -Foundation.expm1(Foundation.log1p(alpha * (alpha - 1) * ge) / alpha)
    }
}
