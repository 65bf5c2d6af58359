/// p-values beyond double precision. The tails of the normal, chi-square and Kolmogorov
/// distributions underflow near 1e-308, and below about 1e-300 the last digits are no longer
/// reliable, so Vigie never publishes a p-value below ``smallest``: a smaller one is published
/// as 1e-300, an **upper bound** (the true p-value is smaller still), never as 0
/// (`docs/inference.md`, "Beyond double precision").
public enum PublishedPValue {
    /// 1e-300.
    public static let smallest = 1e-300

    /// `p`, or the bound ``smallest`` with `isUpperBound` when `p` is below it (0 included).
    public static func bounded(_ p: Double) -> (value: Double, isUpperBound: Bool) {
        p < smallest ? (smallest, true) : (p, false)
    }

    /// Why a published p-value is the bound, for reasons in words.
    public static func boundReason(_ what: String) -> String {
        "upper bound: \(what) is below 1e-300, smaller than double precision resolves; 1e-300 is published and the true value is smaller still"
    }
}
