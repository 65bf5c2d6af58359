import LinearAlgebra

/// The twofold Oaxaca–Blinder decomposition of an outcome gap, with the reference group's
/// coefficients as the non-discriminatory structure (Oaxaca 1973, *Int. Econ. Review*
/// 14:693–709; Blinder 1973, *J. Human Resources* 8:436–455; Jann 2008, *Stata Journal*
/// 8(4):453–479, eq. 5 with `β* = β_ref`):
///
///     ȳ_g − ȳ_ref = (x̄_g − x̄_ref)ᵀ β̂_ref  +  x̄_gᵀ (β̂_g − β̂_ref)
///                   └──── explained ─────┘    └─── unexplained ───┘
///
/// `x = (1, x₁ … x_k)` (intercept first), `β̂` the OLS fit of the outcome on `x` within each group
/// (``LinearRegression``, robust covariance). The identity is exact because an OLS fit with an
/// intercept passes through the means (`ȳ = x̄ᵀβ̂`). For a 0/1 allocation this is the linear
/// probability model; for a score, the score regression. Stata: `oaxaca y x…, by(g) weight(1)`
/// (Jann's `weight(1)` puts the reference group's coefficients in the explained part when the
/// reference is the second group).
///
/// Standard errors by the delta method (Jann 2008, §2.2), the coefficient covariances being the
/// robust ones and the two groups independent:
///
///     Var(explained)   = Δx̄ᵀ V_ref Δx̄             [+ β̂_refᵀ (V(x̄_g) + V(x̄_ref)) β̂_ref]
///     Var(unexplained) = x̄_gᵀ (V_g + V_ref) x̄_g   [+ (β̂_g − β̂_ref)ᵀ V(x̄_g) (β̂_g − β̂_ref)]
///
/// the bracketed terms only with stochastic regressors (``RegressorVariance``).
///
/// **Rank deficiency.** A characteristic constant within a group (every applicant of the group
/// has the same points for it) or collinear with others has no identified coefficient. It is
/// then dropped from both groups' regressions, for this comparison, and listed in
/// `droppedCriteria`: its effect moves into the intercepts, hence into the unexplained part.
/// The column to drop is the one QR flags (`LAPACK.leastSquares` → `rankDeficient(column:)`),
/// repeatedly, until both fits have full rank.
public enum OaxacaBlinder {
    /// Decomposes the outcome gap of every non-empty group other than `reference`.
    ///
    /// - Parameters:
    ///   - characteristics: `n × k` (typically the contribution matrix `C`, or the raw criteria).
    ///   - criteria: the `k` column names.
    ///   - outcome: `n` outcomes (0/1 allocations, or scores).
    ///   - groups: `n` group codes, −1 for an excluded row.
    ///   - reference: the reference group's code.
    ///   - covariance: HC1 (default) or HC3.
    ///   - regressors: whether the standard errors treat `x̄` as fixed or stochastic (default).
    /// - Returns: one decomposition per group with at least one row, ascending by code. A
    ///   decomposition is undefined (every value with a reason) when either group has no more
    ///   rows than coefficients.
    /// - Throws: ``DriversError`` on malformed input.
    public static func decompose(characteristics: Matrix, criteria: [String], outcome: [Double], groups: [Int32],
                                 reference: Int32, covariance: RobustCovariance = .hc1,
                                 regressors: RegressorVariance = .stochastic) throws -> [OaxacaBlinderDecomposition] {
        let n = characteristics.rows
        try DriversInput.requireCount(criteria.count, characteristics.columns, "characteristic names (one per column)")
        try DriversInput.requireCount(outcome.count, n, "outcome (one value per row)")
        try DriversInput.requireCount(groups.count, n, "group codes (one per row)")
        try DriversInput.requireFinite(characteristics, "characteristics")
        try DriversInput.requireFinite(outcome, "outcome")
        guard reference >= 0 else { throw DriversError.invalidArgument("reference group: expected a code ≥ 0, got \(reference)") }
        let groupCount = max(try DriversInput.levelCount(groups, "group codes"), Int(reference) + 1)

        var rowsOf = [[Int]](repeating: [], count: groupCount)
        for (i, code) in groups.enumerated() where code >= 0 { rowsOf[Int(code)].append(i) }
        let r = Int(reference)
        var result: [OaxacaBlinderDecomposition] = []
        for g in 0..<groupCount where g != r && !rowsOf[g].isEmpty {
            result.append(try pair(g: g, r: r, rowsOf: rowsOf, x: characteristics, criteria: criteria,
                                   y: outcome, covariance: covariance, regressors: regressors))
        }
        return result
    }

