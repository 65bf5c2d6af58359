/// Criteria of which only the highest-scoring one counts on a row ("where
/// criteria overlap, only the highest counts", Paris grid rule; e.g. sans-abri /
/// hébergé / hôtel). A member that does not apply gives 0 points, so the group
/// gives `max_{c ∈ group} points_c` (≥ 0 unless every member gives a penalty).
public struct GridExclusiveGroup: Sendable, Equatable {
    /// Name for reports.
    public var name: String
    /// Indices into ``PointsGrid/criteria``, in declared order (ties go to the first).
    public var members: [Int]

    /// A group of criteria (indices into the grid's criteria).
    public init(name: String, members: [Int]) {
        self.name = name
        self.members = members
    }
}
