/// One evaluated candidate grid: its weights (in steps of ``AmendmentSpace``), what it does
/// (``AmendmentMeasure``) and how far it is from the targets and from the baseline.
public struct AmendmentCandidate: Sendable, Equatable {
    /// `k_f` per feature (weight = `k_f × step`).
    public let steps: [Int]
    public let measure: AmendmentMeasure
    /// Per target, how far its metric falls short (0 when met; +∞ when undefined).
    public let shortfalls: [Double]
    /// The total absolute change in points (``AmendmentSpace/totalChange(_:)``, plus
    /// ``AmendmentEdges/reach(_:weights:firstFeature:)`` of a moved edge).
    public let totalChange: Double
    /// With `--allow band-edges`, the value of every movable edge (``AmendmentEdges``); empty
    /// otherwise.
    public let edges: [Double]
    /// Whether one of ``edges`` differs from the baseline's.
    public let edgeMoved: Bool

    public init(steps: [Int], measure: AmendmentMeasure, shortfalls: [Double], totalChange: Double, edges: [Double] = [], edgeMoved: Bool = false) {
        self.edgeMoved = edgeMoved
        self.steps = steps
        self.measure = measure
        self.shortfalls = shortfalls
        self.totalChange = totalChange
        self.edges = edges
    }

    /// Whether every target is met.
    public var meetsEveryTarget: Bool { shortfalls.allSatisfy { $0 == 0 } }
    public var totalShortfall: Double { shortfalls.reduce(0, +) }

    /// Whether `self` is at least as good as `other` on every objective — each target's
    /// shortfall, changed selections, total change — and better on one (Pareto dominance).
    public func dominates(_ other: AmendmentCandidate) -> Bool {
        var better = false
        for (a, b) in zip(shortfalls, other.shortfalls) {
            if a > b { return false }
            if a < b { better = true }
        }
        if measure.changed > other.measure.changed || totalChange > other.totalChange { return false }
        return better || measure.changed < other.measure.changed || totalChange < other.totalChange
    }

    /// The proposals' order: those meeting every target first, by changed selections then total
    /// change; then the others by total shortfall, changed selections, total change; ties by
    /// unmoved edges first, then the weights (lexicographic steps) and edges, so the order is
    /// total and deterministic.
    public static func precedes(_ a: AmendmentCandidate, _ b: AmendmentCandidate) -> Bool {
        if a.meetsEveryTarget != b.meetsEveryTarget { return a.meetsEveryTarget }
        if !a.meetsEveryTarget, a.totalShortfall != b.totalShortfall { return a.totalShortfall < b.totalShortfall }
        if a.measure.changed != b.measure.changed { return a.measure.changed < b.measure.changed }
        if a.totalChange != b.totalChange { return a.totalChange < b.totalChange }
        // Equal objectives: the grid with its edges first (a moved edge that changes nothing is no proposal).
        if a.edgeMoved != b.edgeMoved { return !a.edgeMoved }
        if a.steps != b.steps { return a.steps.lexicographicallyPrecedes(b.steps) }
        return a.edges.lexicographicallyPrecedes(b.edges)
    }

    /// The non-dominated candidates, in ``precedes(_:_:)`` order. Equal objectives keep only
    /// the first in that order.
    public static func paretoFront(_ candidates: [AmendmentCandidate]) -> [AmendmentCandidate] {
        let sorted = candidates.sorted(by: precedes)
        var front: [AmendmentCandidate] = []
        for c in sorted {
            let equal = front.contains { $0.shortfalls == c.shortfalls && $0.measure.changed == c.measure.changed && $0.totalChange == c.totalChange }
            if equal || front.contains(where: { $0.dominates(c) }) { continue }
            // Sorted so that no later candidate dominates an earlier one on the meeting side;
            // remove any that the newcomer dominates all the same.
            front.removeAll { c.dominates($0) }
            front.append(c)
        }
        return front.sorted(by: precedes)
    }
}
