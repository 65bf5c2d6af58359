/// Why a chart value is absent (its `Double?` is `nil`, or not finite).
///
/// A missing value is drawn as its marker word (``ChartText/undefined`` or
/// ``ChartText/suppressed``), never as a zero-length bar or a point at zero.
public enum ChartMissing: String, Sendable, Equatable {
    /// The metric has no value: 0/0, an empty group, a single-class group.
    case undefined
    /// The value exists but is withheld: the group is below the minimum cell size.
    case suppressed
}
