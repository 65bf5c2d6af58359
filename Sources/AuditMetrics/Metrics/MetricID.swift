/// What a value of Vigie's central table is: a typed identifier, formed only in the metrics
/// layer (its initialiser is internal to `AuditMetrics`), so that every module reads the same
/// identifiers and none invents a name.
///
/// The ``name`` is what `metrics.csv`, `model-metrics.csv`, `findings.csv` and `report.json`
/// print (`tpr`, `selection_rate_ratio`, `impact_ratio`, `score_gap_part:<criterion>`). A
/// comparison with a reference keeps what it compares (``compared``) and how
/// (``comparison``), so that the bootstrap re-computes `tpr_ratio` from the typed pair
/// (`.tpr`, `.ratio`) instead of parsing the name back. The catalogue of identifiers is in
/// the `MetricID+*.swift` extensions, one per family (audit, scores, allocation, waiting list,
/// model audit, human stage), each documented with its formula.
public struct MetricID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// How a value compares a quantity between a group and its reference.
    public enum Comparison: String, Hashable, Sendable {
        /// The group's value minus the reference's (`<name>_difference`).
        case difference
        /// The group's value over the reference's (`<name>_ratio`).
        case ratio
    }

    /// The published name (the `metric` column of the CSV tables, `name` in `report.json`).
    public let name: String
    /// The per-group metric of the audit it is, or compares, when it is one.
    public let rate: GroupMetric?
    /// The quantity a derived value is about: the compared rate of a difference or ratio, the
    /// tested rate of a p-value or an independence test, the rate of a minimum detectable gap.
    public var base: MetricID? { baseBox?.id }
    /// For a comparison with the reference: the identifier of the compared quantity.
    public var compared: MetricID? { comparison == nil ? nil : base }
    /// For a comparison with the reference: difference or ratio; `nil` otherwise.
    public let comparison: Comparison?
    private let baseBox: Box?

    /// Only the metrics layer forms identifiers.
    init(_ name: String, rate: GroupMetric? = nil) {
        self.name = name
        self.rate = rate
        self.comparison = nil
        self.baseBox = nil
    }

    /// A value derived from `base`, named `<base>_<suffix>` (a test, a detectable gap).
    init(_ base: MetricID, suffix: String) {
        self.name = "\(base.name)_\(suffix)"
        self.rate = nil
        self.comparison = nil
        self.baseBox = Box(id: base)
    }

    private init(comparing base: MetricID, by comparison: Comparison) {
        self.name = "\(base.name)_\(comparison.rawValue)"
        self.rate = base.rate
        self.comparison = comparison
        self.baseBox = Box(id: base)
    }

    /// This quantity's difference to the reference: `<name>_difference`.
    public var difference: MetricID { MetricID(comparing: self, by: .difference) }
    /// This quantity's ratio to the reference: `<name>_ratio`.
    public var ratio: MetricID { MetricID(comparing: self, by: .ratio) }
    /// The comparison of this quantity by `comparison`.
    public func compared(by comparison: Comparison) -> MetricID { MetricID(comparing: self, by: comparison) }

    public var description: String { name }

    /// Identifiers sort by their published name.
    public static func < (a: MetricID, b: MetricID) -> Bool { a.name < b.name }
    /// Two identifiers are the same metric when their published names are: a name is formed
    /// from what it is derived from, so it determines the rest (and one string comparison is
    /// all a lookup costs).
    public static func == (a: MetricID, b: MetricID) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// The compared identifier, boxed so that a comparison can hold the identifier it compares.
    private final class Box: Hashable, Sendable {
        let id: MetricID
        init(id: MetricID) { self.id = id }
        static func == (a: Box, b: Box) -> Bool { a.id == b.id }
        func hash(into hasher: inout Hasher) { hasher.combine(id.name) }
    }
}
