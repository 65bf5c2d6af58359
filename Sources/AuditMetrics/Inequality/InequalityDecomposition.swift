import Foundation

/// An exact between/within-group decomposition of a generalised-entropy index:
/// `total = between + within` (up to rounding).
///
/// With groups `g` of weight `W_g`, mean `μ_g`, weight share `v_g = W_g/W` and income share
/// `s_g = W_g μ_g/(W μ)` (Shorrocks 1980, *Econometrica* 48(3), 613–625, eq. 5.4; Cowell 2011,
/// *Measuring Inequality*, technical appendix A.5):
///
/// * `between = GE(α)` of the sample in which every value is replaced by its group mean, i.e.
///   `Σ_g v_g · term_α(μ_g/μ)` (AIF360's `between_group_generalized_entropy_index`,
///   `docs/toolkits.md` row 19);
/// * `within = Σ_g v_g^{1−α} s_g^{α} · GE_g(α)`, `GE_g` the index inside group `g`. For Theil T
///   (α = 1) the group weights are the income shares `s_g`, for Theil L (α = 0) the weight
///   shares `v_g` (`docs/domain.md` §8: `T = Σ_g s_g T_g + Σ_g s_g ln(μ_g/μ)`).
///
/// A group whose mean is 0 (possible for α > 0 only) has `s_g = 0`, no index of its own
/// (`index == nil`) and contributes 0 to `within`.
public struct InequalityDecomposition: Sendable, Equatable {
    /// One group's part.
    public struct Group: Sendable, Equatable {
        /// The group code.
        public let code: UInt32
        /// `v_g = W_g / W`.
        public let weightShare: Double
        /// `s_g = W_g μ_g / (W μ)`.
        public let incomeShare: Double
        /// `μ_g`.
        public let mean: Double
        /// `GE_g(α)`, nil when the group's mean is 0.
        public let index: Double?
        /// `v_g^{1−α} s_g^{α} GE_g(α)`, its part of `within`.
        public let withinContribution: Double
    }

    /// GE(α) of the whole sample.
    public let total: Double
    /// GE(α) of the group means.
    public let between: Double
    /// `Σ_g v_g^{1−α} s_g^{α} GE_g(α)`.
    public let within: Double
    /// Groups with positive weight, by ascending code.
    public let groups: [Group]
}

extension Inequality {
    /// Decomposes a GE-family index (Theil T, Theil L, `generalizedEntropy(α)`) of `sample` by
    /// `groups` (one code `< groupCount` per element of the `values` array the sample was built
    /// from, missing rows included; see `InequalityDecomposition`).
    ///
    /// - Returns: nil for an index outside the GE family, or when the index is undefined on
    ///   `sample` (see `value(_:of:)`) or not finite.
    public static func decompose(_ index: InequalityIndex, sample: AllocationSample, groups: [UInt32], groupCount: Int) -> InequalityDecomposition? {
        guard let alpha = index.entropyAlpha else { return nil }
        precondition(groups.count == sample.inputCount, "decompose: \(groups.count) group codes for \(sample.inputCount) values")
        guard case .defined(let total) = value(index, of: sample) else { return nil }
        let mu = sample.mean!
        var members = [[Int]](repeating: [], count: groupCount)
        for (k, row) in sample.originalIndex.enumerated() {
            let g = Int(groups[row])
            precondition(g < groupCount, "decompose: group code \(g) ≥ groupCount \(groupCount)")
            members[g].append(k)
        }
        var parts: [InequalityDecomposition.Group] = []
        var between = 0.0, within = 0.0
        for g in 0..<groupCount where !members[g].isEmpty {
            let x = members[g].map { sample.values[$0] }, w = members[g].map { sample.weights[$0] }
            var wg = 0.0, sg = 0.0
            for i in x.indices { wg += w[i]; sg += w[i] * x[i] }
            let mug = sg / wg
            let v = wg / sample.totalWeight
            let s = v * mug / mu
            between += wg * entropyTerm(mug / mu, alpha: alpha)
            var indexG: Double? = nil
            var contribution = 0.0
            if mug > 0 {
                let ge = generalizedEntropy(x, w, alpha: alpha, mean: mug, totalWeight: wg)
                indexG = ge
                contribution = Foundation.pow(v, 1 - alpha) * Foundation.pow(s, alpha) * ge
            }
            within += contribution
            parts.append(.init(code: UInt32(g), weightShare: v, incomeShare: s, mean: mug, index: indexG, withinContribution: contribution))
        }
        between /= sample.totalWeight
        guard between.isFinite, within.isFinite else { return nil }
        return InequalityDecomposition(total: total, between: between, within: within, groups: parts)
    }
}
