/// The K 2×2 tables of one protected group against the reference group, one per stratum
/// (for example deciles of the grid's score): the input of ``MantelHaenszel``,
/// ``CochranMantelHaenszel`` and ``BreslowDay``.
public struct StratifiedTables: Sendable, Equatable {
    /// One table per stratum, in stratum-code order (empty strata included).
    public let strata: [TwoByTwoTable]

    public init(_ strata: [TwoByTwoTable]) {
        self.strata = strata
    }

    /// The strata whose four margins are positive (``TwoByTwoTable/isInformative``), in order.
    public var informative: [TwoByTwoTable] { strata.filter(\.isInformative) }

    /// How many strata carry information.
    public var informativeCount: Int { strata.reduce(0) { $0 + ($1.isInformative ? 1 : 0) } }

    /// The table summed over strata (the crude, unstratified table).
    public var pooled: TwoByTwoTable {
        var a = 0.0, b = 0.0, c = 0.0, d = 0.0
        for t in strata {
            a += t.groupSelected; b += t.groupNotSelected
            c += t.referenceSelected; d += t.referenceNotSelected
        }
        return TwoByTwoTable(unchecked: a, b, c, d)
    }
}
