/// A continuous allocation to audit (water volumes, subsidies, bills): how much each
/// household received, and optionally what it needed and how many people it counts.
public struct AllocationSpec: Sendable, Equatable {
    /// The allocation column (numeric, ≥ 0 for the inequality indices).
    public var column: String
    /// An essential-need column: households below it are in shortfall.
    public var need: String?
    /// A household-size column: per-capita allocation is Σ allocation / Σ persons.
    public var per: String?

    /// 1,000,000: the largest household size (`per`) read, so that a size converts to a whole
    /// number of people without overflow (a collective meter may serve a whole building, not
    /// a million people).
    public static let largestHouseholdSize = 1_000_000.0

    public init(column: String, need: String? = nil, per: String? = nil) {
        self.column = column
        self.need = need
        self.per = per
    }
}
