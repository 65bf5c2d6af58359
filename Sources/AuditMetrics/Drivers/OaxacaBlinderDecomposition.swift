/// A group's outcome gap to the reference split into a part explained by the characteristics
/// and an unexplained part (see ``OaxacaBlinder``).
public struct OaxacaBlinderDecomposition: Sendable, Equatable {
    /// The group's code.
    public let group: Int32
    /// The reference group's code.
    public let reference: Int32
    /// Rows in the group.
    public let count: Int
    /// Rows in the reference group.
    public let referenceCount: Int
    /// `ȳ_g`, the group's mean outcome (an allocation rate for a 0/1 outcome).
    public let outcomeMean: MetricValue
    /// `ȳ_ref`.
    public let referenceOutcomeMean: MetricValue
    /// `ȳ_g − ȳ_ref = explained + unexplained`.
    public let gap: MetricValue
    /// `(x̄_g − x̄_ref)ᵀ β̂_ref`: the part of the gap due to differences in characteristics.
    public let explained: MetricValue
    /// Delta-method standard error of `explained`.
    public let explainedStandardError: MetricValue
    /// `x̄_gᵀ (β̂_g − β̂_ref)`: the part due to differences in coefficients (how the same
    /// characteristics are rewarded), intercepts included.
    public let unexplained: MetricValue
    /// Delta-method standard error of `unexplained`.
    public let unexplainedStandardError: MetricValue
    /// The explained part, characteristic by characteristic (those kept in the model, in the
    /// input order); the parts sum to `explained`.
    public let byCriterion: [CriterionExplained]
    /// Characteristics left out of both regressions because they were constant in a group or
    /// collinear with the others (their coefficient is not identified), in the order dropped.
    public let droppedCriteria: [String]
    /// The group's regression (intercept first, then the kept characteristics), nil when undefined.
    public let groupFit: LinearRegressionFit?
    /// The reference group's regression, nil when undefined.
    public let referenceFit: LinearRegressionFit?
}
