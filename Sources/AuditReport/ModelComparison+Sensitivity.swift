import AuditMetrics
import DecisionModels

extension ModelComparison {
    public static let sensitivityHeader = ["rank", "attribute", "group", "criterion", "scale", "impact_ratio_baseline", "impact_ratio_variant",
                                           "impact_ratio_change", "rate_difference_change", "mean_score_gap_change"]
    public static let tornadoHeader = ["attribute", "group", "criterion", "low_scale", "high_scale", "impact_ratio_change_low",
                                       "impact_ratio_change_high", "rate_difference_change_low", "rate_difference_change_high"]

    /// `sensitivity.csv`: ``GridSensitivityResult/ranking`` in its order (rank 1 = the largest
    /// `|ΔIR|`), exact numbers, an undefined value empty.
    public static func sensitivityCSV(_ result: GridSensitivityResult) -> String {
        var out = sensitivityHeader.joined(separator: ",") + "\n"
        for (k, e) in result.ranking.enumerated() {
            let cells = [String(k + 1), CSVText.text(e.attribute), CSVText.text(e.group), CSVText.text(e.criterion), NumberFormat.exact(e.scale)]
                + [e.baselineImpactRatio, e.variantImpactRatio, e.impactRatioChange, e.rateDifferenceChange, e.meanScoreGapChange].map(text)
            out += CSVText.line(cells)
        }
        return out
    }

    /// `tornado.csv`: ``GridSensitivityResult/tornado``, widest bar first.
    public static func tornadoCSV(_ result: GridSensitivityResult) -> String {
        var out = tornadoHeader.joined(separator: ",") + "\n"
        for b in result.tornado {
            let cells = [CSVText.text(b.attribute), CSVText.text(b.group), CSVText.text(b.criterion), NumberFormat.exact(b.lowScale), NumberFormat.exact(b.highScale)]
                + [b.lowImpactRatioChange, b.highImpactRatioChange, b.lowRateDifferenceChange, b.highRateDifferenceChange].map(text)
            out += CSVText.line(cells)
        }
        return out
    }

    private static func text(_ value: MetricValue) -> String { value.value.map(NumberFormat.exact) ?? "" }
}
