/// An exclusive group applied to the applicant: only the highest member counts
/// ("where criteria overlap, only the highest counts", Paris grid rule;
/// `docs/model.md`): the group gives `max_{c ∈ G} points_c`, ties going to the
/// first declared member.
public struct ExplanationGroup: Sendable, Equatable {
    /// The group's name.
    public var name: String
    /// Indices into ``ApplicantExplanation/criteria``, in declared order.
    public var members: [Int]
    /// The member that counted (index into ``ApplicantExplanation/criteria``).
    public var countedMember: Int
    /// The group's points: the counted member's points.
    public var points: Double

    public init(name: String, members: [Int], countedMember: Int, points: Double) {
        self.name = name
        self.members = members
        self.countedMember = countedMember
        self.points = points
    }
}
