/// Adjusted p-values for families of tests.
///
/// Both functions return the adjusted p-values in input order, are invariant to how ties are
/// ordered, and return `[]` for an empty input. `NaN` p-values are treated as 1 (no evidence).
/// The arithmetic mirrors statsmodels operation by operation, so results are bit-identical on
/// ordinary inputs.
public enum MultipleTesting {
    /// `p` adjusted by the spec's method (`adjust:`): Holm, Benjamini–Hochberg, or unchanged.
    public static func adjusted(_ p: [Double], by method: InferenceSpec.Adjustment) -> [Double] {
        switch method {
        case .holm: holm(p)
        case .bh: benjaminiHochberg(p)
        case .none: p
        }
    }

    /// Holm's step-down adjustment (Holm 1979, Scand. J. Statist. 6:65–70): with the p-values
    /// sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎, p̃₍ᵢ₎ = min(1, maxⱼ≤ᵢ (m − j + 1)·p₍ⱼ₎).
    /// statsmodels `multipletests(p, method='holm')[1]`.
    public static func holm(_ p: [Double]) -> [Double] {
        let m = p.count
        let order = sortedOrder(p)
        var adjusted = [Double](repeating: 0, count: m)
        var running = -Double.infinity
        for (rank, index) in order.enumerated() {
            running = max(running, value(p[index]) * Double(m - rank))
            adjusted[index] = min(running, 1)
        }
        return adjusted
    }

    /// Benjamini–Hochberg step-up false-discovery-rate adjustment (Benjamini & Hochberg 1995,
    /// JRSS B 57:289–300): p̃₍ᵢ₎ = min(1, minⱼ≥ᵢ p₍ⱼ₎/(j/m)).
    /// statsmodels `multipletests(p, method='fdr_bh')[1]` (which divides by the ECDF factor j/m).
    public static func benjaminiHochberg(_ p: [Double]) -> [Double] {
        let m = p.count
        let order = sortedOrder(p)
        var adjusted = [Double](repeating: 0, count: m)
        var running = Double.infinity
        for rank in stride(from: m - 1, through: 0, by: -1) {
            let index = order[rank]
            running = min(running, value(p[index]) / (Double(rank + 1) / Double(m)))
            adjusted[index] = min(running, 1)
        }
        return adjusted
    }

    static func value(_ p: Double) -> Double { p.isNaN ? 1 : p }

    /// Indices sorting `p` ascending (stable; NaN as 1).
    static func sortedOrder(_ p: [Double]) -> [Int] {
        p.indices.sorted { i, j in
            let a = value(p[i]), b = value(p[j])
            return a < b || (a == b && i < j)
        }
    }
}
