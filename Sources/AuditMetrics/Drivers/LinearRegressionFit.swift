import LinearAlgebra

/// An ordinary-least-squares fit with robust standard errors (see ``LinearRegression``).
public struct LinearRegressionFit: Sendable, Equatable {
    /// `β̂ = argmin ‖y − Xβ‖²`, one per design column.
    public let coefficients: [Double]
    /// The robust covariance of `β̂` (``RobustCovariance``), nil when it is undefined
    /// (`standardErrors` then carries the reason).
    public let covariance: Matrix?
    /// `√Vⱼⱼ`, one per coefficient.
    public let standardErrors: [MetricValue]
    /// The estimator used for `covariance`.
    public let covarianceType: RobustCovariance
    /// Rows `n`.
    public let observations: Int
    /// `Σ eᵢ²`.
    public let residualSumOfSquares: Double
}
