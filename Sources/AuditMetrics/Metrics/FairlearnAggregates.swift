/// Fairlearn's attribute-level aggregates (`fairlearn.metrics`), as pure functions of the
/// per-group values of one rate.
///
/// - `between_groups`: difference = max_g m_g − min_g m_g; ratio = min_g m_g / max_g m_g.
/// - `to_overall`: difference = max_g |m_g − m_all|; ratio = min_g min(m_g/m_all, m_all/m_g).
///
/// `demographic_parity_*` apply these to the selection rate; `equalized_odds_difference` is
/// the larger of the TPR and FPR differences, `equalized_odds_ratio` the smaller of their
/// ratios (Fairlearn's default `agg='worst_case'`).
///
/// Groups whose rate is undefined are left out (Fairlearn would count a TPR with no
/// positives as 0); the caller lists them.
public enum FairlearnAggregates {
    /// max − min over the defined values.
    public static func differenceBetweenGroups(_ values: [Double]) -> MetricValue {
        guard let lo = values.min(), let hi = values.max() else { return .undefined(reason: "no group with a defined value") }
        return .defined(hi - lo)
    }

    /// min / max over the defined values.
    public static func ratioBetweenGroups(_ values: [Double]) -> MetricValue {
        guard let lo = values.min(), let hi = values.max() else { return .undefined(reason: "no group with a defined value") }
        return .ratio(lo, hi, reason: "every group's value is 0")
    }

    /// max |m_g − m_all|.
    public static func differenceToOverall(_ values: [Double], overall: MetricValue) -> MetricValue {
        guard let all = overall.value else { return .undefined(reason: "undefined for the whole population") }
        guard !values.isEmpty else { return .undefined(reason: "no group with a defined value") }
        return .defined(values.map { abs($0 - all) }.max()!)
    }

    /// min over groups of min(m_g/m_all, m_all/m_g); a group at 0 gives 0.
    public static func ratioToOverall(_ values: [Double], overall: MetricValue) -> MetricValue {
        guard let all = overall.value else { return .undefined(reason: "undefined for the whole population") }
        guard !values.isEmpty else { return .undefined(reason: "no group with a defined value") }
        guard all != 0 else { return .undefined(reason: "the whole population's value is 0") }
        return .defined(values.map { v in
            let r = v / all
            return r > 1 ? 1 / r : r
        }.min()!)
    }

    /// The larger of two differences (equalized odds, worst case).
    static func worst(_ a: MetricValue, _ b: MetricValue, larger: Bool) -> MetricValue {
        switch (a, b) {
        case (.defined(let x), .defined(let y)): return .defined(larger ? max(x, y) : min(x, y))
        case (.undefined(let reason), _), (_, .undefined(let reason)), (.suppressed(let reason), _), (_, .suppressed(let reason)),
             (.upperBound(_, let reason), _), (_, .upperBound(_, let reason)): return .undefined(reason: reason)
        }
    }
}