    /// One group against the reference.
    private static func pair(g: Int, r: Int, rowsOf: [[Int]], x: Matrix, criteria: [String], y: [Double],
                             covariance: RobustCovariance, regressors: RegressorVariance) throws -> OaxacaBlinderDecomposition {
        let rowsG = rowsOf[g], rowsR = rowsOf[r]
        let yG = rowsG.map { y[$0] }, yR = rowsR.map { y[$0] }
        let meanG = mean(yG), meanR = mean(yR)
        var kept = Array(0..<x.columns)
        var dropped: [String] = []

        func undefined(_ reason: String) -> OaxacaBlinderDecomposition {
            let u = MetricValue.undefined(reason: reason)
            var gap = u
            if let meanG, let meanR { gap = .defined(meanG - meanR) }
            return OaxacaBlinderDecomposition(
                group: Int32(g), reference: Int32(r), count: rowsG.count, referenceCount: rowsR.count,
                outcomeMean: meanG.map(MetricValue.defined) ?? .undefined(reason: "the group has no rows"),
                referenceOutcomeMean: meanR.map(MetricValue.defined) ?? .undefined(reason: "the reference group has no rows"),
                gap: gap, explained: u, explainedStandardError: u, unexplained: u, unexplainedStandardError: u,
                byCriterion: [], droppedCriteria: dropped, groupFit: nil, referenceFit: nil)
        }

        while true {
            let k = kept.count + 1
            guard rowsR.count > k else {
                return undefined("the reference group has \(rowsR.count) rows, it needs more than its \(k) coefficients")
            }
            guard rowsG.count > k else {
                return undefined("the group has \(rowsG.count) rows, it needs more than its \(k) coefficients")
            }
            let designG = try design(x, rows: rowsG, columns: kept)
            let designR = try design(x, rows: rowsR, columns: kept)
            let fitR: LinearRegressionFit, fitG: LinearRegressionFit
            do {
                fitR = try LinearRegression.fit(design: designR, outcome: yR, covariance: covariance)
                fitG = try LinearRegression.fit(design: designG, outcome: yG, covariance: covariance)
            } catch LinearAlgebraError.rankDeficient(let column) {
                guard column >= 1, column <= kept.count else {
                    return undefined("the intercept is not identified (rank-deficient design)")
                }
                dropped.append(criteria[kept[column - 1]])
                kept.remove(at: column - 1)
                continue
            }
            guard let meanG, let meanR else { return undefined("a group has no rows") }
            return assemble(g: g, r: r, designG: designG, designR: designR, fitG: fitG, fitR: fitR,
                            meanG: meanG, meanR: meanR, kept: kept, criteria: criteria,
                            dropped: dropped, regressors: regressors)
        }
    }

