/// A comparison that differs from its reference on mandated priorities only
/// (`GroupResult.priorityGap`): which side holds the priorities the other lacks.
public enum PriorityGap: Sendable, Equatable {
    /// The group holds these priorities and the reference does not (`handicap=oui` against `non`).
    case groupFavoured(Set<String>)
    /// The reference holds these priorities and the group does not.
    case referenceFavoured(Set<String>)

    /// The priorities involved.
    public var priorities: Set<String> {
        switch self { case .groupFavoured(let p), .referenceFavoured(let p): return p }
    }

    /// Whether a gap of sign `sign` (group minus reference, or ratio minus 1) in a metric whose
    /// favourable direction is `direction` (+1: higher means more favourable outcomes to the
    /// group; −1: lower does) is in favour of the side holding the priority.
    public func favoursPriority(sign: Double, direction: Int) -> Bool {
        let favoursGroup = sign * Double(direction) > 0
        switch self {
        case .groupFavoured: return favoursGroup
        case .referenceFavoured: return sign * Double(direction) < 0
        }
    }
}
