/// One stratum's 2×2 table: a protected group against the reference group, selected or not.
///
///                   selected   not selected
///     group            a            b
///     reference        c            d
///
/// Counts are `Double` so that they may be sums of weights. This is the orientation of
/// statsmodels `StratifiedTable` (`table[0, 0] = a`, `[0, 1] = b`, `[1, 0] = c`, `[1, 1] = d`),
/// so the odds ratio `ad/bc` is the odds of selection in the group over those in the reference.
public struct TwoByTwoTable: Sendable, Equatable, Hashable {
    /// a: group members selected.
    public let groupSelected: Double
    /// b: group members not selected.
    public let groupNotSelected: Double
    /// c: reference members selected.
    public let referenceSelected: Double
    /// d: reference members not selected.
    public let referenceNotSelected: Double

    /// - Throws: ``StratifiedInputError/invalidCount(name:value:)`` for a negative or
    ///   non-finite count.
    public init(groupSelected a: Double, groupNotSelected b: Double, referenceSelected c: Double, referenceNotSelected d: Double) throws {
        for (name, x) in [("groupSelected", a), ("groupNotSelected", b), ("referenceSelected", c), ("referenceNotSelected", d)] {
            guard x.isFinite, x >= 0 else { throw StratifiedInputError.invalidCount(name: name, value: x) }
        }
        self.init(unchecked: a, b, c, d)
    }

    /// For counts already known to be finite and ≥ 0 (the tabulation).
    init(unchecked a: Double, _ b: Double, _ c: Double, _ d: Double) {
        groupSelected = a
        groupNotSelected = b
        referenceSelected = c
        referenceNotSelected = d
    }

    /// n = a + b + c + d.
    public var total: Double { groupSelected + groupNotSelected + referenceSelected + referenceNotSelected }
    /// a + b.
    public var groupTotal: Double { groupSelected + groupNotSelected }
    /// c + d.
    public var referenceTotal: Double { referenceSelected + referenceNotSelected }
    /// a + c.
    public var selectedTotal: Double { groupSelected + referenceSelected }
    /// b + d.
    public var notSelectedTotal: Double { groupNotSelected + referenceNotSelected }

    /// Whether the stratum carries information on the odds ratio: all four margins are
    /// positive. A stratum where the group or the reference is absent, or where nobody or
    /// everybody is selected, has ad = bc = 0 and a − E(a) = 0 and contributes exactly 0 to
    /// every Mantel–Haenszel sum (statsmodels `StratifiedTable` includes it with those zero
    /// terms, or returns nan when its n is 0 or 1); Vigie leaves it out and counts it.
    public var isInformative: Bool {
        groupTotal > 0 && referenceTotal > 0 && selectedTotal > 0 && notSelectedTotal > 0
    }
}
