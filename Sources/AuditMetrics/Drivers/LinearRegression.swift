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
        let (matrix, reason) = try sandwich(design: design, residuals: residuals, type: covariance)
        let ses: [MetricValue] = (0..<k).map { j in
            guard let matrix else { return .undefined(reason: reason ?? "undefined covariance") }
            return .defined(max(0, matrix[j, j]).squareRoot())
        }
        return LinearRegressionFit(coefficients: beta, covariance: matrix, standardErrors: ses,
                                   covarianceType: covariance, observations: n, residualSumOfSquares: rss)
    }

    /// The robust covariance, or nil and the reason it is undefined.
    static func sandwich(design x: Matrix, residuals e: [Double], type: RobustCovariance) throws -> (Matrix?, String?) {
        let n = x.rows, k = x.columns
        let bread: Matrix
        do {
            bread = try LAPACK.choleskyInverse(try BLAS.syrk(x))
        } catch LinearAlgebraError.notPositiveDefinite {
            return (nil, "XᵀX is not positive definite: the design is rank deficient")
        }
        var scale = [Double](repeating: 0, count: n)
        switch type {
        case .hc1:
            guard n > k else { return (nil, "HC1 needs more rows than coefficients (\(n) rows, \(k) coefficients)") }
            let factor = (Double(n) / Double(n - k)).squareRoot()
            for i in 0..<n { scale[i] = abs(e[i]) * factor }
        case .hc3:
            let xa = try BLAS.gemm(x, bread)
            for i in 0..<n {
                var h = 0.0
                for j in 0..<k { h += xa.storage[i + j * n] * x.storage[i + j * n] }
                guard h < 1 - 1e-12 else { return (nil, "HC3 is undefined: row \(i + 1) has leverage 1") }
                scale[i] = abs(e[i]) / (1 - h)
            }
        }
        let meat = try WeightedGram.compute(x, scale: scale)
        let v = try BLAS.gemm(try BLAS.gemm(bread, meat), bread)
        return (v, nil)
    }
}
