/// The allocation audit of one group (or of the whole population): means, median,
/// per-capita amount, shortfall against need, and inequality within the group.
public struct AllocationGroupResult: Sendable, Equatable {
    public let label: String
    /// Households with an allocation (missing allocations are excluded and counted).
    public let households: Int
    public let isReference: Bool
    public let belowMinSize: Bool
    /// `allocation_mean`, `allocation_median`, `allocation_per_capita`, `shortfall_share`,
    /// `shortfall_mean`, then the inequality indices (`gini`, `theil_t`, …) within the group.
    public let metrics: [MetricEntry]
    /// Against the reference group: `allocation_mean_ratio`, `allocation_median_ratio`,
    /// `allocation_per_capita_ratio`, `shortfall_share_difference`, `shortfall_share_ratio`.
    public let disparities: [MetricEntry]

    public init(label: String, households: Int, isReference: Bool, belowMinSize: Bool, metrics: [MetricEntry], disparities: [MetricEntry]) {
        self.label = label
        self.households = households
        self.isReference = isReference
        self.belowMinSize = belowMinSize
        self.metrics = metrics
        self.disparities = disparities
    }

    /// The metric or disparity with this identifier.
    public subscript(_ id: MetricID) -> MetricEntry? {
        metrics.first { $0.id == id } ?? disparities.first { $0.id == id }
    }

    /// The entry whose published name is `name`: for names read from a file, never to form a
    /// name in code — use the ``MetricID``.
    public func entry(named name: String) -> MetricEntry? {
        metrics.first { $0.name == name } ?? disparities.first { $0.name == name }
    }
}

/// The allocation audit of one attribute or intersection.
public struct AllocationAttributeResult: Sendable, Equatable {
    public let name: String
    public let reference: String?
    public let groups: [AllocationGroupResult]
    /// Exact between/within decompositions: `theil_t_between`, `theil_t_within`,
    /// `theil_l_between`, `theil_l_within`, `ge_2_between`, `ge_2_within`.
    public let decompositions: [MetricEntry]

    public init(name: String, reference: String?, groups: [AllocationGroupResult], decompositions: [MetricEntry]) {
        self.name = name
        self.reference = reference
        self.groups = groups
        self.decompositions = decompositions
    }

    public subscript(_ label: String) -> AllocationGroupResult? { groups.first { $0.label == label } }
}

/// A point of a Lorenz or concentration curve: the poorest share `p` of households holds
/// `share` of the total.
public struct CurvePoint: Sendable, Equatable {
    public let p: Double
    public let share: Double

    public init(p: Double, share: Double) {
        self.p = p
        self.share = share
    }
}

/// Everything the allocation audit found.
public struct AllocationResult: Sendable, Equatable {
    /// The audited quantity (`volume_m3_an`, or `bill` under a tariff).
    public let quantity: String
    /// The whole population.
    public let overall: AllocationGroupResult
    public let attributes: [AllocationAttributeResult]
    /// The Lorenz curve of the allocation (21 points).
    public let lorenz: [CurvePoint]
    /// The concentration curve of the allocation ranked by `rank_by` (income), if given.
    public let concentration: [CurvePoint]?
    /// Households without an allocation value.
    public let missing: Int

    public init(quantity: String, overall: AllocationGroupResult, attributes: [AllocationAttributeResult], lorenz: [CurvePoint], concentration: [CurvePoint]?, missing: Int) {
        self.quantity = quantity
        self.overall = overall
        self.attributes = attributes
        self.lorenz = lorenz
        self.concentration = concentration
        self.missing = missing
    }

    public subscript(_ name: String) -> AllocationAttributeResult? { attributes.first { $0.name == name } }
}
