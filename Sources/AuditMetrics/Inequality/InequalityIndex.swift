/// An inequality index of a distribution of non-negative allocations. Formulas and sources are
/// on `Inequality.value(_:of:)`.
public enum InequalityIndex: Hashable, Sendable {
    /// Gini coefficient (mean-difference definition, no n/(n−1) correction).
    case gini
    /// Theil T = GE(1).
    case theilT
    /// Theil L = GE(0), the mean log deviation.
    case theilL
    /// Generalised entropy GE(α), any real α.
    case generalizedEntropy(Double)
    /// Atkinson index with inequality aversion ε ≥ 0.
    case atkinson(Double)
    /// Coefficient of variation σ/μ (population σ).
    case coefficientOfVariation
    /// Palma ratio: share of the top 10 % over share of the bottom 40 %.
    case palma
    /// Share of the total held by the population between quantiles `lower` and `upper`
    /// (0 ≤ lower < upper ≤ 1); bottom 40 %: `(0, 0.4)`.
    case quantileShare(lower: Double, upper: Double)

    /// Report name: `gini`, `theil_t`, `theil_l`, `ge_<α>`, `atkinson_<ε>`, `cv`, `palma`,
    /// `share_<lower %>_<upper %>`. Numbers are printed compactly: integers without a decimal
    /// point (`ge_2`, `ge_-1`, `atkinson_1`), others in Swift's shortest round-trip form
    /// (`ge_0.5`); percentages are rounded to 6 decimals first (`share_0_40`, `share_90_100`).
    public var name: String {
        switch self {
        case .gini: "gini"
        case .theilT: "theil_t"
        case .theilL: "theil_l"
        case .generalizedEntropy(let a): "ge_\(Self.compact(a))"
        case .atkinson(let e): "atkinson_\(Self.compact(e))"
        case .coefficientOfVariation: "cv"
        case .palma: "palma"
        case .quantileShare(let lower, let upper):
            "share_\(Self.compact((lower * 100 * 1e6).rounded() / 1e6))_\(Self.compact((upper * 100 * 1e6).rounded() / 1e6))"
        }
    }

    /// `2` for 2.0, `-1` for −1.0, `0.5` for 0.5.
    static func compact(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// The GE parameter α of a generalised-entropy index (Theil T: 1, Theil L: 0), else nil.
    var entropyAlpha: Double? {
        switch self {
        case .theilT: 1
        case .theilL: 0
        case .generalizedEntropy(let a): a
        default: nil
        }
    }
}
