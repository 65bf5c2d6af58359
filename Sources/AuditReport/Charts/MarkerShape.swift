/// A point marker's shape, the second encoding of a series beside its colour.
enum MarkerShape: CaseIterable, Sendable {
    case circle, square, triangleUp, diamond, triangleDown, plus, cross, star

    /// The SVG element drawing this shape centred at (`x`, `y`) with half-size `r`,
    /// filled with `fill`, outlined in ink, carrying `attributes` (class, …).
    func element(x: Double, y: Double, r: Double, fill: String, attributes: String = "") -> String {
        let c = ChartNumber.coordinate
        let extra = attributes.isEmpty ? "" : " " + attributes
        let paint = "fill=\"\(fill)\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"1\""
        func polygon(_ points: [(Double, Double)]) -> String {
            let list = points.map { "\(c(x + $0.0 * r)),\(c(y + $0.1 * r))" }.joined(separator: " ")
            return "<polygon points=\"\(list)\" \(paint)\(extra)/>"
        }
        switch self {
        case .circle:
            return "<circle cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"\(c(r))\" \(paint)\(extra)/>"
        case .square:
            return polygon([(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)])
        case .triangleUp:
            return polygon([(0, -1.1), (1, 0.8), (-1, 0.8)])
        case .diamond:
            return polygon([(0, -1.15), (1.15, 0), (0, 1.15), (-1.15, 0)])
        case .triangleDown:
            return polygon([(0, 1.1), (1, -0.8), (-1, -0.8)])
        case .plus:
            let a = 0.35
            return polygon([(-a, -1), (a, -1), (a, -a), (1, -a), (1, a), (a, a), (a, 1), (-a, 1), (-a, a), (-1, a), (-1, -a), (-a, -a)])
        case .cross:
            let a = 0.3, b = 1.0
            return polygon([(-b, -b + a), (-b + a, -b), (0, -a), (b - a, -b), (b, -b + a), (a, 0), (b, b - a), (b - a, b), (0, a), (-b + a, b), (-b, b - a), (-a, 0)])
        case .star:
            // Five points at radius 1.2 and five notches at 0.5, every 36° from the top
            // (cos and sin written out so no libm rounding enters the output).
            return polygon([
                (0, -1.2), (0.293893, -0.404508), (1.141268, -0.370820), (0.475528, 0.154508),
                (0.705342, 0.970820), (0, 0.5), (-0.705342, 0.970820), (-0.475528, 0.154508),
                (-1.141268, -0.370820), (-0.293893, -0.404508),
            ])
        }
    }
}
