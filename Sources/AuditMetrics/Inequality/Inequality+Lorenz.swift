extension Inequality {
    /// The weighted Lorenz curve at `points` equally spaced population shares
    /// `p_k = k/(points − 1)`, `k = 0 … points − 1` (so `(0, 0)` and `(1, 1)` are included).
    ///
    /// `L(p)` is the share of the total held by the poorest fraction `p` of the weight: linear
    /// between the points `(C_i/W, S_i/S)` with `C_i = Σ_{j≤i} w_j`, `S_i = Σ_{j≤i} w_j x_j` in
    /// ascending order of `x` (Cowell 2011, ch. 2; `numpy.interp` on those points). The unit
    /// straddling `p` contributes `(pW − C_{i−1}) x_i`. The curve is convex and lies below the
    /// diagonal.
    ///
    /// - Returns: empty if no index is defined on `sample` (empty, a negative value, mean 0).
    public static func lorenzCurve(_ sample: AllocationSample, points: Int) -> [(p: Double, share: Double)] {
        precondition(points >= 2, "lorenzCurve: at least 2 points")
        guard domainReason(sample) == nil else { return [] }
        let ps = (0..<points).map { Double($0) / Double(points - 1) }
        let l = lorenzOrdinates(sample.values, sample.weights, at: ps)
        return zip(ps, l).map { (p: $0, share: $1) }
    }

    /// `L(p)` for ascending `ps` on sorted `x` with weights `w` (one pass): `L(p) = 0` for
    /// `p ≤ 0`, 1 for `p ≥ 1`, else `(S_{i−1} + (pW − C_{i−1}) x_i)/S` for the row `i` with
    /// `C_{i−1} < pW ≤ C_i`.
    static func lorenzOrdinates(_ x: [Double], _ w: [Double], at ps: [Double]) -> [Double] {
        var total = 0.0, totalS = 0.0
        for i in x.indices { total += w[i]; totalS += w[i] * x[i] }
        var out: [Double] = []
        out.reserveCapacity(ps.count)
        var c = 0.0, s = 0.0, i = 0
        for p in ps {
            if p <= 0 { out.append(0); continue }
            if p >= 1 { out.append(1); continue }
            let t = p * total
            while i < x.count && c + w[i] < t { c += w[i]; s += w[i] * x[i]; i += 1 }
            out.append(i == x.count ? 1 : min(1, (s + (t - c) * x[i]) / totalS))
        }
        return out
    }

    /// Rows with finite `values` and `rankBy`, and a positive weight (NaN weight = missing),
    /// sorted by `rankBy` (ties in input order), merged into tie groups of the ranking variable:
    /// each group's weight `W_g` and total `Σ_{i∈g} w_i x_i`.
    static func rankGroups(values: [Double], rankBy: [Double], weights: [Double]?) -> (weight: [Double], total: [Double], rows: [[Int]]) {
        precondition(values.count == rankBy.count && (weights?.count ?? values.count) == values.count, "concentration: arrays of different lengths")
        var kept = values.indices.filter { i in
            let w = weights?[i] ?? 1
            return values[i].isFinite && rankBy[i].isFinite && !w.isNaN && w > 0
        }
        kept.sort { a, b in rankBy[a] < rankBy[b] || (rankBy[a] == rankBy[b] && a < b) }
        var weight: [Double] = [], total: [Double] = [], rows: [[Int]] = []
        var k = 0
        while k < kept.count {
            var j = k
            while j + 1 < kept.count && rankBy[kept[j + 1]] == rankBy[kept[k]] { j += 1 }
            var wg = 0.0, sg = 0.0
            for i in kept[k...j] {
                let w = weights?[i] ?? 1
                precondition(w.isFinite, "concentration: infinite weight")
                wg += w
                sg += w * values[i]
            }
            weight.append(wg); total.append(sg); rows.append(Array(kept[k...j]))
            k = j + 1
        }
        return (weight, total, rows)
    }

    /// Concentration curve of `values` (e.g. free m³, a subsidy) ranked by `rankBy` (e.g.
    /// income, ascending): the share of the total of `values` held by the fraction `p` of the
    /// weight with the lowest `rankBy`, at `points` equally spaced `p` (0 and 1 included).
    ///
    /// Linear between the points `(C_g/W, S_g/S)` of the **tie groups** of `rankBy` (units with the
    /// same rank are not ordered among themselves, so the curve is straight across them —
    /// O'Donnell, van Doorslaer, Wagstaff & Lindelow 2008, *Analyzing Health Equity Using
    /// Household Survey Data*, World Bank, ch. 7). Rows with a non-finite value or rank, or a
    /// NaN or zero weight, are left out. Values may be negative (a curve can leave [0, 1]).
    ///
    /// - Returns: empty if no row is left or `Σ w x = 0`.
    public static func concentrationCurve(values: [Double], rankBy: [Double], weights: [Double]?, points: Int) -> [(p: Double, share: Double)] {
        precondition(points >= 2, "concentrationCurve: at least 2 points")
        let g = rankGroups(values: values, rankBy: rankBy, weights: weights)
        let totalW = g.weight.reduce(0, +), totalS = g.total.reduce(0, +)
        guard !g.weight.isEmpty, totalS != 0 else { return [] }
        var out: [(p: Double, share: Double)] = []
        var c = 0.0, s = 0.0, k = 0
        for j in 0..<points {
            let p = Double(j) / Double(points - 1)
            if j == 0 { out.append((p, 0)); continue }
            if j == points - 1 { out.append((p, 1)); continue }
            let t = p * totalW
            while k < g.weight.count && c + g.weight[k] < t { c += g.weight[k]; s += g.total[k]; k += 1 }
            let share = k == g.weight.count ? 1 : (s + (t - c) / g.weight[k] * g.total[k]) / totalS
            out.append((p, share))
        }
        return out
    }

    /// Concentration index `C = 2·cov_w(x, R)/μ` of `values` ranked by `rankBy` — the
    /// "convenient covariance" formula (Kakwani, Wagstaff & van Doorslaer 1997, *J. Econometrics*
    /// 77; O'Donnell et al. 2008, World Bank, ch. 8, eq. 8.6), weighted:
    /// `μ = Σ w_i x_i / W`, `R_i = (C_{g−1} + W_g/2)/W` the weighted fractional rank of row `i`'s
    /// tie group `g` (ties get the average rank), `cov_w(x, R) = (1/W) Σ w_i (x_i − μ)(R_i − R̄)`,
    /// `R̄ = Σ w_i R_i / W` (= ½ up to rounding). `C ∈ [−1, 1]` for non-negative `x`; negative when
    /// `values` are concentrated among the low-ranked (pro-poor). Ranked by itself with no ties it
    /// equals the Gini coefficient.
    ///
    /// Undefined if no row is usable or the mean of `values` is 0.
    public static func concentrationIndex(values: [Double], rankBy: [Double], weights: [Double]?) -> MetricValue {
        let g = rankGroups(values: values, rankBy: rankBy, weights: weights)
        guard !g.weight.isEmpty else { return .undefined(reason: "concentration index: no row with finite values and a positive weight") }
        let totalW = g.weight.reduce(0, +)
        let mu = g.total.reduce(0, +) / totalW
        guard mu != 0 else { return .undefined(reason: "concentration index: the mean of the values is 0") }
        var rank = [Double](repeating: 0, count: g.weight.count)
        var c = 0.0, rbar = 0.0
        for k in g.weight.indices {
            rank[k] = (c + g.weight[k] / 2) / totalW
            c += g.weight[k]
            rbar += g.weight[k] * rank[k]
        }
        rbar /= totalW
        var cov = 0.0
        for k in g.weight.indices {
            for i in g.rows[k] {
                cov += (weights?[i] ?? 1) * (values[i] - mu) * (rank[k] - rbar)
            }
        }
        cov /= totalW
        let result = 2 * cov / mu
        return result.isFinite ? .defined(result) : .undefined(reason: "concentration index: not a finite number")
    }
}
