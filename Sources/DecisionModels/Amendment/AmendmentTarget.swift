import AuditData

/// A fairness target an amended grid must meet (`vigie amend --target`, `docs/amend.md`).
///
/// Measured on the amended grid's own scores and selection, re-allocated under the baseline
/// grid's rule, capacities and tie-break (``GridAmendment``), for the **eligible** groups of
/// the protected attribute: groups of at least `min_group_size` rows (and of at least
/// `min_cell_size`, so that a published rate is never suppressed), not `unknown` — the
/// impact ratio's eligibility rule of the audit (`GridGroupDisparity`).
public enum AmendmentTarget: Sendable, Equatable, Hashable {
    /// Every eligible group's impact ratio `p_g / max_{h eligible} p_h ≥ x` (four-fifths rule:
    /// 29 CFR 1607.4(D)), `p_g` the share of the group the grid selects.
    case impactRatioAtLeast(Double)
    /// Every eligible group's mean score is within `N` points of the reference group's:
    /// `|mean_g(score) − mean_r(score)| ≤ N` (the model audit's `score_gap`, in absolute value).
    case scoreGapAtMost(Double)
    /// Every eligible group's top-k share ratio, relative to the reference group's, is at least
    /// `x`: with `S` the k best-ranked applicants (the grid's own selection: k its places),
    /// `TKSR_g = (s_g/|S|) / (n_g/n)` (the waiting-list audit's `top_k_share_ratio`,
    /// ``TopKShare``) and the metric `min_{g eligible, g≠r} TKSR_g / TKSR_r`, which equals
    /// `(s_g/n_g) / (s_r/n_r)`: the impact ratio against the reference `r` instead of the
    /// most-selected group.
    case topKShareRatioAtLeast(Double)
    /// Every eligible group's exposure ratio is at least `x`: the model audit's `exposure_ratio`
    /// (``GroupExposure``; Singh & Joachims 2018, "Fairness of Exposure in Rankings", KDD, with
    /// the DCG position bias `v(r) = 1/log₂(1 + r)`): applicants of a known group ranked in the
    /// grid's overall order (score descending, then the tie-break), positions `1…N`, and
    /// `ER_g = ((1/n_g) Σ_{i∈g} v(r_i)) / ((1/N) Σ_i v(r_i))`, the group's mean exposure over
    /// everyone's (1 = exposure in proportion to size). The metric is `min_{g eligible} ER_g`.
    case exposureRatioAtLeast(Double)

    /// Parses `impact_ratio>=0.8`, `score_gap<=5`, `top_k_share_ratio>=0.8` or `exposure_ratio>=0.9`.
    /// - Throws: `SpecError` keyed `--target` naming what was expected.
    public init(parsing text: String) throws(SpecError) {
        let compact = text.filter { !$0.isWhitespace }
        func number(_ s: Substring) throws(SpecError) -> Double {
            guard let x = Double(s), x.isFinite else {
                throw SpecError(key: "--target", problem: .sentence(.amendTargetNumber, arguments: ["text": "\(text)", "found": "\(s)"]))
            }
            return x
        }
        if compact.hasPrefix("impact_ratio>=") {
            let x = try number(compact.dropFirst("impact_ratio>=".count))
            guard x > 0, x <= 1 else { throw SpecError(key: "--target", problem: .sentence(.amendRatioTarget, arguments: ["text": "\(text)", "found": "\(x)"])) }
            self = .impactRatioAtLeast(x)
        } else if compact.hasPrefix("score_gap<=") {
            let x = try number(compact.dropFirst("score_gap<=".count))
            guard x >= 0 else { throw SpecError(key: "--target", problem: .sentence(.amendScoreGapTarget, arguments: ["text": "\(text)", "found": "\(x)"])) }
            self = .scoreGapAtMost(x)
        } else if compact.hasPrefix("top_k_share_ratio>=") {
            let x = try number(compact.dropFirst("top_k_share_ratio>=".count))
            guard x > 0 else { throw SpecError(key: "--target", problem: .sentence(.amendTopKTarget, arguments: ["text": "\(text)", "found": "\(x)"])) }
            self = .topKShareRatioAtLeast(x)
        } else if compact.hasPrefix("exposure_ratio>=") {
            let x = try number(compact.dropFirst("exposure_ratio>=".count))
            guard x > 0 else { throw SpecError(key: "--target", problem: .sentence(.amendExposureTarget, arguments: ["text": "\(text)", "found": "\(x)"])) }
            self = .exposureRatioAtLeast(x)
        } else {
            throw SpecError(key: "--target", problem: .sentence(.amendTargetShape, arguments: ["text": "\(text)"]))
        }
    }

    /// The metric's name in outputs: `min_impact_ratio`, `max_abs_score_gap`, `min_top_k_share_ratio` or `min_exposure_ratio`.
    public var metricName: String {
        switch self {
        case .impactRatioAtLeast: "min_impact_ratio"
        case .scoreGapAtMost: "max_abs_score_gap"
        case .topKShareRatioAtLeast: "min_top_k_share_ratio"
        case .exposureRatioAtLeast: "min_exposure_ratio"
        }
    }

    /// The target as written on the command line.
    public var text: String {
        switch self {
        case .impactRatioAtLeast(let x): "impact_ratio>=\(x.pointsText)"
        case .scoreGapAtMost(let x): "score_gap<=\(x.pointsText)"
        case .topKShareRatioAtLeast(let x): "top_k_share_ratio>=\(x.pointsText)"
        case .exposureRatioAtLeast(let x): "exposure_ratio>=\(x.pointsText)"
        }
    }

    /// How far `value` (the target's metric) falls short: 0 when met, `+∞` when undefined.
    public func shortfall(_ value: Double?) -> Double {
        guard let value else { return .infinity }
        switch self {
        case .impactRatioAtLeast(let x), .topKShareRatioAtLeast(let x), .exposureRatioAtLeast(let x): return max(0, x - value)
        case .scoreGapAtMost(let n): return max(0, value - n)
        }
    }
}
