/// How a criterion turns its column into points (see `docs/model.md`).
public enum GridCriterionKind: Sendable, Equatable {
    /// `points` when the value is in `trueValues` (default `oui`, `1`, `true`), else 0.
    case flag(points: Double, trueValues: [String])
    /// The points of the level equal to the value; 0 for an undeclared value or a missing one.
    case category(levels: [GridCategoryLevel])
    /// `pointsPerUnit × min(value, cap / |pointsPerUnit|)`: e.g. +1 per month,
    /// at most 60 points. `cap` is in points; `nil` means no cap.
    case perUnit(pointsPerUnit: Double, cap: Double?)
    /// The points of the band `[from, to)` that holds the value; 0 outside every band.
    case bands([GridBand])

    /// The spec's name of the kind (`flag`, `categories`, `per_unit`, `bands`).
    public var name: String {
        switch self {
        case .flag: "flag"
        case .category: "categories"
        case .perUnit: "per_unit"
        case .bands: "bands"
        }
    }
}
