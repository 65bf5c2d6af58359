/// One column of the design matrix `X` and its weight in `w` (``GridDesign``).
///
/// Two grids can be scored on the same design when their criteria share the
/// same names and feature definitions; only the weights then differ
/// (``GridDesign/weights(of:)``).
public struct GridFeature: Sendable, Equatable {
    /// What the feature's value `x` is, on one row.
    public enum Definition: Sendable, Equatable {
        /// `x = 1` when the value is in the criterion's true-set, else 0.
        case flag
        /// `x = 1` when the value equals this level, else 0.
        case level(String)
        /// `x = min(value, capUnits)` (`x = value` without a cap); `points = weight · x`.
        case units(capUnits: Double?)
        /// `x = 1` when `from ≤ value < to`, else 0.
        case band(from: Double?, to: Double?)
    }

    /// How `x` is computed from the criterion's column.
    public var definition: Definition
    /// Points per unit of `x`.
    public var weight: Double

    /// A feature and its weight.
    public init(definition: Definition, weight: Double) {
        self.definition = definition
        self.weight = weight
    }
}
