extension MultipleTesting {
    /// Bonferroni's adjustment (Bonferroni 1936; Dunn 1961, JASA 56:52–64): p̃ᵢ = min(1, m·pᵢ)
    /// for a family of m tests. statsmodels `multipletests(p, method='bonferroni')[1]`.
    /// Used by the scan (`BiasScan`), where the family is fixed before the held-out half is read.
    public static func bonferroni(_ p: [Double]) -> [Double] {
        let m = Double(p.count)
        return p.map { min(1, value($0) * m) }
    }
}
