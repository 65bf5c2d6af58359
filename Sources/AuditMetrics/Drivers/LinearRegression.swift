import LinearAlgebra

/// Ordinary least squares through LAPACK, with heteroskedasticity-robust standard errors.
///
/// `β̂` comes from the Householder QR of `X` (`LAPACK.leastSquares`, `dgels`), never from the
/// normal equations. The robust covariance (``RobustCovariance``) is the sandwich
/// `(XᵀX)⁻¹ Xᵀdiag(ωᵢ)X (XᵀX)⁻¹`: the bread by Cholesky (`LAPACK.choleskyInverse` of
/// `BLAS.syrk(X)`), the meat as the Gram matrix of `X` with row `i` scaled by `√ωᵢ` (``WeightedGram``,
/// blocked `BLAS.gemm`), so there is no per-row loop of dense products. Checked against statsmodels
/// `OLS(y, X).fit(cov_type='HC1' | 'HC3')`.
public enum LinearRegression {
    /// Fits `y = Xβ + e` by least squares.
    ///
    /// - Parameters:
    ///   - design: `X`, `n × k`, `n ≥ k ≥ 1`; include a column of ones for an intercept.
    ///   - outcome: `y`, `n` values.
    ///   - covariance: the robust estimator, HC1 by default.
    /// - Throws: ``DriversError`` for mismatched sizes, non-finite values or `n < k`;
    ///   `LinearAlgebraError.rankDeficient(column:)` (zero-based design column) when `X` does not
    ///   have full column rank (a constant or collinear column).
    public static func fit(design: Matrix, outcome: [Double], covariance: RobustCovariance = .hc1) throws -> LinearRegressionFit {
        let n = design.rows, k = design.columns
        try DriversInput.requireCount(outcome.count, n, "outcome (one value per design row)")
        try DriversInput.requireFinite(design, "design matrix")
        try DriversInput.requireFinite(outcome, "outcome")
        guard k >= 1, n >= k else {
            throw DriversError.invalidArgument("least squares: expected at least as many rows as columns (≥ 1), got \(n) rows and \(k) columns")
        }
        let beta = try LAPACK.leastSquares(design, outcome)
        let fitted = try BLAS.gemv(design, beta)
        var residuals = [Double](repeating: 0, count: n)
        var rss = 0.0
        for i in 0..<n {
            residuals[i] = outcome[i] - fitted[i]
            rss += residuals[i] * residuals[i]
        }
        let (matrix, reason) = try sandwich(design: design, residuals: residuals, frequencies: nil, type: covariance)
        let ses: [MetricValue] = (0..<k).map { j in
            guard let matrix else { return .undefined(reason: reason ?? "undefined covariance") }
            return .defined(max(0, matrix[j, j]).squareRoot())
        }
        return LinearRegressionFit(coefficients: beta, covariance: matrix, standardErrors: ses,
                                   covarianceType: covariance, observations: n, residualSumOfSquares: rss)
    }

