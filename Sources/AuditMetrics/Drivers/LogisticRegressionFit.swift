/// A logistic regression fitted by IRLS (see ``LogisticRegression``).
public struct LogisticRegressionFit: Sendable, Equatable {
    /// `β̂`, one per design column; undefined (with the reason) under separation or a
    /// rank-deficient design.
    public let coefficients: [MetricValue]
    /// `√[(XᵀŴX)⁻¹]ⱼⱼ`, the model-based (observed = expected information) standard errors.
    public let standardErrors: [MetricValue]
    /// The maximised log-likelihood `Σ yᵢ ηᵢ − ln(1 + e^{ηᵢ})`; undefined as the coefficients.
    public let logLikelihood: MetricValue
    /// In-sample AUC of the fitted probabilities (``ReceiverOperating/auc(scores:labels:)``).
    /// Computed from the last iterate even under separation, where it is (near) 1: the
    /// features then predict the outcome (almost) perfectly.
    public let auc: MetricValue
    /// Newton (IRLS) steps taken.
    public let iterations: Int
    /// Whether the step criterion was met within ``LogisticRegression/maxIterations``.
    public let converged: Bool
    /// Whether complete or quasi-complete separation was detected (the maximum-likelihood
    /// estimate does not exist: some coefficient diverges).
    public let separation: Bool
}
