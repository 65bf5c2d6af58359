/// The heteroskedasticity-consistent ("robust", sandwich) covariance estimator of OLS
/// coefficients (MacKinnon & White 1985, *J. Econometrics* 29:305–325; Long & Ervin 2000,
/// *Am. Statistician* 54:217–224):
///
///     V = (XᵀX)⁻¹ · Xᵀ diag(ωᵢ) X · (XᵀX)⁻¹
///
/// with `eᵢ` the residuals, `hᵢᵢ` the leverages (diagonal of the hat matrix), `n` rows and
/// `k` columns. These are statsmodels' `OLS(...).fit(cov_type='HC1')` and `'HC3'`.
/// A linear probability model (a 0/1 outcome) is heteroskedastic by construction, so its
/// standard errors must be robust.
public enum RobustCovariance: String, Sendable, Equatable, CaseIterable {
    /// `ωᵢ = eᵢ² · n/(n − k)` (Hinkley 1977; Stata's `vce(robust)`); undefined when `n ≤ k`.
    case hc1
    /// `ωᵢ = eᵢ²/(1 − hᵢᵢ)²` (the jackknife approximation; Long & Ervin recommend it for
    /// small samples); undefined when some `hᵢᵢ = 1`.
    case hc3
}
