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
    ///   - weights: observation weights, frequency weights (a row of weight `w` counts as `w`
    ///     rows in the means, the fits and their covariances:
    ///     ``LinearRegression/fit(design:outcome:frequencies:observations:covariance:)``), nil
    ///     for 1 per row.
    /// - Returns: one decomposition per group with at least one row, ascending by code. A
    ///   decomposition is undefined (every value with a reason) when either group has no more
    ///   rows than coefficients.
    /// - Throws: ``DriversError`` on malformed input.
    public static func decompose(characteristics: Matrix, criteria: [String], outcome: [Double], groups: [Int32],
                                 reference: Int32, covariance: RobustCovariance = .hc1,
                                 regressors: RegressorVariance = .stochastic, weights: [Double]? = nil) throws -> [OaxacaBlinderDecomposition] {
        let n = characteristics.rows
        try DriversInput.requireCount(criteria.count, characteristics.columns, "characteristic names (one per column)")
        try DriversInput.requireCount(outcome.count, n, "outcome (one value per row)")
        try DriversInput.requireCount(groups.count, n, "group codes (one per row)")
        try DriversInput.requireFinite(characteristics, "characteristics")
        try DriversInput.requireFinite(outcome, "outcome")
        if let weights {
            try DriversInput.requireCount(weights.count, n, "weights (one value per row)")
            try DriversInput.requireFinite(weights, "weights")
            if let row = weights.firstIndex(where: { $0 < 0 }) {
                throw DriversError.invalidArgument("weights: expected values ≥ 0, got \(weights[row]) at row \(row)")
            }
        }
        guard reference >= 0 else { throw DriversError.invalidArgument("reference group: expected a code ≥ 0, got \(reference)") }
        let groupCount = max(try DriversInput.levelCount(groups, "group codes"), Int(reference) + 1)

        var rowsOf = [[Int]](repeating: [], count: groupCount)
        for (i, code) in groups.enumerated() where code >= 0 { rowsOf[Int(code)].append(i) }
        let members = rowsOf.map { rows in
            GroupRows(rows: rows, outcome: rows.map { outcome[$0] }, frequency: weights.map { w in rows.map { w[$0] } }, count: rows.count)
        }
        return try decompose(members, x: characteristics, criteria: criteria, reference: Int(reference),
                             covariance: covariance, regressors: regressors)
    }

    /// The same decompositions on a compressed design (``DesignPatterns``, made with the
    /// outcome and, if any, the weights): every mean, fit and covariance is summed over the
    /// (pattern, group) cells weighted by their frequency, which is exact (see
    /// ``DesignPatterns``); the result equals ``decompose(characteristics:criteria:outcome:groups:reference:covariance:regressors:weights:)``
    /// on the rows up to the order of floating-point sums.
    ///
    /// - Parameter groups: `n` group codes (one per row of the compressed design), −1 for an
    ///   excluded row.
    public static func decompose(patterns: DesignPatterns, criteria: [String], groups: [Int32],
                                 reference: Int32, covariance: RobustCovariance = .hc1,
                                 regressors: RegressorVariance = .stochastic) throws -> [OaxacaBlinderDecomposition] {
        try DriversInput.requireCount(criteria.count, patterns.design.columns, "characteristic names (one per column)")
        guard reference >= 0 else { throw DriversError.invalidArgument("reference group: expected a code ≥ 0, got \(reference)") }
        let cells = try patterns.cells(groups: groups)
        let groupCount = max(Int((cells.map(\.group).max() ?? -1) + 1), Int(reference) + 1)
        var members = [GroupRows](repeating: GroupRows(rows: [], outcome: [], frequency: [], count: 0), count: groupCount)
        for cell in cells {
            let g = Int(cell.group)
            members[g].rows.append(cell.pattern)
            members[g].outcome.append(patterns.outcome[cell.pattern])
            members[g].frequency?.append(cell.frequency)
            members[g].count += cell.count
        }
        return try decompose(members, x: patterns.design, criteria: criteria, reference: Int(reference),
                             covariance: covariance, regressors: regressors)
    }

    /// A group's rows of the design `x` (rows of the data, or patterns with their frequencies).
    struct GroupRows {
        /// Indices of `x`'s rows.
        var rows: [Int]
        /// The outcome of each.
        var outcome: [Double]
        /// Each one's frequency weight; nil for 1 each (bit for bit the unweighted computation).
        var frequency: [Double]?
        /// Rows of the data represented.
        var count: Int

        /// `Σ f·y / Σ f`, nil when empty.
        var mean: Double? {
            guard count > 0 else { return nil }
            guard let frequency else { return outcome.reduce(0, +) / Double(outcome.count) }
            let total = frequency.reduce(0, +)
            guard total > 0 else { return nil }
            return zip(outcome, frequency).reduce(0.0) { $0 + $1.1 * $1.0 } / total
        }
    }

    private static func decompose(_ members: [GroupRows], x: Matrix, criteria: [String], reference r: Int,
                                  covariance: RobustCovariance, regressors: RegressorVariance) throws -> [OaxacaBlinderDecomposition] {
        var result: [OaxacaBlinderDecomposition] = []
        for g in members.indices where g != r && members[g].count > 0 {
            result.append(try pair(g: g, r: r, group: members[g], referenceGroup: members[r], x: x, criteria: criteria,
                                   covariance: covariance, regressors: regressors))
        }
        return result
    }

    /// One group against the reference.
    private static func pair(g: Int, r: Int, group: GroupRows, referenceGroup: GroupRows, x: Matrix, criteria: [String],
                             covariance: RobustCovariance, regressors: RegressorVariance) throws -> OaxacaBlinderDecomposition {
        let meanG = group.mean, meanR = referenceGroup.mean
        var kept = Array(0..<x.columns)
        var dropped: [String] = []

        func undefined(_ reason: String) -> OaxacaBlinderDecomposition {
            let u = MetricValue.undefined(reason: reason)
            var gap = u
            if let meanG, let meanR { gap = .defined(meanG - meanR) }
            return OaxacaBlinderDecomposition(
                group: Int32(g), reference: Int32(r), count: group.count, referenceCount: referenceGroup.count,
                outcomeMean: meanG.map(MetricValue.defined) ?? .undefined(reason: "the group has no rows"),
                referenceOutcomeMean: meanR.map(MetricValue.defined) ?? .undefined(reason: "the reference group has no rows"),
                gap: gap, explained: u, explainedStandardError: u, unexplained: u, unexplainedStandardError: u,
                byCriterion: [], droppedCriteria: dropped, groupFit: nil, referenceFit: nil)
        }

        func fit(_ design: Matrix, _ rows: GroupRows) throws -> LinearRegressionFit {
            guard let frequency = rows.frequency else {
                return try LinearRegression.fit(design: design, outcome: rows.outcome, covariance: covariance)
            }
            return try LinearRegression.fit(design: design, outcome: rows.outcome, frequencies: frequency,
                                            observations: rows.count, covariance: covariance)
        }

        while true {
            let k = kept.count + 1
            guard referenceGroup.count > k else {
                return undefined("the reference group has \(referenceGroup.count) rows, it needs more than its \(k) coefficients")
            }
            guard group.count > k else {
                return undefined("the group has \(group.count) rows, it needs more than its \(k) coefficients")
            }
            let designG = try design(x, rows: group.rows, columns: kept)
            let designR = try design(x, rows: referenceGroup.rows, columns: kept)
            let fitR: LinearRegressionFit, fitG: LinearRegressionFit
            do {
                fitR = try fit(designR, referenceGroup)
                fitG = try fit(designG, group)
            } catch LinearAlgebraError.rankDeficient(let column) {
                guard column >= 1, column <= kept.count else {
                    return undefined("the intercept is not identified (rank-deficient design)")
                }
                dropped.append(criteria[kept[column - 1]])
                kept.remove(at: column - 1)
                continue
            }
            guard let meanG, let meanR else { return undefined("a group has no rows") }
            return assemble(g: g, r: r, designG: designG, designR: designR, group: group, referenceGroup: referenceGroup,
                            fitG: fitG, fitR: fitR, meanG: meanG, meanR: meanR, kept: kept, criteria: criteria,
                            dropped: dropped, regressors: regressors)
        }
    }

    private static func assemble(g: Int, r: Int, designG: Matrix, designR: Matrix, group: GroupRows, referenceGroup: GroupRows,
                                 fitG: LinearRegressionFit, fitR: LinearRegressionFit,
                                 meanG: Double, meanR: Double, kept: [Int], criteria: [String],
                                 dropped: [String], regressors: RegressorVariance) -> OaxacaBlinderDecomposition {
        let k = designG.columns
        let xbarG = columnMeans(designG, group.frequency), xbarR = columnMeans(designR, referenceGroup.frequency)
        let bG = fitG.coefficients, bR = fitR.coefficients
        let delta = (0..<k).map { xbarG[$0] - xbarR[$0] }
        let dBeta = (0..<k).map { bG[$0] - bR[$0] }
        let explained = (0..<k).reduce(0.0) { $0 + delta[$1] * bR[$1] }
        let unexplained = (0..<k).reduce(0.0) { $0 + xbarG[$1] * dBeta[$1] }

        let covXG = regressors == .stochastic ? meanCovariance(designG, xbarG, group.frequency) : nil
        let covXR = regressors == .stochastic ? meanCovariance(designR, xbarR, referenceGroup.frequency) : nil
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
            group: Int32(g), reference: Int32(r), count: group.count, referenceCount: referenceGroup.count,
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

    /// Column means, weighted by `f` (`Σ f·x / Σ f`) when given.
    private static func columnMeans(_ m: Matrix, _ f: [Double]?) -> [Double] {
        let total = f.map { $0.reduce(0, +) } ?? Double(m.rows)
        return (0..<m.columns).map { j in
            var s = 0.0
            if let f {
                for i in 0..<m.rows { s += f[i] * m.storage[i + j * m.rows] }
            } else {
                for i in 0..<m.rows { s += m.storage[i + j * m.rows] }
            }
            return s / total
        }
    }

    /// `V(x̄) = S/n`, `S` the sample covariance (divisor `n − 1`) of the design's columns
    /// (the intercept's row and column are 0), by `BLAS.syrk` of the centred columns; with
    /// frequencies `f`, `n = Σ f` and the centred rows scaled by `√f` (``WeightedGram``).
    private static func meanCovariance(_ m: Matrix, _ means: [Double], _ f: [Double]?) -> Matrix? {
        let rows = m.rows
        let n = f.map { $0.reduce(0, +) } ?? Double(rows)
        guard n >= 2 else { return nil }
        var centred = m.storage
        for j in 0..<m.columns {
            for i in 0..<rows { centred[i + j * rows] -= means[j] }
        }
        guard let centredMatrix = try? Matrix(rows: rows, columns: m.columns, columnMajor: centred),
              let s = try? (f.map { try WeightedGram.compute(centredMatrix, scale: $0.map { $0.squareRoot() }) } ?? BLAS.syrk(centredMatrix))
        else { return nil }
        let scale = 1 / ((n - 1) * n)
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
