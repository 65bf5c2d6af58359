/// One band of a `bands` criterion: `points` when `from ≤ value < to`
/// (a half-open interval; a missing bound is −∞ or +∞).
///
/// Bands of a criterion must not overlap (checked when the grid is read), so a
/// value earns the points of at most one band.
public struct GridBand: Sendable, Equatable {
    /// Inclusive lower bound; `nil` means −∞.
    public var from: Double?
    /// Exclusive upper bound; `nil` means +∞.
    public var to: Double?
    /// Points given when the value lies in `[from, to)` (negative for a penalty).
    public var points: Double

    /// The band `[from, to)` worth `points`.
    public init(from: Double? = nil, to: Double? = nil, points: Double) {
        self.from = from
        self.to = to
        self.points = points
    }

    /// Whether `value` lies in `[from, to)`.
    @inline(__always)
    public func contains(_ value: Double) -> Bool {
        (from.map { value >= $0 } ?? true) && (to.map { value < $0 } ?? true)
    }

    /// `[from, to)` written out, for labels and messages (`[0.3, +∞)`).
    public var interval: String {
        "[\(from.map { GridBand.format($0) } ?? "−∞"), \(to.map { GridBand.format($0) } ?? "+∞"))"
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
