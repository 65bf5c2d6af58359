/// One category of an impact-ratio table in the style of NYC Local Law 144.
public struct ImpactRatioRow: Sendable, Equatable {
    public let category: String
    /// Rows in the category.
    public let count: Int
    /// Its share of the audited rows.
    public let share: Double
    /// Favourable-outcome rate (the selection rate when a positive decision is favourable);
    /// `nil` when undefined (no row with a decision).
    public let rate: Double?
    /// Rate over the highest rate among the included categories; `nil` when excluded.
    public let impactRatio: Double?
    /// Why the category has no impact ratio: `suppressed` (disclosure control), `undefined`
    /// (no rate, or no comparable category with one), or `nil` when it has one.
    public let exclusion: String?
    /// A mark on a category that has its ratio: `small` (under 2 % of the sample: LL144 allows
    /// leaving it out) or `unknown` (protected value missing); `nil` otherwise.
    public var note: String? = nil
}
