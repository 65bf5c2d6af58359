extension ScoreGroupResult {
    /// The group's values as rows of the central table, in a fixed order:
    /// `score_mean` (Student t interval), `score_sd`, `score_p10`, `score_p25`, `score_median`,
    /// `score_p75`, `score_p90`; for a group `scoring_rate` (Wilson), `scoring_impact_ratio`
    /// (Katz), `ks_distance`, `ks_p_value` (against the rest) and, with a reference,
    /// `ks_distance_reference`, `ks_p_value_reference` (a p-value below 1e-300 is the upper
    /// bound 1e-300, status `upper_bound`, with its reason); with labels `auc` (DeLong), `auc_se`
    /// and per calibration bin j (1-based) `calibration_<j>_observed_rate` (Wilson),
    /// `calibration_<j>_mean_score`. `n` is the group's scored rows, the bin's rows for a bin,
    /// and n₁ + n₂ for a KS comparison. `reference` is the reference group's code, if any.
    public func entries(reference: Int?) -> [MetricEntry] {
        let d = distribution
        var out: [MetricEntry] = [
            MetricEntry("score_mean", d.mean, n: d.n, interval: d.meanInterval),
            MetricEntry("score_sd", d.standardDeviation, n: d.n),
            MetricEntry("score_p10", d.p10, n: d.n),
            MetricEntry("score_p25", d.p25, n: d.n),
            MetricEntry("score_median", d.median, n: d.n),
            MetricEntry("score_p75", d.p75, n: d.n),
            MetricEntry("score_p90", d.p90, n: d.n),
        ]
        if let r = scoringRate {
            out.append(MetricEntry("scoring_rate", r.rate, n: r.n, interval: r.rateInterval))
            out.append(MetricEntry("scoring_impact_ratio", r.impactRatio, n: r.n, interval: r.impactRatioInterval))
        }
        if code != nil {
            out += Self.ksEntries(ksVersusRest, suffix: "", n: d.n, reason: "the group or the rest of the sample has no score")
            if let reference {
                let reason = reference == code ? "the reference group itself" : "the group or the reference group has no score"
                out += Self.ksEntries(ksVersusReference, suffix: "_reference", n: d.n, reason: reason)
            }
        }
        if let auc {
            out.append(MetricEntry("auc", auc.auc, n: auc.positives + auc.negatives, interval: auc.interval))
            out.append(MetricEntry("auc_se", auc.standardError, n: auc.positives + auc.negatives))
            for (j, b) in calibration.enumerated() {
                out.append(MetricEntry("calibration_\(j + 1)_observed_rate", b.observedRate, n: b.n, interval: b.observedRateInterval))
                out.append(MetricEntry("calibration_\(j + 1)_mean_score", b.meanScore, n: b.n))
            }
        }
        return out
    }

    /// Why a KS p-value is published as the bound 1e-300.
    static func ksBoundReason(_ ks: KolmogorovSmirnov) -> String {
        PublishedPValue.boundReason(ks.method == .exact ? "the exact permutation p-value" : "the p-value of Kolmogorov's limit")
    }

    static func ksEntries(_ ks: KolmogorovSmirnov?, suffix: String, n: Int, reason: String) -> [MetricEntry] {
        guard let ks else {
            return [MetricEntry("ks_distance\(suffix)", .undefined(reason: reason), n: n),
                    MetricEntry("ks_p_value\(suffix)", .undefined(reason: reason), n: n)]
        }
        let p: MetricValue = ks.pValueIsUpperBound ? .upperBound(ks.pValue, reason: ksBoundReason(ks)) : .defined(ks.pValue)
        return [MetricEntry("ks_distance\(suffix)", .defined(ks.distance), n: ks.n1 + ks.n2),
                MetricEntry("ks_p_value\(suffix)", p, n: ks.n1 + ks.n2)]
    }
}
