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
            MetricEntry(.scoreMean, d.mean, n: d.n, interval: d.meanInterval),
            MetricEntry(.scoreSD, d.standardDeviation, n: d.n),
            MetricEntry(.scoreP10, d.p10, n: d.n),
            MetricEntry(.scoreP25, d.p25, n: d.n),
            MetricEntry(.scoreMedian, d.median, n: d.n),
            MetricEntry(.scoreP75, d.p75, n: d.n),
            MetricEntry(.scoreP90, d.p90, n: d.n),
        ]
        if let r = scoringRate {
            out.append(MetricEntry(.scoringRate, r.rate, n: r.n, interval: r.rateInterval))
            out.append(MetricEntry(.scoringImpactRatio, r.impactRatio, n: r.n, interval: r.impactRatioInterval))
        }
        if code != nil {
            out += Self.ksEntries(ksVersusRest, ids: (.ksDistance, .ksPValue), n: d.n, reason: "the group or the rest of the sample has no score")
            if let reference {
                let reason = reference == code ? "the reference group itself" : "the group or the reference group has no score"
                out += Self.ksEntries(ksVersusReference, ids: (.ksDistanceReference, .ksPValueReference), n: d.n, reason: reason)
            }
        }
        if let auc {
            out.append(MetricEntry(.auc, auc.auc, n: auc.positives + auc.negatives, interval: auc.interval))
            out.append(MetricEntry(.aucSE, auc.standardError, n: auc.positives + auc.negatives))
            for (j, b) in calibration.enumerated() {
                out.append(MetricEntry(.calibrationObservedRate(bin: j + 1), b.observedRate, n: b.n, interval: b.observedRateInterval))
                out.append(MetricEntry(.calibrationMeanScore(bin: j + 1), b.meanScore, n: b.n))
            }
        }
        return out
    }

    /// Why a KS p-value is published as the bound 1e-300.
    static func ksBoundReason(_ ks: KolmogorovSmirnov) -> String {
        PublishedPValue.boundReason(ks.method == .exact ? "the exact permutation p-value" : "the p-value of Kolmogorov's limit")
    }

    static func ksEntries(_ ks: KolmogorovSmirnov?, ids: (distance: MetricID, pValue: MetricID), n: Int, reason: String) -> [MetricEntry] {
        guard let ks else {
            return [MetricEntry(ids.distance, .undefined(reason: reason), n: n),
                    MetricEntry(ids.pValue, .undefined(reason: reason), n: n)]
        }
        let p: MetricValue = ks.pValueIsUpperBound ? .upperBound(ks.pValue, reason: ksBoundReason(ks)) : .defined(ks.pValue)
        return [MetricEntry(ids.distance, .defined(ks.distance), n: ks.n1 + ks.n2),
                MetricEntry(ids.pValue, p, n: ks.n1 + ks.n2)]
    }
}
