/// One characteristic's part of the explained gap in a twofold Oaxaca–Blinder decomposition
/// with the reference group's coefficients: `(x̄_gj − x̄_refj) · β_refj`
/// (Jann 2008, *Stata Journal* 8(4), eq. 6, "detailed decomposition").
///
/// Its standard error is by the delta method:
/// `Var = (x̄_gj − x̄_refj)²·V(β_ref)ⱼⱼ`, plus `β_refj²·(V(x̄_g)ⱼⱼ + V(x̄_ref)ⱼⱼ)` when the
/// regressors are stochastic (``RegressorVariance``).
public struct CriterionExplained: Sendable, Equatable {
    /// The characteristic's name.
    public let criterion: String
    /// `x̄_gj`.
    public let groupMean: Double
    /// `x̄_refj`.
    public let referenceMean: Double
    /// `β_refj`, the reference group's coefficient.
    public let referenceCoefficient: Double
    /// `(x̄_gj − x̄_refj) · β_refj`.
    public let part: Double
    /// Its delta-method standard error; undefined when the reference covariance is.
    public let standardError: MetricValue
}
