/// One level of a `categories` criterion: `points` when the column's value is
/// exactly `value` (byte-for-byte; a value not declared gives 0 points).
public struct GridCategoryLevel: Sendable, Equatable {
    /// The CSV value, e.g. `sans_abri`.
    public var value: String
    /// Points given to that value (negative for a penalty).
    public var points: Double

    /// The level `value` worth `points`.
    public init(value: String, points: Double) {
        self.value = value
        self.points = points
    }
}
