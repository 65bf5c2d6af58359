import LinearAlgebra

/// What ``GridSensitivity/run(design:attributes:scales:minGroupSize:referenceGroups:tornadoScales:)``
/// computes: the variants, how many applicants each selects, every group's
/// disparities per variant, the ranked table and the tornado bars.
public struct GridSensitivityResult: Sendable {
    /// Column `v` of ``weights``; index 0 is the baseline.
    public let variants: [GridWeightVariant]
    /// `W`: features × variants.
    public let weights: Matrix
    /// Applicants each variant selects (same rule and capacities as the baseline). The scores
    /// and selections themselves are streamed, never kept (`applicants × variants` values).
    public let selectedCounts: [Int]
    /// `disparities[v]`: every group of every attribute (attribute order, then group order) under variant `v`.
    public let disparities: [[GridGroupDisparity]]
    /// The reference group of each attribute (attribute order).
    public let referenceGroups: [String]
    /// Ranked table: sorted by `|ΔIR|` descending (undefined last), then `|Δ rate difference|`
    /// descending, then attribute, group, criterion and scale in input order.
    public let ranking: [GridSensitivityEntry]
    /// Tornado bars, widest first (``GridTornadoBar``).
    public let tornado: [GridTornadoBar]

    /// The ranked entries of one attribute, in ranking order.
    public func ranking(attribute: String) -> [GridSensitivityEntry] {
        ranking.filter { $0.attribute == attribute }
    }
}
