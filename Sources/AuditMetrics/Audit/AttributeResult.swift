import AuditData

/// The audit of one protected attribute or intersection: its groups, its reference, and the
/// attribute-level aggregates of Fairlearn.
public struct AttributeResult: Sendable, Equatable {
    /// `race`, or `race*sex`.
    public let name: String
    /// The attributes it crosses (one for a plain attribute).
    public let components: [String]
    /// The reference group.
    public let reference: ResolvedReference
    /// The groups in output order (empty intersections included, with count 0).
    public let groups: [GroupResult]
    /// Fairlearn's aggregates over the non-empty groups whose rates are defined:
    /// `demographic_parity_difference|ratio`, `equalized_odds_difference|ratio`, each also
    /// `_to_overall`.
    public let aggregates: [MetricEntry]
    /// For a banded or quantile-binned attribute, the cut points (quantiles computed from the data).
    public let cutPoints: [Double]
    /// How the attribute was binned (`.none` for categorical attributes and intersections).
    public let binning: Binning

    public init(name: String, components: [String], reference: ResolvedReference, groups: [GroupResult], aggregates: [MetricEntry], cutPoints: [Double] = [], binning: Binning = .none) {
        self.name = name
        self.components = components
        self.reference = reference
        self.groups = groups
        self.aggregates = aggregates
        self.cutPoints = cutPoints
        self.binning = binning
    }

    /// Whether this crosses two or more attributes.
    public var isIntersection: Bool { components.count > 1 }

    /// A group by label.
    public subscript(_ label: String) -> GroupResult? { groups.first { $0.label == label } }

    /// An aggregate by name.
    public func aggregate(_ name: String) -> MetricValue? { aggregates.first { $0.name == name }?.value }
}
