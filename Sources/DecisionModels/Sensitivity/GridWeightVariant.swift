/// One column of a sensitivity weight matrix: the grid's weights with the
/// features of one criterion multiplied by ``scale`` (×0 removes the criterion),
/// or the unchanged grid (``criterion`` `nil`, the baseline).
public struct GridWeightVariant: Sendable, Equatable {
    /// Index of the scaled criterion in `grid.criteria`; `nil` for the baseline.
    public let criterion: Int?
    /// Name of the scaled criterion; `nil` for the baseline.
    public let criterionName: String?
    /// Factor applied to the criterion's feature weights (1 for the baseline).
    public let scale: Double

    public init(criterion: Int?, criterionName: String?, scale: Double) {
        self.criterion = criterion
        self.criterionName = criterionName
        self.scale = scale
    }

    /// The unchanged grid.
    public static let baseline = GridWeightVariant(criterion: nil, criterionName: nil, scale: 1)

    /// Whether this is the unchanged grid.
    public var isBaseline: Bool { criterion == nil }

    /// A short label: `baseline`, `lien_commune×0`, `anciennete×1.5`.
    public var label: String {
        guard let criterionName else { return "baseline" }
        let s = Int(exactly: scale).map(String.init) ?? String(scale)
        return "\(criterionName)×\(s)"
    }
}