    private static func assemble(g: Int, r: Int, designG: Matrix, designR: Matrix,
                                 fitG: LinearRegressionFit, fitR: LinearRegressionFit,
                                 meanG: Double, meanR: Double, kept: [Int], criteria: [String],
                                 dropped: [String], regressors: RegressorVariance) -> OaxacaBlinderDecomposition {
        let k = designG.columns
        let xbarG = columnMeans(designG), xbarR = columnMeans(designR)
        let bG = fitG.coefficients, bR = fitR.coefficients
        let delta = (0..<k).map { xbarG[$0] - xbarR[$0] }
        let dBeta = (0..<k).map { bG[$0] - bR[$0] }
        let explained = (0..<k).reduce(0.0) { $0 + delta[$1] * bR[$1] }
        let unexplained = (0..<k).reduce(0.0) { $0 + xbarG[$1] * dBeta[$1] }

        let covXG = regressors == .stochastic ? meanCovariance(designG, xbarG) : nil
        let covXR = regressors == .stochastic ? meanCovariance(designR, xbarR) : nil
        let seExplained: MetricValue, seUnexplained: MetricValue
        if regressors == .stochastic && (covXG == nil || covXR == nil) {
            let reason = "the covariance of the characteristics' means could not be computed"
            seExplained = .undefined(reason: reason)
            seUnexplained = .undefined(reason: reason)
        } else if let vR = fitR.covariance, let vG = fitG.covariance {
            var varE = quadratic(delta, vR), varU = quadratic(xbarG, vG) + quadratic(xbarG, vR)
            if let covXG, let covXR {
                varE += quadratic(bR, covXG) + quadratic(bR, covXR)
                varU += quadratic(dBeta, covXG)
            }
            seExplained = .defined(max(0, varE).squareRoot())
            seUnexplained = .defined(max(0, varU).squareRoot())
        } else {
            let reason = fitR.standardErrors.first?.reason ?? fitG.standardErrors.first?.reason ?? "undefined covariance"
            seExplained = .undefined(reason: reason)
            seUnexplained = .undefined(reason: reason)
        }
        let parts = kept.enumerated().map { index, column -> CriterionExplained in
            let j = index + 1
            let se: MetricValue
            if let vR = fitR.covariance {
                var v = delta[j] * delta[j] * vR[j, j]
                if let covXG, let covXR { v += bR[j] * bR[j] * (covXG[j, j] + covXR[j, j]) }
                se = .defined(max(0, v).squareRoot())
            } else {
                se = .undefined(reason: fitR.standardErrors[j].reason ?? "undefined covariance")
            }
            return CriterionExplained(criterion: criteria[column], groupMean: xbarG[j], referenceMean: xbarR[j],
                                      referenceCoefficient: bR[j], part: delta[j] * bR[j], standardError: se)
        }
        return OaxacaBlinderDecomposition(
            group: Int32(g), reference: Int32(r), count: designG.rows, referenceCount: designR.rows,
            outcomeMean: .defined(meanG), referenceOutcomeMean: .defined(meanR), gap: .defined(meanG - meanR),
            explained: .defined(explained), explainedStandardError: seExplained,
            unexplained: .defined(unexplained), unexplainedStandardError: seUnexplained,
            byCriterion: parts, droppedCriteria: dropped, groupFit: fitG, referenceFit: fitR)
    }

    /// `[1, x[rows, columns]]`: the intercept then the selected columns, for the selected rows.
    static func design(_ x: Matrix, rows: [Int], columns: [Int]) throws -> Matrix {
        let m = rows.count
        var storage = [Double](repeating: 1, count: m * (columns.count + 1))
        for (c, j) in columns.enumerated() {
            let source = j * x.rows, target = (c + 1) * m
            for (i, row) in rows.enumerated() { storage[target + i] = x.storage[source + row] }
        }
        return try Matrix(rows: m, columns: columns.count + 1, columnMajor: storage)
    }

    private static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    private static func columnMeans(_ m: Matrix) -> [Double] {
        (0..<m.columns).map { j in
            var s = 0.0
            for i in 0..<m.rows { s += m.storage[i + j * m.rows] }
            return s / Double(m.rows)
        }
    }

    /// `V(x̄) = S/n`, `S` the sample covariance (divisor `n − 1`) of the design's columns
    /// (the intercept's row and column are 0), by `BLAS.syrk` of the centred columns.
    private static func meanCovariance(_ m: Matrix, _ means: [Double]) -> Matrix? {
        let n = m.rows
        guard n >= 2 else { return nil }
        var centred = m.storage
        for j in 0..<m.columns {
            for i in 0..<n { centred[i + j * n] -= means[j] }
        }
        guard let s = try? BLAS.syrk(Matrix(rows: n, columns: m.columns, columnMajor: centred)) else { return nil }
        let scale = 1 / (Double(n - 1) * Double(n))
        return try? Matrix(rows: m.columns, columns: m.columns, columnMajor: s.storage.map { $0 * scale })
    }

    /// `vᵀ A v`.
    private static func quadratic(_ v: [Double], _ a: Matrix) -> Double {
        var total = 0.0
        for j in 0..<v.count {
            var row = 0.0
            for i in 0..<v.count { row += a[i, j] * v[i] }
            total += v[j] * row
        }
        return total
    }
}