    /// Fits `y = Xβ + e` with frequency weights: row `i` stands for `fᵢ` identical observations
    /// (the rows of one pattern of a ``DesignPatterns``, or an applicant of weight `fᵢ`). The
    /// result is the fit on the expanded rows:
    ///
    ///     β̂ = argmin Σ fᵢ (yᵢ − xᵢᵀβ)²        (the QR of √F X against √F y, `dgels`)
    ///     bread = (XᵀFX)⁻¹,  n = Σ fᵢ
    ///     HC1: meat = n/(n − k) · Σ fᵢ eᵢ² xᵢxᵢᵀ
    ///     HC3: meat = Σ fᵢ eᵢ²/(1 − hᵢ)² xᵢxᵢᵀ,  hᵢ = xᵢᵀ (XᵀFX)⁻¹ xᵢ
    ///
    /// `hᵢ` is the leverage of *one* of the `fᵢ` identical rows (each has the same), so HC3 on
    /// the compressed rows equals HC3 on the expanded rows exactly. Rows with `fᵢ = 0` count for
    /// nothing. Fewer rows than columns are padded with zero-frequency rows, so a compressed design
    /// with fewer patterns than coefficients is reported rank deficient, as the expanded one is.
    ///
    /// - Parameters:
    ///   - frequencies: `fᵢ ≥ 0`, one per row.
    ///   - observations: the rows represented, reported as ``LinearRegressionFit/observations``.
    /// - Throws: as ``fit(design:outcome:covariance:)``; ``DriversError`` for a negative frequency.
    public static func fit(design: Matrix, outcome: [Double], frequencies: [Double], observations: Int,
                           covariance: RobustCovariance = .hc1) throws -> LinearRegressionFit {
        let m = design.rows, k = design.columns
        try DriversInput.requireCount(outcome.count, m, "outcome (one value per design row)")
        try DriversInput.requireCount(frequencies.count, m, "frequencies (one value per design row)")
        try DriversInput.requireFinite(design, "design matrix")
        try DriversInput.requireFinite(outcome, "outcome")
        try DriversInput.requireFinite(frequencies, "frequencies")
        if let row = frequencies.firstIndex(where: { $0 < 0 }) {
            throw DriversError.invalidArgument("frequencies: expected values ≥ 0, got \(frequencies[row]) at row \(row)")
        }
        let total = frequencies.reduce(0, +)
        guard k >= 1, total > 0 else {
            throw DriversError.invalidArgument("least squares: expected at least one column and a positive total frequency, got \(k) columns and a total of \(total)")
        }
        // Zero-frequency padding up to k rows (dgels needs m ≥ k; such rows change nothing).
        let padded = max(m, k)
        var x = design, y = outcome, f = frequencies
        if padded > m {
            var storage = [Double](repeating: 0, count: padded * k)
            for j in 0..<k {
                for i in 0..<m { storage[i + j * padded] = design.storage[i + j * m] }
            }
            x = try Matrix(rows: padded, columns: k, columnMajor: storage)
            y += [Double](repeating: 0, count: padded - m)
            f += [Double](repeating: 0, count: padded - m)
        }
        let roots = f.map { $0.squareRoot() }
        var scaled = x.storage
        for j in 0..<k {
            for i in 0..<padded { scaled[i + j * padded] *= roots[i] }
        }
        let beta = try LAPACK.leastSquares(try Matrix(rows: padded, columns: k, columnMajor: scaled),
                                           zip(y, roots).map { $0 * $1 })
        let fitted = try BLAS.gemv(x, beta)
        var residuals = [Double](repeating: 0, count: padded)
        var rss = 0.0
        for i in 0..<padded {
            residuals[i] = y[i] - fitted[i]
            rss += f[i] * residuals[i] * residuals[i]
        }
        let (matrix, reason) = try sandwich(design: x, residuals: residuals, frequencies: f, type: covariance)
        let ses: [MetricValue] = (0..<k).map { j in
            guard let matrix else { return .undefined(reason: reason ?? "undefined covariance") }
            return .defined(max(0, matrix[j, j]).squareRoot())
        }
        return LinearRegressionFit(coefficients: beta, covariance: matrix, standardErrors: ses,
                                   covarianceType: covariance, observations: observations, residualSumOfSquares: rss)
    }

    /// The robust covariance, or nil and the reason it is undefined; `frequencies` nil means 1 per
    /// row (the bread then is `syrk(X)` itself, bit for bit the unweighted computation).
    static func sandwich(design x: Matrix, residuals e: [Double], frequencies f: [Double]?,
                         type: RobustCovariance) throws -> (Matrix?, String?) {
        let n = x.rows, k = x.columns
        let roots = f?.map { $0.squareRoot() }
        let bread: Matrix
        do {
            let gram = try roots.map { try WeightedGram.compute(x, scale: $0) } ?? BLAS.syrk(x)
            bread = try LAPACK.choleskyInverse(gram)
        } catch LinearAlgebraError.notPositiveDefinite {
            return (nil, "XᵀX is not positive definite: the design is rank deficient")
        }
        let observations = f.map { $0.reduce(0, +) } ?? Double(n)
        var scale = [Double](repeating: 0, count: n)
        switch type {
        case .hc1:
            guard observations > Double(k) else {
                return (nil, "HC1 needs more rows than coefficients (\(f == nil ? String(n) : String(observations)) rows, \(k) coefficients)")
            }
            let factor = (observations / (observations - Double(k))).squareRoot()
            for i in 0..<n { scale[i] = abs(e[i]) * factor * (roots?[i] ?? 1) }
        case .hc3:
            let xa = try BLAS.gemm(x, bread)
            for i in 0..<n where (f?[i] ?? 1) > 0 {
                var h = 0.0
                for j in 0..<k { h += xa.storage[i + j * n] * x.storage[i + j * n] }
                guard h < 1 - 1e-12 else { return (nil, "HC3 is undefined: row \(i + 1) has leverage 1") }
                scale[i] = abs(e[i]) / (1 - h) * (roots?[i] ?? 1)
            }
        }
        let meat = try WeightedGram.compute(x, scale: scale)
        let v = try BLAS.gemm(try BLAS.gemm(bread, meat), bread)
        return (v, nil)
    }
}
